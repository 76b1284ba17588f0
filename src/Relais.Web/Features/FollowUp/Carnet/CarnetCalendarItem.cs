namespace Relais.Web.Features.FollowUp.Carnet;

/// <summary>
/// One dated line drawn in the month-grid calendar of the Carnet de Surveillance Alternée: an item of a
/// patient's carnet, or a line of a protocol preview (always planned). Codes are those of the API:
/// performer gp / specialist / radiotherapist / lab / imaging, status planned / done / overdue / cancelled.
/// </summary>
public sealed record CarnetCalendarItem(DateOnly Due, string KindLabel, string Performer, string Status, string? Detail = null);

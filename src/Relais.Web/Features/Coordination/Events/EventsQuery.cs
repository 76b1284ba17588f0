using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Web.Data;

namespace Relais.Web.Features.Coordination.Events;

public sealed record ClinicalEventDto(Guid Id, ClinicalEventKind Kind, string Description, DateOnly OccurredOn, int? Grade, string? TreatmentsGiven,
    string? SuspectedDrug, bool Urgent, bool PharmacovigilancePrompt, string? PharmacovigilanceUrl, DateTimeOffset? PharmacovigilanceDeclaredAt,
    string ReportedBy, DateTimeOffset ReportedAt, Guid? TransmissionId, Guid? ReferralId)
{
    /// <summary>French pharmacovigilance reporting portal [G] (PRODUCT.md §9).</summary>
    public const string PharmacovigilancePortal = "https://signalement.social-sante.gouv.fr";

    public static ClinicalEventDto From(ClinicalEvent e, string reportedBy, Guid? referralId) => new(
        e.Id, e.Kind, e.Description, e.OccurredOn, e.Grade, e.TreatmentsGiven, e.SuspectedDrug, e.IsUrgent, e.NeedsPharmacovigilance && e.PharmacovigilanceDeclaredAt is null,
        e.NeedsPharmacovigilance ? PharmacovigilancePortal : null, e.PharmacovigilanceDeclaredAt, reportedBy, e.ReportedAt, e.TransmissionId, referralId);
}

/// <summary>The events a GP reported for a patient, newest first, with the referral a suspected recurrence opened. Access was checked by the caller.</summary>
public sealed class EventsQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<ClinicalEventDto>> ListAsync(Guid patientId, CancellationToken ct)
    {
        var events = await db.ClinicalEvents.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.ReportedAt).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var referrals = await db.ReferralTasks.AsNoTracking().Where(r => r.ClinicalEventId != null && ids.Contains(r.ClinicalEventId.Value))
            .ToDictionaryAsync(r => r.ClinicalEventId!.Value, r => r.Id, ct);
        var names = await ProfessionalNames.OfAsync(db, events.Select(e => e.ReportedBy), ct);
        return events.Select(e => ClinicalEventDto.From(e, names.GetValueOrDefault(e.ReportedBy, "?"), referrals.TryGetValue(e.Id, out var r) ? r : null)).ToList();
    }
}

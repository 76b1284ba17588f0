using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;

namespace Relais.Web.Features.Symptoms.Responses;

/// <summary>The numbers and opening hours of a centre, as configured (section <c>Symptoms:Contact</c>, or <c>Symptoms:Centres:&lt;FINESS&gt;</c>).</summary>
public sealed class UnitContactOptions
{
    public string UnitName { get; set; } = "le service d'oncologie";
    public string UnitPhone { get; set; } = "";
    public string OnCallPhone { get; set; } = "";
    /// <summary>Opening days, comma-separated English day names.</summary>
    public string Days { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";
    public string Opens { get; set; } = "08:30";
    public string Closes { get; set; } = "18:00";

    public UnitContact ToContact() => new(UnitName, UnitPhone, OnCallPhone,
        [.. Days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true))],
        TimeOnly.Parse(Opens, CultureInfo.InvariantCulture), TimeOnly.Parse(Closes, CultureInfo.InvariantCulture));
}

/// <summary>
/// The centre of a patient — the hospital of the team's referring physician, else of any hospital member — and its
/// contact: what the patient is told to call, and whose on-call rota an urgent alert escalates to.
/// </summary>
public sealed class UnitContacts(RelaisDb db, Clock clock, IConfiguration configuration)
{
    /// <summary>The patient's centre, or null when no hospital professional is on the team.</summary>
    public async Task<Organisation?> CentreAsync(Guid patientId, CancellationToken ct)
    {
        var today = clock.Today;
        var hospitals = await (from m in db.CareTeamMembers.Where(CareTeamMember.ActiveNow(today))
                               where m.PatientId == patientId
                               join u in db.Users on m.ProfessionalId equals u.Id
                               join o in db.Organisations on u.OrganisationId equals o.Id
                               where o.Kind == OrganisationKind.Hospital
                               select new { m.Role, o }).AsNoTracking().ToListAsync(ct);
        return hospitals.OrderBy(h => h.Role == CareTeamRole.ReferringOncologist ? 0 : 1).Select(h => h.o).FirstOrDefault();
    }

    public UnitContact For(Organisation? centre)
    {
        var section = centre?.Finess is { } finess && configuration.GetSection($"Symptoms:Centres:{finess}").Exists()
            ? configuration.GetSection($"Symptoms:Centres:{finess}")
            : configuration.GetSection("Symptoms:Contact");
        return (section.Get<UnitContactOptions>() ?? new UnitContactOptions()).ToContact();
    }

    /// <summary>Whom the patient calls now, in French wall-clock time.</summary>
    public CallAdvice Now(UnitContact contact) => WhomToCall.At(contact, Clock.ToParis(clock.Now).DateTime);

    /// <summary>How long an urgent alert may wait unacknowledged before it goes to the physician on call (<c>Symptoms:EscalationMinutes</c>, default 30).</summary>
    public TimeSpan EscalationDelay => TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Symptoms:EscalationMinutes", 30)));
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Prevention;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Features.FollowUp.ContinuingTreatments;
using Relais.Web.Features.FollowUp.EndOfTreatment;
using Relais.Web.Features.Programmes.AfterCancer;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Prevention;

public sealed record ScreeningsPlanned(int Items, IReadOnlyList<string> Programmes, Guid? PpacId, int? PpacVersion);

/// <summary>
/// Adds to the carnet, as items for the GP, the organised screenings due for the patient (<see cref="OrganisedScreenings"/>):
/// each programme's tests at its interval until the end of its age window or of the carnet's ten years. A programme
/// already in the carnet is not planned twice. Planned by a hospital physician, the PPAC in force is re-issued with them;
/// planned by the GP, who does not sign the PPAC ([G] 2.3), they join its next revision.
/// </summary>
public sealed class PlanOrganisedScreenings(RelaisDb db, Clock clock, ReportCriteria followUp, RevisePpac ppac, CapabilityCheck capabilities)
{
    public static SurveillanceKind KindOf(ScreeningProgramme programme) => programme switch
    {
        ScreeningProgramme.Breast => SurveillanceKind.ScreeningMammography,
        ScreeningProgramme.Colorectal => SurveillanceKind.ColorectalScreeningTest,
        _ => SurveillanceKind.CervicalScreening,
    };

    public async Task<ScreeningsPlanned?> HandleAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => new { p.Sex, p.BirthDate }).FirstOrDefaultAsync(ct);
        if (patient is null) return null;
        var enrolment = await followUp.EnrolmentAsync(patientId, ct)
            ?? throw new DomainValidationException("patientId", "Ce patient n'est pas encore en suivi partagé : les dépistages rejoignent le carnet créé à la fin du traitement.");
        var today = clock.Today;
        var sites = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.PrimarySite).ToListAsync(ct);
        var already = await db.CarnetItems.AsNoTracking().Where(i => i.PatientId == patientId && i.Status == CarnetItemStatus.Planned).Select(i => i.Kind).Distinct().ToListAsync(ct);
        var horizon = today.AddMonths(EndTreatment.DefaultHorizonMonths);
        var lines = new List<Documents.CalendarLine>();
        var programmes = new List<string>();
        foreach (var due in OrganisedScreenings.Due(patient.Sex, patient.BirthDate, sites, today).Where(d => !already.Contains(KindOf(d.Line.Programme))))
        {
            programmes.Add(EnumCodes.Code(due.Line.Programme));
            for (var on = due.From; on <= due.Until && on <= horizon;)
            {
                var month = (on.Year - enrolment.TreatmentEnd.Year) * 12 + on.Month - enrolment.TreatmentEnd.Month;
                var kind = KindOf(due.Line.Programme);
                db.CarnetItems.Add(CarnetItem.Plan(patientId, enrolment.Id, new CarnetEntry(on, month, kind, Performer.Gp), clock.Now));
                lines.Add(new Documents.CalendarLine(on, kind.Label(), Performer.Gp.Label(), null));
                var age = on.Year - patient.BirthDate.Year - (on < patient.BirthDate.AddYears(on.Year - patient.BirthDate.Year) ? 1 : 0);
                on = on.AddMonths(OrganisedScreenings.IntervalMonths(due.Line, age));
            }
        }
        var programme = lines.Count == 0 || !await capabilities.AllowsAsync(user, Capability.SignProgramme, null, ct) ? null
            : await RecordContinuingTreatment.ReissueAsync(db, ppac, user, patientId, lines, ct);
        await db.SaveChangesAsync(ct);
        return new(lines.Count, programmes, programme?.Id, programme?.Version);
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Domain.ContinuingTreatments;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

public sealed record TreatmentReportInput(DateOnly? ObservedOn, string? Adherence, string? SideEffects, bool Intolerance);

public sealed record TreatmentReportResult(Guid Id, string Reporter, bool EarlyReturn, Guid? AlertId);

/// <summary>
/// How a continuing treatment is taken and tolerated, reported by the patient, the GP, the pharmacist or the team
/// (issue 16 point 1). An intolerance or a stop is an early return [B] "intolérances ou effets secondaires des
/// thérapeutiques": it takes the one route of the clinical criteria (<see cref="ReportCriteria.RaiseAsync"/>) — the
/// alert, the C14 to the team's queue with its one owner, the GP's copy when he did not report it himself.
/// </summary>
public sealed class ReportTreatment(RelaisDb db, Clock clock, ReportCriteria earlyReturn)
{
    public async Task<TreatmentReportResult?> HandleAsync(CurrentUser user, Guid patientId, Guid treatmentId, TreatmentReportInput input, CancellationToken ct)
    {
        var treatment = await db.ContinuingTreatments.AsNoTracking().FirstOrDefaultAsync(t => t.Id == treatmentId && t.PatientId == patientId, ct);
        if (treatment is null) return null;
        var adherence = EnumCodes.Parse<Adherence>(input.Adherence ?? "as-prescribed", "adherence");
        var reporter = Reporter(user);
        var report = TreatmentReport.Record(treatment, reporter, user.Id, input.ObservedOn, adherence, input.SideEffects, input.Intolerance, clock.Today, clock.Now);
        db.TreatmentReports.Add(report);
        if (report.CallsForEarlyReturn && await earlyReturn.EnrolmentAsync(patientId, ct) is { } enrolment)
        {
            var alert = await earlyReturn.RaiseAsync(user, patientId, enrolment, ClinicalCriteria.IntoleranceOrSideEffects, report.ObservedOn, report.Note(treatment), ct);
            report.Raised(alert.Id);
        }
        await db.SaveChangesAsync(ct);
        return new(report.Id, EnumCodes.Code(reporter), report.CallsForEarlyReturn, report.AlertId);
    }

    private static TreatmentReporter Reporter(CurrentUser user) =>
        user.Kind == AccessorKind.Patient ? TreatmentReporter.Patient
        : user.IsInRole(Roles.GeneralPractitioner) ? TreatmentReporter.GeneralPractitioner
        : user.IsInRole(Roles.Pharmacist) ? TreatmentReporter.Pharmacist
        : TreatmentReporter.Team;
}

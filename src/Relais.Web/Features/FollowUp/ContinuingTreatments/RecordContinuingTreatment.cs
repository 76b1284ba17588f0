using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Features.Programmes.AfterCancer;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

public sealed record ContinuingTreatmentRecorded(Guid Id, string? Module, int? ModuleVersion, int Items, Guid? PpacId, int? PpacVersion);

/// <summary>
/// Records a treatment that continues, after the end of active treatment (issue 16 point 1; at the end of treatment
/// itself, <see cref="EndOfTreatment.EndTreatment"/> records it with the first PPAC): its module's items join the
/// carnet and the PPAC in force is re-issued as a new version carrying it (C11 to the GP and the patient).
/// </summary>
public sealed class RecordContinuingTreatment(RelaisDb db, ContinuingTreatmentPlanner planner, ReportCriteria followUp, RevisePpac ppac)
{
    public async Task<ContinuingTreatmentRecorded> HandleAsync(CurrentUser user, Guid patientId, ContinuingTreatmentInput input, CancellationToken ct)
    {
        var enrolment = await followUp.EnrolmentAsync(patientId, ct)
            ?? throw new DomainValidationException("patientId", "Ce patient n'est pas encore en suivi partagé : le traitement qui se poursuit s'enregistre avec la fin du traitement actif.");
        var planned = await planner.AddAsync(user, patientId, enrolment, input, ct);
        var programme = await ReissueAsync(db, ppac, user, patientId, planned.Lines, ct);
        await db.SaveChangesAsync(ct);
        return new(planned.Treatment.Id, planned.Module?.Code, planned.Module?.Version, planned.Lines.Count, programme?.Id, programme?.Version);
    }

    /// <summary>A new version of the PPAC in force, the rest of it unchanged; none when the patient has no PPAC.</summary>
    internal static async Task<CareProgramme?> ReissueAsync(RelaisDb db, RevisePpac ppac, CurrentUser user, Guid patientId, IReadOnlyList<Documents.CalendarLine> plannedMeanwhile,
        CancellationToken ct)
    {
        var inForce = await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId && p.Kind == ProgrammeKind.Ppac && !p.Superseded)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        return inForce is null ? null : await ppac.AddAsync(user, patientId, RevisePpac.Unchanged(inForce), plannedMeanwhile, ct);
    }
}

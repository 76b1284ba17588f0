using Microsoft.EntityFrameworkCore;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.Programmes.AfterCancer;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

public sealed record StopInput(DateOnly? StoppedOn, string? Reason, int? Revision);

public sealed record ContinuingTreatmentStopped(Guid Id, DateOnly StoppedOn, int CancelledItems, Guid? PpacId, int? PpacVersion);

/// <summary>
/// Records the stop of a continuing treatment (issue 16 point 1): a change of drug is this stop and a new treatment.
/// The items of a module that watches the drug while it is taken (<see cref="ModuleTrigger.WhileTreated"/>) and fall
/// after the stop are cancelled; those of a late-effect module stay. The PPAC in force is re-issued with the stop.
/// </summary>
public sealed class StopContinuingTreatment(RelaisDb db, Clock clock, RevisePpac ppac)
{
    public async Task<ContinuingTreatmentStopped?> HandleAsync(CurrentUser user, Guid patientId, Guid treatmentId, StopInput input, CancellationToken ct)
    {
        var treatment = await db.ContinuingTreatments.FirstOrDefaultAsync(t => t.Id == treatmentId && t.PatientId == patientId, ct);
        if (treatment is null) return null;
        treatment.EnsureRevision(input.Revision);
        treatment.Stop(input.StoppedOn, input.Reason, clock.Today);
        var cancelled = 0;
        if (ShippedModules.For(treatment.Class) is { WhileTreated: true })
        {
            var after = await db.CarnetItems.Where(i => i.ContinuingTreatmentId == treatment.Id && i.Status == CarnetItemStatus.Planned && i.Due > treatment.StoppedOn).ToListAsync(ct);
            foreach (var item in after) item.Cancel($"Traitement arrêté le {treatment.StoppedOn:dd/MM/yyyy} : {treatment.Drug}");
            cancelled = after.Count;
        }
        var programme = await RecordContinuingTreatment.ReissueAsync(db, ppac, user, patientId, [], ct);
        await db.SaveChangesAsync(ct);
        return new(treatment.Id, treatment.StoppedOn!.Value, cancelled, programme?.Id, programme?.Version);
    }
}

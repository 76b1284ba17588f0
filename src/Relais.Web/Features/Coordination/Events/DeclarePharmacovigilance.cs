using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Coordination.Events;

/// <summary>
/// The GP says the serious adverse event was declared on the national portal [G] (PRODUCT.md §9):
/// the prompt stops. Access was checked by the caller.
/// </summary>
public sealed class DeclarePharmacovigilance(RelaisDb db, Clock clock)
{
    /// <returns>False when the patient has no such event.</returns>
    public async Task<bool> HandleAsync(Guid patientId, Guid eventId, CancellationToken ct)
    {
        var evt = await db.ClinicalEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.PatientId == patientId, ct);
        if (evt is null) return false;
        evt.PharmacovigilanceDeclared(clock.Now);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

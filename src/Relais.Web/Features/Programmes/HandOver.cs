using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.Programmes;

public sealed record HandOverInput(DateOnly? On);

/// <summary>The programme is handed to the patient on a date.</summary>
public sealed class HandOver(RelaisDb db, Clock clock)
{
    /// <summary>False when the patient has no such programme.</summary>
    public async Task<bool> HandleAsync(Guid patientId, Guid programmeId, HandOverInput input, CancellationToken ct)
    {
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == programmeId && p.PatientId == patientId, ct);
        if (programme is null) return false;
        programme.HandedToPatient(input.On ?? clock.Today, clock.Today);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Carnet;

public sealed record CancelInput(string? Reason);

/// <summary>An item of the carnet is cancelled, with its reason.</summary>
public sealed class CancelItem(RelaisDb db, Clock clock, IConfiguration configuration)
{
    /// <summary>The item as it now stands, or null when the patient has no such item.</summary>
    public async Task<CarnetEntryDto?> HandleAsync(Guid patientId, Guid itemId, CancelInput input, CancellationToken ct)
    {
        var item = await db.CarnetItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PatientId == patientId, ct);
        if (item is null) return null;
        item.Cancel(input.Reason);
        await db.SaveChangesAsync(ct);
        return CarnetQuery.ToDto(item, clock.Today, configuration.OverdueDays());
    }
}

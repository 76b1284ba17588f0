using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;

namespace Relais.Web.Features.FollowUp.Carnet;

public sealed record DoneInput(DateOnly? On, string? Result);

/// <summary>An item of the carnet is done, on a date, with its result.</summary>
public sealed class MarkDone(RelaisDb db, Clock clock, IConfiguration configuration)
{
    /// <summary>The item as it now stands, or null when the patient has no such item.</summary>
    public async Task<CarnetEntryDto?> HandleAsync(Guid patientId, Guid itemId, DoneInput input, CancellationToken ct)
    {
        var item = await db.CarnetItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PatientId == patientId, ct);
        if (item is null) return null;
        item.Done(input.On ?? clock.Today, input.Result, clock.Today);
        await db.SaveChangesAsync(ct);
        return CarnetQuery.ToDto(item, clock.Today, configuration.OverdueDays());
    }
}

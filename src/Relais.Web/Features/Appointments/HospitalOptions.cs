using Microsoft.EntityFrameworkCore;
using Relais.Domain.Professionals;
using Relais.Web.Data;

namespace Relais.Web.Features.Appointments;

public sealed record HospitalOption(Guid Id, string Name, string? City);

/// <summary>The hospitals an appointment can take place in, or be transferred to, by name.</summary>
public static class HospitalOptions
{
    public static async Task<IReadOnlyList<HospitalOption>> ListAsync(RelaisDb db, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Hospital).OrderBy(o => o.Name)
            .Select(o => new HospitalOption(o.Id, o.Name, o.City)).ToListAsync(ct);
}

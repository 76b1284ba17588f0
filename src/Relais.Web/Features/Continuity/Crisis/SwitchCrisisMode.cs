using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Web.Features.Access;
using Relais.Domain.Continuity;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Continuity.Crisis;

/// <summary>Body of <c>POST /api/crisis-modes</c>: a territory's code (<c>GET /api/crisis-modes</c> lists them) and on or off.</summary>
public sealed record CrisisSwitchInput(string? Territory, bool? Active);

/// <summary>
/// The 3C's crisis referent switches a territory's crisis mode on or off [C]; switching to the state it is already in
/// changes nothing. Audited either way it changes, without any patient.
/// </summary>
public sealed class SwitchCrisisMode(RelaisDb db, Clock clock, CrisisModes modes)
{
    public async Task<CrisisTerritory> HandleAsync(CurrentUser user, CrisisSwitchInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Territory)) throw new DomainValidationException("territory", "Choisissez le territoire.");
        if (input.Active is not { } on) throw new DomainValidationException("active", "Indiquez si le mode crise est activé (true) ou levé (false).");
        var area = await db.LivingAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == input.Territory, ct)
            ?? throw new DomainValidationException("territory", "Territoire inconnu.");
        var current = await db.CrisisPeriods.FirstOrDefaultAsync(c => c.AreaCode == area.Code && c.EndedAt == null, ct);
        var now = clock.Now;
        if (on && current is null)
        {
            current = CrisisPeriod.Start(area.Code, user.Id, now);
            db.CrisisPeriods.Add(current);
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, null, AuditActions.Write, "crisis-mode-on", AuditOutcomes.Allowed, $"territory={area.Code}"));
        }
        else if (!on && current is not null)
        {
            current.End(user.Id, now);
            db.AuditEntries.Add(AuditEntry.Create(now, user.Id, user.PrimaryRole, null, AuditActions.Write, "crisis-mode-off", AuditOutcomes.Allowed, $"territory={area.Code}"));
        }
        await db.SaveChangesAsync(ct);
        return (await modes.HandleAsync(ct)).Territories.First(t => t.Code == area.Code);
    }
}

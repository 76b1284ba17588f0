using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Directory;

/// <summary>Body of POST/PUT /api/supportive-care/providers: kind and services in kebab-case.</summary>
public sealed record ProviderInput(string? Name, string? Kind, IReadOnlyList<string>? Services, string? Address, string? Postcode, string? Commune,
    bool? AcceptsPostCancerPackage, bool? Free, string? Phone, string? Email, bool? Active)
{
    public ProviderFields ToFields() => new(Name ?? "", EnumCodes.Parse<Domain.SupportiveCare.ProviderKind>(Kind, "kind"),
        SupportiveCareCodes.ParseList(string.Join(',', Services ?? [])), Address ?? "", Postcode ?? "", Commune ?? "",
        AcceptsPostCancerPackage ?? false, Free ?? false, Phone, Email);
}

/// <summary>An administrator or a 3C/DSRC coordinator adds a provider to the directory or changes one (audited, no patient).</summary>
public sealed class SaveProvider(RelaisDb db, Clock clock, Geography geography)
{
    /// <returns>The provider; null when <paramref name="providerId"/> names none.</returns>
    public async Task<SupportiveCareProvider?> HandleAsync(CurrentUser user, Guid? providerId, ProviderInput input, CancellationToken ct)
    {
        var fields = input.ToFields();
        var commune = await geography.RequireAsync(fields.Postcode, fields.Commune, ct);
        SupportiveCareProvider provider;
        if (providerId is { } id)
        {
            var existing = await db.SupportiveCareProviders.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null) return null;
            provider = existing;
            provider.Update(fields, commune, clock.Now);
        }
        else
        {
            provider = SupportiveCareProvider.Create(fields, commune, clock.Now);
            db.SupportiveCareProviders.Add(provider);
        }
        if (input.Active is { } active) provider.SetActive(active, clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, null, AuditActions.Write, "supportive-care provider", AuditOutcomes.Allowed, provider.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return provider;
    }
}

/// <summary>Links an account to a provider: it receives the provider's referrals and writes back on them.</summary>
public sealed class LinkProviderMember(RelaisDb db, Clock clock)
{
    /// <returns>False when the provider does not exist.</returns>
    public async Task<bool> HandleAsync(CurrentUser user, Guid providerId, Guid? userId, CancellationToken ct)
    {
        if (!await db.SupportiveCareProviders.AnyAsync(p => p.Id == providerId, ct)) return false;
        if (userId is not { } memberId
            || !await db.UserRoles.AnyAsync(ur => ur.UserId == memberId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.SupportiveCare), ct))
            throw new DomainValidationException("userId", "Seul un compte de soins de support peut être rattaché à un prestataire.");
        if (!await db.ProviderMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId == memberId, ct))
            db.ProviderMembers.Add(ProviderMember.Link(providerId, memberId));
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, null, AuditActions.Write, "supportive-care provider member", AuditOutcomes.Allowed,
            $"{providerId}: {memberId}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

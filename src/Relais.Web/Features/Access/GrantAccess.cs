using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Access;

/// <summary>Body of POST /api/patients/{id}/access-grants: who, which parts (kebab-case section codes), from, until, why.</summary>
public sealed record AccessGrantInput(Guid? ProfessionalId, IReadOnlyList<string>? Sections, DateOnly? From, DateOnly? Until, string? Reason);

public sealed record AccessGrantDto(Guid Id, Guid ProfessionalId, IReadOnlyList<string> Sections, DateOnly From, DateOnly? Until, string Reason,
    Guid GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt)
{
    public static AccessGrantDto Of(AccessGrant g) => new(g.Id, g.ProfessionalId, AccessGrants.Codes(g.Sections), g.From, g.Until, g.Reason,
        g.GrantedBy, g.GrantedAt, g.RevokedAt);
}

public static class AccessGrants
{
    public static IReadOnlyList<string> Codes(RecordSections sections) =>
        Enum.GetValues<RecordSections>().Where(s => s != RecordSections.None && sections.HasFlag(s)).Select(EnumCodes.Code).ToList();

    public static RecordSections Parse(IReadOnlyList<string>? codes)
    {
        var sections = RecordSections.None;
        foreach (var code in codes ?? [])
        {
            if (!EnumCodes.TryParse<RecordSections>(code, out var s) || s == RecordSections.None)
                throw new DomainValidationException("sections", $"Partie du dossier inconnue ; valeurs possibles : {string.Join(", ", Codes(AllSections))}.");
            sections |= s;
        }
        return sections;
    }

    private static readonly RecordSections AllSections = Enum.GetValues<RecordSections>().Aggregate(RecordSections.None, (all, s) => all | s);
}

/// <summary>
/// A team coordinator grants a professional outside the care team a scoped access to the record (a supportive-care
/// referral, another site's tumor-board secretary), or revokes it; both audited. The caller has the write right.
/// </summary>
public sealed class GrantAccess(RelaisDb db, Clock clock)
{
    public async Task<AccessGrant> GrantAsync(CurrentUser user, Guid patientId, AccessGrantInput input, CancellationToken ct)
    {
        if (input.ProfessionalId is not { } professionalId)
            throw new DomainValidationException("professionalId", "Choisissez le professionnel.");
        var isProfessional = await db.UserRoles.AnyAsync(ur => ur.UserId == professionalId
            && db.Roles.Any(r => r.Id == ur.RoleId && Roles.Professionals.Contains(r.Name!)), ct)
            && await db.Users.AnyAsync(u => u.Id == professionalId && u.IsActive, ct);
        if (!isProfessional)
            throw new DomainValidationException("professionalId", "Seul un professionnel de santé reçoit un accès au dossier.");
        var grant = AccessGrant.Grant(patientId, professionalId, AccessGrants.Parse(input.Sections), input.From ?? clock.Today, input.Until, input.Reason, user.Id, clock.Now);
        db.AccessGrants.Add(grant);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "access grant",
            AuditOutcomes.Allowed, $"{professionalId}: {string.Join(",", AccessGrants.Codes(grant.Sections))}"));
        await db.SaveChangesAsync(ct);
        return grant;
    }

    /// <returns>False when the patient has no such grant.</returns>
    public async Task<bool> RevokeAsync(CurrentUser user, Guid patientId, Guid grantId, CancellationToken ct)
    {
        var grant = await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.PatientId == patientId, ct);
        if (grant is null) return false;
        grant.Revoke(user.Id, clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "access grant revoked",
            AuditOutcomes.Allowed, grantId.ToString()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

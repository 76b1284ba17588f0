using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Accounts;
using Relais.Domain.Coordination;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Portal;

/// <summary>Something addressed to the patient that waits for their portal account: a transmission (C5, C11...) or a reminder.</summary>
public sealed record AwaitingItem(string Kind, ObligationCode? Obligation, string Title, DateTimeOffset Since);

/// <summary>
/// The patient's portal account as the team sees it: <c>status</c> none, invited, active or deactivated, how it was
/// opened, and what is "not yet received by the patient".
/// </summary>
public sealed record PortalAccountDto(string Status, PortalChannel? Channel, string? Email, IReadOnlyList<AwaitingItem> Awaiting);

public sealed record DelegationDto(Guid Id, Guid CaregiverId, string Caregiver, string Email, string Reason, IReadOnlyList<string> Sections,
    DateOnly From, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, AccountStatus AccountStatus);

public sealed record DelegatedRecord(Guid PatientId, string PatientName, IReadOnlyList<string> Sections);

public sealed class PortalQueries(RelaisDb db, Clock clock)
{
    public async Task<PortalAccountDto> StatusAsync(Guid patientId, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.PatientId == patientId).Select(u => new { u.Id, u.Email, u.IsActive, HasPassword = u.PasswordHash != null }).FirstOrDefaultAsync(ct);
        var transmissions = await (from r in db.TransmissionRecipients.AsNoTracking()
                                   join t in db.Transmissions on r.TransmissionId equals t.Id
                                   where r.PatientId == patientId && r.RecipientId == patientId && r.Kind == RecipientKinds.Patient
                                   orderby t.CreatedAt
                                   select new AwaitingItem("transmission", t.Obligation, t.Title, t.CreatedAt)).ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.PatientId == patientId && r.RecipientUserId == patientId)
            .OrderBy(r => r.IssuedAt).Select(r => new AwaitingItem("reminder", null, r.Title, r.IssuedAt)).ToListAsync(ct);
        var status = account is null ? "none" : AccountRules.StatusOf(account.IsActive, account.HasPassword) switch
        {
            AccountStatus.Invited => "invited",
            AccountStatus.Active => "active",
            _ => "deactivated",
        };
        PortalChannel? channel = account is null ? null : PortalAccounts.HasMailbox(account.Email) ? PortalChannel.Email : PortalChannel.Letter;
        return new PortalAccountDto(status, channel, channel == PortalChannel.Email ? account!.Email : null, [.. transmissions, .. reminders]);
    }

    /// <summary>The patient's delegations to caregivers, current first, with who, when and what.</summary>
    public async Task<IReadOnlyList<DelegationDto>> DelegationsAsync(Guid patientId, CancellationToken ct)
    {
        var rows = await (from g in db.AccessGrants.AsNoTracking()
                          join u in db.Users on g.ProfessionalId equals u.Id
                          where g.PatientId == patientId && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Caregiver))
                          select new { g, u.FirstName, u.LastName, u.Email, u.IsActive, HasPassword = u.PasswordHash != null }).ToListAsync(ct);
        return rows.OrderBy(x => x.g.RevokedAt != null).ThenByDescending(x => x.g.GrantedAt)
            .Select(x => new DelegationDto(x.g.Id, x.g.ProfessionalId, RelaisUser.NameOf(x.FirstName, x.LastName), x.Email ?? "", x.g.Reason,
                AccessGrants.Codes(x.g.Sections), x.g.From, x.g.GrantedAt, x.g.RevokedAt, AccountRules.StatusOf(x.IsActive, x.HasPassword))).ToList();
    }

    /// <summary>The records delegated to a caregiver today, with their sections; the caller audits the patients named.</summary>
    public async Task<IReadOnlyList<DelegatedRecord>> DelegatedToAsync(CurrentUser caregiver, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await (from g in db.AccessGrants.AsNoTracking()
                          join p in db.Patients on g.PatientId equals p.Id
                          where g.ProfessionalId == caregiver.Id && g.RevokedAt == null && g.From <= today && (g.Until == null || g.Until >= today)
                          select new { g.PatientId, g.Sections, p.BirthName, p.UsedName, p.FirstNames }).ToListAsync(ct);
        return rows.GroupBy(r => r.PatientId).Select(group =>
        {
            var first = group.First();
            var sections = group.Aggregate(RecordSections.None, (all, r) => all | r.Sections);
            return new DelegatedRecord(group.Key, Patients.PatientName.Of(first.BirthName, first.UsedName, first.FirstNames), AccessGrants.Codes(sections));
        }).OrderBy(r => r.PatientName, StringComparer.Ordinal).ToList();
    }
}

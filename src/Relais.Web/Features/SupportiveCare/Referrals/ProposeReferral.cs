using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Messaging;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>
/// Body of POST /api/patients/{id}/supportive-care/referrals. <paramref name="Need"/>: the id of a recorded need, or a
/// need category (the patient's latest need of it, recorded now at a visit if there is none); <paramref name="Shared"/>:
/// the parts of the record the patient agreed to share (section codes), besides the identity and this section.
/// </summary>
public sealed record ReferralInput(string? Service, Guid? ProviderId, string? Need, string? Note, IReadOnlyList<string>? Shared);

/// <summary>
/// Refers the patient to a provider of the directory ([L]: the prescription goes straight to the provider, no
/// inverted circuit). In one unit of work: the referral (proposed), a scoped grant to each account of the provider
/// limited to what the patient agreed to share (<see cref="AccessGrant"/>), the provider's in-app list (its home reads
/// the referral) and a secure e-mail through the outbox — a transmission of its own kind, C10 staying the GP ↔ team
/// exchange — and the audit row.
/// </summary>
public sealed class ProposeReferral(RelaisDb db, Clock clock, IOptions<MailOptions> mail)
{
    public const string GrantReasonPrefix = "Orientation en soins de support";

    public async Task<SupportiveReferral> HandleAsync(CurrentUser user, Guid patientId, ReferralInput input, CancellationToken ct)
    {
        var referral = await StageAsync(user, patientId, input, ct);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>
    /// Adds the referral, its grants, its messages and its audit row to the unit of work without saving: the use cases that
    /// send a referral as part of their own act (the post-cancer package, the EPICES orientation) save it with that act.
    /// </summary>
    public async Task<SupportiveReferral> StageAsync(CurrentUser user, Guid patientId, ReferralInput input, CancellationToken ct)
    {
        if (input.ProviderId is not { } providerId) throw new DomainValidationException("providerId", "Choisissez le prestataire de l'annuaire.");
        var provider = await db.SupportiveCareProviders.FirstOrDefaultAsync(p => p.Id == providerId, ct)
            ?? throw new DomainValidationException("providerId", "Ce prestataire n'est pas dans l'annuaire.");
        var need = await NeedAsync(user, patientId, input.Need, ct);
        var service = string.IsNullOrWhiteSpace(input.Service) && need is not null
            ? SupportiveNeed.ServiceFor(need.Category)
            : EnumCodes.Parse<SupportiveService>(input.Service, "service");
        var referral = SupportiveReferral.Propose(patientId, need, service, provider, input.Note, AccessGrants.Parse(input.Shared), user.Id, clock.Now);
        db.SupportiveReferrals.Add(referral);

        var objected = await db.AccessObjections.Where(o => o.PatientId == patientId && o.WithdrawnAt == null).Select(o => o.ProfessionalId).ToListAsync(ct);
        var members = await (from m in db.ProviderMembers
                             join u in db.Users on m.UserId equals u.Id
                             where m.ProviderId == providerId && u.IsActive && !objected.Contains(u.Id)
                             select new { u.Id, u.Email, u.FirstName, u.LastName }).ToListAsync(ct);
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, ct);
        var sender = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => new { u.FirstName, u.LastName }).FirstAsync(ct);
        foreach (var member in members)
        {
            db.AccessGrants.Add(AccessGrant.Grant(patientId, member.Id, referral.SharedSections, clock.Today, null,
                $"{GrantReasonPrefix} {referral.Id}", user.Id, clock.Now));
            if (!mail.Value.Enabled || !Domain.Accounts.PortalAccounts.HasMailbox(member.Email)) continue;
            var (subject, body) = ReferralMail.ToProvider(patient, provider, referral, RelaisUser.NameOf(member.FirstName, member.LastName),
                RelaisUser.NameOf(sender.FirstName, sender.LastName), mail.Value);
            db.OutboxMessages.Add(OutboxMessage.Create(patientId, OutboxKind.SupportiveCareReferral, null, member.Id, member.Email!, subject, body, null, null,
                mail.Value.Domain, clock.Now));
        }
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "supportive-care referral", AuditOutcomes.Allowed,
            $"{referral.Id}: {EnumCodes.Code(service)} → {providerId}, recipients={members.Count}"));
        return referral;
    }

    private async Task<SupportiveNeed?> NeedAsync(CurrentUser user, Guid patientId, string? need, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(need)) return null;
        // A need recorded in this same unit of work (the EPICES orientation) is found among the tracked ones.
        if (Guid.TryParse(need, out var needId))
            return db.SupportiveNeeds.Local.FirstOrDefault(n => n.Id == needId && n.PatientId == patientId)
                ?? await db.SupportiveNeeds.FirstOrDefaultAsync(n => n.Id == needId && n.PatientId == patientId, ct)
                ?? throw new DomainValidationException("need", "Ce besoin n'est pas enregistré pour ce patient.");
        if (!EnumCodes.TryParse<NeedCategory>(need, out var category))
            throw new DomainValidationException("need", $"Indiquez l'identifiant d'un besoin enregistré ou sa catégorie : {string.Join(", ", Enum.GetValues<NeedCategory>().Select(EnumCodes.Code))}.");
        var latest = await db.SupportiveNeeds.Where(n => n.PatientId == patientId && n.Category == category)
            .OrderByDescending(n => n.AssessedOn).ThenByDescending(n => n.RecordedAt).FirstOrDefaultAsync(ct);
        if (latest is not null) return latest;
        var recorded = SupportiveNeed.Record(patientId, category, NeedSeverity.Moderate, AssessmentMoment.Visit, clock.Today, null, user.Id, clock.Today, clock.Now);
        db.SupportiveNeeds.Add(recorded);
        return recorded;
    }
}

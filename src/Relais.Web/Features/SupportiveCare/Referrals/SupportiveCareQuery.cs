using Relais.Domain;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

public sealed record NeedDto(Guid Id, string Category, string Severity, string Moment, DateOnly AssessedOn, string? Note, string AssessedBy);

public sealed record EntryDto(string Kind, DateOnly On, string? Text, string WrittenBy, DateTimeOffset WrittenAt);

public sealed record ReferralDto(Guid Id, Guid PatientId, string Service, Guid ProviderId, string ProviderName, string Status, string? Reason, string? StatusNote,
    string? Note, Guid? NeedId, IReadOnlyList<string> Shared, DateTimeOffset ProposedAt, string ProposedBy, DateTimeOffset StatusChangedAt,
    DateOnly? FirstContactOn, IReadOnlyList<EntryDto> Entries);

/// <summary>The supportive-care section of a record: the needs and every referral with what the providers wrote back.</summary>
public sealed record SupportiveCareRecord(IReadOnlyList<NeedDto> Needs, IReadOnlyList<ReferralDto> Referrals);

/// <summary>
/// Reads the supportive-care section of one record (the access rule and the capability already passed). The team,
/// the GP (PRODUCT.md §8: every referral of his patients) and the patient see it all; a provider's account only its
/// provider's referrals and the needs they answer.
/// </summary>
public sealed class SupportiveCareQuery(RelaisDb db)
{
    public async Task<SupportiveCareRecord> HandleAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var referrals = db.SupportiveReferrals.AsNoTracking().Include(r => r.Entries).Where(r => r.PatientId == patientId);
        var needs = db.SupportiveNeeds.AsNoTracking().Where(n => n.PatientId == patientId);
        if (user.IsInRole(Roles.SupportiveCare))
        {
            var providers = ReferralAccess.ProvidersOf(db, user.Id);
            referrals = referrals.Where(r => providers.Contains(r.ProviderId));
            needs = needs.Where(n => referrals.Any(r => r.NeedId == n.Id));
        }
        var referralRows = await referrals.OrderByDescending(r => r.ProposedAt).ToListAsync(ct);
        var needRows = await needs.OrderByDescending(n => n.AssessedOn).ThenByDescending(n => n.RecordedAt).ToListAsync(ct);
        var names = await ProfessionalNames.OfAsync(db, needRows.Select(n => n.AssessedBy), ct);
        return new SupportiveCareRecord(
            needRows.Select(n => new NeedDto(n.Id, EnumCodes.Code(n.Category), EnumCodes.Code(n.Severity), EnumCodes.Code(n.Moment),
                n.AssessedOn, n.Note, names.GetValueOrDefault(n.AssessedBy, ""))).ToList(),
            await ToDtosAsync(db, referralRows, ct));
    }

    /// <summary>The patient's postcode, from which the referral form ranks the directory.</summary>
    public async Task<string?> PostcodeAsync(Guid patientId, CancellationToken ct) =>
        await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Address.PostalCode).FirstOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<ReferralDto>> ToDtosAsync(RelaisDb db, IReadOnlyList<SupportiveReferral> referrals, CancellationToken ct)
    {
        var providerIds = referrals.Select(r => r.ProviderId).Distinct().ToList();
        var providers = await db.SupportiveCareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var names = await ProfessionalNames.OfAsync(db, referrals.Select(r => r.ProposedBy).Concat(referrals.SelectMany(r => r.Entries).Select(e => e.WrittenBy)), ct);
        return referrals.Select(r => new ReferralDto(r.Id, r.PatientId, EnumCodes.Code(r.Service), r.ProviderId, providers.GetValueOrDefault(r.ProviderId, "?"),
            EnumCodes.Code(r.Status), r.Reason is { } reason ? EnumCodes.Code(reason) : null, r.StatusNote, r.Note, r.NeedId,
            AccessGrants.Codes(r.SharedSections), r.ProposedAt, names.GetValueOrDefault(r.ProposedBy, ""), r.StatusChangedAt, r.FirstContactOn,
            r.Entries.OrderBy(e => e.On).ThenBy(e => e.WrittenAt).Select(e => new EntryDto(EnumCodes.Code(e.Kind), e.On, e.Text,
                names.GetValueOrDefault(e.WrittenBy, ""), e.WrittenAt)).ToList())).ToList();
    }
}

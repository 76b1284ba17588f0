using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

public sealed record ProviderReferralItem(ReferralDto Referral, string PatientName, DateOnly BirthDate);

/// <summary>
/// The home of a supportive-care professional: the referrals addressed to the providers the account works for, open
/// ones first, the newest first; each listed row audited as the patient search does.
/// </summary>
public sealed class ProviderReferralsQuery(RelaisDb db, Clock clock)
{
    public const int MaxItems = 200;

    public async Task<Capped<ProviderReferralItem>> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var providers = ReferralAccess.ProvidersOf(db, user.Id);
        var objected = db.AccessObjections.Where(o => o.ProfessionalId == user.Id && o.WithdrawnAt == null).Select(o => o.PatientId);
        var rows = await db.SupportiveReferrals.AsNoTracking().Include(r => r.Entries)
            .Where(r => providers.Contains(r.ProviderId) && !objected.Contains(r.PatientId))
            .OrderBy(r => r.Status == ReferralStatus.Completed || r.Status == ReferralStatus.Declined || r.Status == ReferralStatus.Renounced)
            .ThenByDescending(r => r.ProposedAt).ThenBy(r => r.Id)
            .ToCappedAsync(MaxItems, ct);
        var ids = rows.Items.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames, p.BirthDate }).ToDictionaryAsync(p => p.Id, ct);
        var dtos = await SupportiveCareQuery.ToDtosAsync(db, rows.Items, ct);
        foreach (var id in ids)
            db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, id, AuditActions.List, "supportive-care referrals", AuditOutcomes.Allowed));
        await db.SaveChangesAsync(ct);
        return new Capped<ProviderReferralItem>(dtos.Select(d => new ProviderReferralItem(d,
            PatientName.Of(patients[d.PatientId].BirthName, patients[d.PatientId].UsedName, patients[d.PatientId].FirstNames), patients[d.PatientId].BirthDate)).ToList(), rows.Total);
    }
}

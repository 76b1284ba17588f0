using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.Patients;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.PostCancer;

public sealed record PackageActDto(string Kind, string Discipline, DateOnly On, string RecordedBy);

/// <summary>A package and its balance (<see cref="PostCancerPackage.Balance"/>): <c>DeliverBy</c> is null until the first assessment.</summary>
public sealed record PackageDto(Guid Id, decimal RemainingEur, int RemainingConsultations, DateOnly? DeliverBy, decimal SpentEur, int ConsultationsUsed,
    Guid PatientId, DateOnly PrescribedOn, string PrescribedBy, Guid ProviderId, string ProviderName, Guid ReferralId, IReadOnlyList<PackageActDto> Acts);

public sealed record PackageList(IReadOnlyList<PackageDto> Items);

/// <summary>A package of one of the caller's structures, with its patient (the provider's home).</summary>
public sealed record ProviderPackageItem(PackageDto Package, string PatientName);

/// <summary>
/// The patient's post-cancer packages with their balance, the same for the prescriber, the GP, the patient and the structure —
/// a structure's account sees only the packages it was named in.
/// </summary>
public sealed class PostCancerPackageQuery(RelaisDb db, IOptions<PostCancerPackageLimits> limits)
{
    public async Task<PackageList> HandleAsync(CurrentUser user, Guid patientId, CancellationToken ct)
    {
        var packages = db.PostCancerPrescriptions.AsNoTracking().Include(p => p.Acts).Where(p => p.PatientId == patientId);
        if (user.IsInRole(Roles.SupportiveCare))
        {
            var providers = ReferralAccess.ProvidersOf(db, user.Id);
            packages = packages.Where(p => providers.Contains(p.ProviderId));
        }
        return new PackageList(await ToDtosAsync(await packages.OrderByDescending(p => p.PrescribedOn).ThenByDescending(p => p.PrescribedAt).ToListAsync(ct), ct));
    }

    /// <summary>The packages of the structures the caller works for, the latest first, for its home (each patient there is audited by its referrals' list).</summary>
    public async Task<IReadOnlyList<ProviderPackageItem>> ForProviderAsync(CurrentUser user, CancellationToken ct)
    {
        var providers = ReferralAccess.ProvidersOf(db, user.Id);
        var objected = db.AccessObjections.Where(o => o.ProfessionalId == user.Id && o.WithdrawnAt == null).Select(o => o.PatientId);
        var rows = await db.PostCancerPrescriptions.AsNoTracking().Include(p => p.Acts)
            .Where(p => providers.Contains(p.ProviderId) && !objected.Contains(p.PatientId))
            .OrderByDescending(p => p.PrescribedAt).Take(ProviderReferralsQuery.MaxItems).ToListAsync(ct);
        var ids = rows.Select(r => r.PatientId).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthName, p.UsedName, p.FirstNames }).ToDictionaryAsync(p => p.Id, ct);
        return (await ToDtosAsync(rows, ct)).Select(d => new ProviderPackageItem(d,
            PatientName.Of(patients[d.PatientId].BirthName, patients[d.PatientId].UsedName, patients[d.PatientId].FirstNames))).ToList();
    }

    public PackageDto ToDto(PostCancerPrescription p, IReadOnlyDictionary<Guid, string> providers, IReadOnlyDictionary<Guid, string> names)
    {
        var balance = p.Balance(limits.Value);
        return new PackageDto(p.Id, balance.RemainingEur, balance.RemainingConsultations, balance.DeliverBy, balance.SpentEur, balance.ConsultationsUsed,
            p.PatientId, p.PrescribedOn, names.GetValueOrDefault(p.PrescribedBy, ""), p.ProviderId, providers.GetValueOrDefault(p.ProviderId, "?"), p.ReferralId,
            p.Acts.OrderBy(a => a.On).ThenBy(a => a.RecordedAt)
                .Select(a => new PackageActDto(EnumCodes.Code(a.Kind), EnumCodes.Code(a.Discipline), a.On, names.GetValueOrDefault(a.RecordedBy, ""))).ToList());
    }

    public async Task<IReadOnlyList<PackageDto>> ToDtosAsync(IReadOnlyList<PostCancerPrescription> packages, CancellationToken ct)
    {
        var providerIds = packages.Select(p => p.ProviderId).Distinct().ToList();
        var providers = await db.SupportiveCareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var names = await ProfessionalNames.OfAsync(db, packages.Select(p => p.PrescribedBy).Concat(packages.SelectMany(p => p.Acts).Select(a => a.RecordedBy)), ct);
        return packages.Select(p => ToDto(p, providers, names)).ToList();
    }
}

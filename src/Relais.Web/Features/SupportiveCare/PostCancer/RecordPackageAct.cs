using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.PostCancer;

/// <summary>Body of POST .../post-cancer-package/{pid}/acts: <c>kind</c> assessment|consultation, the discipline, the day (today by default).</summary>
public sealed record PackageActInput(string? Kind, string? Discipline, DateOnly? On);

/// <summary>
/// The structure named by the package records an assessment or a follow-up consultation; <see cref="PostCancerPackage.CheckAct"/> refuses
/// it, naming the limit reached, beyond the budget, the cap or a window. Only the members of that structure find the package.
/// </summary>
public sealed class RecordPackageAct(RelaisDb db, Clock clock, IOptions<PostCancerPackageLimits> limits)
{
    /// <returns>The package with the new act, or null when the caller's structure has no such package for this patient.</returns>
    public async Task<PostCancerPrescription?> HandleAsync(CurrentUser user, Guid patientId, Guid prescriptionId, PackageActInput input, CancellationToken ct)
    {
        var providers = ReferralAccess.ProvidersOf(db, user.Id);
        var prescription = await db.PostCancerPrescriptions.Include(p => p.Acts)
            .FirstOrDefaultAsync(p => p.Id == prescriptionId && p.PatientId == patientId && providers.Contains(p.ProviderId), ct);
        if (prescription is null) return null;
        var act = new PackageAct(EnumCodes.Parse<PackageActKind>(input.Kind, "kind"), EnumCodes.Parse<PackageDiscipline>(input.Discipline, "discipline"),
            input.On ?? clock.Today);
        var recorded = prescription.Record(act, clock.Today, limits.Value, user.Id, clock.Now);
        db.Add(recorded);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "post-cancer package act", AuditOutcomes.Allowed,
            $"{prescription.Id}: {EnumCodes.Code(act.Kind)} {EnumCodes.Code(act.Discipline)} {act.On:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return prescription;
    }
}

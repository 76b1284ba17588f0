using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Prevention;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.ContinuingTreatments;
using Relais.Web.Features.Programmes.AfterCancer;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Prevention;

public sealed record PreventionInput(DateOnly? AssessedOn, string? Tobacco, bool CessationSupportOffered, string? Alcohol, bool AlcoholSupportOffered,
    decimal? WeightKg, int? HeightCm, string? Activity);

public sealed record PreventionRecorded(Guid Id, IReadOnlyList<string> ToOffer, Guid? PpacId, int? PpacVersion);

/// <summary>
/// Records a review of tobacco, alcohol, weight and physical activity after treatment (issue 16 point 4, [G] §3.6–3.7):
/// what it calls for is listed. Recorded by a hospital physician, the PPAC in force is re-issued carrying it; the PPAC
/// is signed by a hospital physician only ([G] 2.3, <see cref="Capability.SignProgramme"/>), so a review the GP records
/// waits for the PPAC's next revision, which prints the latest review.
/// </summary>
public sealed class RecordPrevention(RelaisDb db, Clock clock, RevisePpac ppac, CapabilityCheck capabilities)
{
    public async Task<PreventionRecorded> HandleAsync(CurrentUser user, Guid patientId, PreventionInput input, CancellationToken ct)
    {
        var status = new LifestyleStatus(EnumCodes.Parse<TobaccoStatus>(input.Tobacco, "tobacco"), input.CessationSupportOffered,
            EnumCodes.Parse<AlcoholUse>(input.Alcohol, "alcohol"), input.AlcoholSupportOffered, input.WeightKg, input.HeightCm,
            EnumCodes.Parse<PhysicalActivityLevel>(input.Activity, "activity"));
        var recorded = PreventionStatus.Record(patientId, status, input.AssessedOn ?? clock.Today, user.Id, clock.Today, clock.Now);
        db.PreventionStatuses.Add(recorded);
        var programme = await capabilities.AllowsAsync(user, Capability.SignProgramme, null, ct)
            ? await RecordContinuingTreatment.ReissueAsync(db, ppac, user, patientId, [], ct)
            : null;
        await db.SaveChangesAsync(ct);
        return new(recorded.Id, [.. SecondCancerPrevention.ToOffer(recorded.Status).Select(EnumCodes.Code)], programme?.Id, programme?.Version);
    }
}

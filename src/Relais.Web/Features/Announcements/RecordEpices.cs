using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.SupportiveCare.Directory;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Identity;

namespace Relais.Web.Features.Announcements;

public sealed record EpicesInput(IReadOnlyList<bool>? Answers, bool SocialWorkerOriented);

/// <summary>
/// The EPICES social fragility score; a precarious patient is oriented to the social worker — and that orientation is a real one
/// (issue 13 point 2): a social-work need assessed at the announcement and a referral, through <see cref="ProposeReferral"/>, to the
/// social-work provider of the directory nearest the patient, saved with the score. A patient whose social-work referral is still
/// open is not referred twice.
/// </summary>
public sealed class RecordEpices(RelaisDb db, AnnouncementRecords records, Clock clock, SearchProviders directory, ProposeReferral referrals)
{
    /// <returns>The record with its checklist, or null when the patient has no such episode.</returns>
    public async Task<AnnouncementDto?> HandleAsync(CurrentUser user, Guid patientId, Guid episodeId, EpicesInput input, CancellationToken ct)
    {
        var record = await records.OpenAsync(patientId, episodeId, ct);
        if (record is null) return null;
        var result = record.RecordEpices(input.Answers ?? throw new DomainValidationException("answers", "Les 11 réponses sont obligatoires."), input.SocialWorkerOriented, clock.Now);
        if (input.SocialWorkerOriented) await OrientToSocialWorkAsync(user, patientId, result.Score, ct);
        await db.SaveChangesAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }

    private async Task OrientToSocialWorkAsync(CurrentUser user, Guid patientId, decimal score, CancellationToken ct)
    {
        var open = await db.SupportiveReferrals.AnyAsync(r => r.PatientId == patientId && r.Service == SupportiveService.SocialWork
            && r.Status != ReferralStatus.Completed && r.Status != ReferralStatus.Declined && r.Status != ReferralStatus.Renounced, ct);
        if (open) return;
        var need = SupportiveNeed.Record(patientId, NeedCategory.SocialWork, NeedSeverity.Moderate, AssessmentMoment.Announcement, clock.Today,
            $"Score EPICES {score} : orientation vers l'assistant(e) social(e).", user.Id, clock.Today, clock.Now);
        db.SupportiveNeeds.Add(need);
        if (await NearestSocialWorkAsync(patientId, ct) is not { } provider) return;
        await referrals.StageAsync(user, patientId, new ReferralInput(EnumCodes.Code(SupportiveService.SocialWork), provider.Id, need.Id.ToString(),
            $"Fragilité sociale dépistée à l'annonce (score EPICES {score}).", null), ct);
    }

    /// <summary>The social-work provider nearest the patient's commune; by name when the postcode is outside the geography; none in an empty directory.</summary>
    private async Task<ProviderItem?> NearestSocialWorkAsync(Guid patientId, CancellationToken ct)
    {
        var postcode = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Address.PostalCode).FirstOrDefaultAsync(ct);
        var service = EnumCodes.Code(SupportiveService.SocialWork);
        IReadOnlyList<ProviderItem> found;
        try
        {
            found = (await directory.ForWriteAsync(service, postcode, null, ct)).Items;
        }
        catch (DomainValidationException)
        {
            found = (await directory.ForWriteAsync(service, null, null, ct)).Items;
        }
        return found.Count > 0 ? found[0] : null;
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Heredity;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Expertise.Oncogenetics;

/// <summary>A hereditary suspicion as the form and the API send it: the criteria are codes ("early-onset").</summary>
public sealed record HereditarySuspicionInput(Guid? EpisodeId, IReadOnlyList<string>? Criteria, string? Note, DateOnly? ReferredOn);

/// <summary>
/// Records a hereditary suspicion with its [G] §1.1 criteria and opens the oncogenetics referral that the team's
/// worklist then follows until its result (issue 16 point 3).
/// </summary>
public sealed class OpenOncogeneticsReferral(RelaisDb db, Clock clock)
{
    public async Task<OncogeneticsDto> HandleAsync(CurrentUser user, Guid patientId, HereditarySuspicionInput input, CancellationToken ct)
    {
        var criteria = HereditaryCriteria.Parse(input.Criteria);
        if (input.EpisodeId is { } episodeId && !await db.Episodes.AnyAsync(e => e.Id == episodeId && e.PatientId == patientId, ct))
            throw new DomainValidationException("episodeId", "Cet épisode n'appartient pas à ce patient.");
        var referral = OncogeneticsReferral.Open(patientId, input.EpisodeId, criteria, input.Note, input.ReferredOn ?? clock.Today, user.Id, clock.Today, clock.Now);
        db.OncogeneticsReferrals.Add(referral);
        await db.SaveChangesAsync(ct);
        return OncogeneticsDto.Of(referral);
    }
}

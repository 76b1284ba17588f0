using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Heredity;
using Relais.Web.Data;

namespace Relais.Web.Features.Expertise.Oncogenetics;

public sealed record CriterionDto(string Code, string Label, string Source);

public sealed record OncogeneticsDto(Guid Id, Guid? EpisodeId, IReadOnlyList<CriterionDto> Criteria, string? Note, DateOnly ReferredOn, string Status,
    DateOnly? ConsultationOn, string? Result, string? ResultLabel, DateOnly? ResultOn, string? Module, DateOnly? RelativesInformedOn, string? RelativesNote, int Revision)
{
    public static OncogeneticsDto Of(OncogeneticsReferral r) => new(r.Id, r.EpisodeId,
        [.. r.Criteria.Select(HereditaryCriteria.Of).Select(l => new CriterionDto(EnumCodes.Code(l.Criterion), l.Label, l.Source))], r.Note, r.ReferredOn,
        EnumCodes.Code(r.Status), r.ConsultationOn, r.Result is { } g ? EnumCodes.Code(g) : null, r.Result is { } l2 ? GeneticResults.Label(l2) : null, r.ResultOn,
        r.Result is { } m ? GeneticResults.ModuleCode(m) : null, r.RelativesInformedOn, r.RelativesNote, r.Revision);
}

/// <summary>The patient's hereditary suspicions and their oncogenetics referrals, the newest first.</summary>
public sealed class OncogeneticsQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<OncogeneticsDto>> HandleAsync(Guid patientId, CancellationToken ct) =>
        [.. (await db.OncogeneticsReferrals.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(ct))
            .OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.RecordedAt).Select(OncogeneticsDto.Of)];
}

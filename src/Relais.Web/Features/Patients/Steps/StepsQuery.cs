using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Steps;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients.Steps;

public sealed record StepDto(Guid Id, string Kind, string Label, string Owner, DateOnly DueOn, DateOnly RemindOn, string Status, DateOnly? DoneOn,
    bool? ExposureSuspected, string? Note, string Source, bool Late, int Version)
{
    public static StepDto Of(AdministrativeStep s, DateOnly today) => new(s.Id, EnumCodes.Code(s.Kind), AdministrativeSteps.Label(s.Kind), EnumCodes.Code(s.Owner),
        s.DueOn, s.RemindOn, EnumCodes.Code(s.Status), s.DoneOn, s.ExposureSuspected, s.Note, AdministrativeSteps.Source(s.Kind),
        s.Status == StepStatus.Planned && s.DueOn < today, s.Version);
}

public sealed record TrialDto(Guid Id, string Title, string? Registration, DateOnly InformedOn, string Status, DateOnly? ConsentSignedOn, DateOnly? DeclinedOn,
    DateOnly? WithdrawnOn, string? Note, string Summary, int Version)
{
    public static TrialDto Of(TrialParticipation t) => new(t.Id, t.Title, t.Registration, t.InformedOn, EnumCodes.Code(t.Status), t.ConsentSignedOn, t.DeclinedOn,
        t.WithdrawnOn, t.Note, t.Describe(), t.Version);
}

/// <summary>A cancer site of the patient for which an occupational exposure must be searched ([G] §1.4), with the agents to ask about.</summary>
public sealed record OccupationalSiteDto(string Icd10, string Site, string Agents, string Source, bool Searched);

public sealed record StepsDto(IReadOnlyList<StepDto> Steps, IReadOnlyList<TrialDto> Trials, IReadOnlyList<OccupationalSiteDto> OccupationalSites, string TrialSource);

/// <summary>
/// The administrative and social steps of a patient (issue 15 point 3): the planned ones first by due day, then the
/// others; the clinical trials; and the cancer sites for which an occupational exposure must be searched, with whether
/// the search is recorded.
/// </summary>
public sealed class StepsQuery(RelaisDb db, Clock clock)
{
    public async Task<StepsDto> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var today = clock.Today;
        var steps = await db.AdministrativeSteps.AsNoTracking().Where(s => s.PatientId == patientId).ToListAsync(ct);
        var trials = await db.TrialParticipations.AsNoTracking().Where(t => t.PatientId == patientId).OrderByDescending(t => t.InformedOn).ThenByDescending(t => t.RecordedAt).ToListAsync(ct);
        var sites = await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.PrimarySite).ToListAsync(ct);
        var searched = steps.Any(s => s.Kind == StepKind.OccupationalExposureSearch);
        var occupational = sites.Select(code => (code, site: OccupationalExposure.For(code))).Where(x => x.site is not null)
            .Select(x => new OccupationalSiteDto(x.code, x.site!.Label, x.site.Agents, OccupationalExposure.Source, searched)).ToList();
        return new StepsDto(
            [.. steps.OrderBy(s => s.Status == StepStatus.Planned ? 0 : 1).ThenBy(s => s.Status == StepStatus.Planned ? s.DueOn.DayNumber : -s.DueOn.DayNumber).ThenBy(s => s.CreatedAt)
                .Select(s => StepDto.Of(s, today))],
            [.. trials.Select(TrialDto.Of)], occupational, TrialParticipation.Source);
    }

    /// <summary>The trials the patient takes part in, as the record's header shows them.</summary>
    public async Task<IReadOnlyList<TrialDto>> ActiveTrialsAsync(Guid patientId, CancellationToken ct) =>
        (await db.TrialParticipations.AsNoTracking().Where(t => t.PatientId == patientId && t.Status == TrialStatus.Consented).OrderBy(t => t.InformedOn).ToListAsync(ct))
            .Select(TrialDto.Of).ToList();
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Domain.Vaccination;
using Relais.Web.Data;

namespace Relais.Web.Features.Patients.Vaccination;

public sealed record LiveVaccineLiftDto(DateTimeOffset LiftedAt, Guid LiftedBy, string LiftedByName, string? Note);

public sealed record LiveVaccineWarningDto(bool Shown, string State, string Message, DateOnly? TreatmentEndedOn, DateOnly? LiftableFrom,
    IReadOnlyList<string> Treatments, LiveVaccineLiftDto? Lift);

/// <summary>
/// Gathers the treatment facts the live-vaccine rule reads (<see cref="LiveVaccines"/>): the started phases of the
/// PPS, each ending with its episode's end of treatment, and the continuing treatments with their stop.
/// </summary>
public sealed class LiveVaccineWarningQuery(RelaisDb db, Clock clock)
{
    /// <summary>The pathway steps that close active treatment: the end of treatment, or a later phase reached directly.</summary>
    private static readonly PathwayPhase[] EndSteps = [PathwayPhase.EndOfTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer];

    public async Task<LiveVaccineWarningStatus> StatusAsync(Guid patientId, CancellationToken ct)
    {
        var exposures = await ExposuresAsync(patientId, ct);
        var lift = await LastLiftAsync(patientId, ct);
        return LiveVaccines.Evaluate(exposures, lift?.LiftedOn, clock.Today);
    }

    public async Task<LiveVaccineWarningDto> HandleAsync(Guid patientId, CancellationToken ct)
    {
        var status = await StatusAsync(patientId, ct);
        var lift = status.State == LiveVaccineWarningState.Lifted ? await LastLiftAsync(patientId, ct) : null;
        LiveVaccineLiftDto? liftDto = null;
        if (lift is not null)
        {
            var name = (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == lift.LiftedBy, ct))?.DisplayName ?? "";
            liftDto = new(lift.LiftedAt, lift.LiftedBy, name, lift.Note);
        }
        return new(status.Shown, EnumCodes.Code(status.State), Message(status), status.TreatmentEndedOn, status.LiftableFrom, status.Treatments, liftDto);
    }

    /// <summary>The sentence the record, the GP's views and the portal show.</summary>
    public static string Message(LiveVaccineWarningStatus status) => status.State switch
    {
        LiveVaccineWarningState.DuringTreatment => "Vaccins vivants contre-indiqués : traitement immunosuppresseur en cours.",
        LiveVaccineWarningState.WithinSixMonths => $"Vaccins vivants contre-indiqués : au moins jusqu'au {status.LiftableFrom:dd/MM/yyyy}, 6 mois après la fin du traitement.",
        LiveVaccineWarningState.UntilLifted => $"Vaccins vivants contre-indiqués jusqu'à la levée par l'équipe d'oncologie (fin du traitement le {status.TreatmentEndedOn:dd/MM/yyyy}).",
        LiveVaccineWarningState.Lifted => "Alerte vaccins vivants levée par l'équipe d'oncologie.",
        _ => "Aucune contre-indication aux vaccins vivants liée au traitement.",
    };

    private Task<LiveVaccineWarningLift?> LastLiftAsync(Guid patientId, CancellationToken ct) =>
        db.LiveVaccineWarningLifts.AsNoTracking().Where(l => l.PatientId == patientId).OrderByDescending(l => l.LiftedAt).FirstOrDefaultAsync(ct);

    private async Task<List<ImmunosuppressiveExposure>> ExposuresAsync(Guid patientId, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.PatientId == patientId && p.Kind == ProgrammeKind.Pps).ToListAsync(ct);
        var ends = await db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == patientId && EndSteps.Contains(e.To))
            .Select(e => new { e.EpisodeId, e.OccurredOn }).ToListAsync(ct);
        var exposures = new List<ImmunosuppressiveExposure>();
        foreach (var byEpisode in programmes.GroupBy(p => p.EpisodeId))
        {
            // A phase started in one version stays started in the next: the earliest start of each kind is the episode's.
            var started = byEpisode.SelectMany(p => p.Content.Phases).Where(ph => ph.StartedOn is not null && LiveVaccines.IsImmunosuppressive(ph.Kind))
                .GroupBy(ph => ph.Kind).Select(g => (Kind: g.Key, On: g.Min(ph => ph.StartedOn!.Value)));
            foreach (var (kind, on) in started)
            {
                var end = ends.Where(e => e.EpisodeId == byEpisode.Key && e.OccurredOn >= on).Select(e => (DateOnly?)e.OccurredOn).Min();
                exposures.Add(new(TreatmentKindLabels.French(kind), on, end));
            }
        }
        var continuing = await db.ContinuingTreatments.AsNoTracking().Where(t => t.PatientId == patientId).ToListAsync(ct);
        exposures.AddRange(continuing.Where(t => LiveVaccines.IsImmunosuppressive(t.Class)).Select(t => new ImmunosuppressiveExposure(t.Drug, t.StartedOn, t.StoppedOn)));
        return exposures;
    }
}

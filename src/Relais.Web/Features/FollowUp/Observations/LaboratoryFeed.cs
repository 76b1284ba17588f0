using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Observations;

/// <summary>One result of a laboratory feed: the patient, then the same fields as a single result.</summary>
public sealed record BatchObservationInput(Guid? PatientId, string? Code, decimal? Value, string? Unit, DateOnly? Effective, string? Laboratory, decimal? UpperLimit);

public sealed record ObservationBatchInput(IReadOnlyList<BatchObservationInput?>? Results);

/// <summary>The batch's results in the order they were sent, each with the alerts its rules raised.</summary>
public sealed record ObservationBatchResult(int Recorded, int Alerts, IReadOnlyList<BatchObservationResult> Results);

public sealed record BatchObservationResult(Guid PatientId, ObservationDto Observation, IReadOnlyList<AlertItem> Alerts, string? Note);

/// <summary>
/// A laboratory feed: up to <see cref="MaxBatch"/> results for any patients, recorded with their
/// early-return rules in one transaction. Every result is checked before anything is written; a
/// fault names its result (<c>results[3].unit</c>). The access rule is applied to each patient: one
/// the caller may not write to refuses the whole batch, with the answer given for a patient that
/// does not exist. The earlier series, the enrolments and the protocols of the whole batch are
/// read in three queries.
/// </summary>
public sealed class LaboratoryFeed(RelaisDb db, Clock clock, PatientAccess access, EarlyReturnRun rules)
{
    /// <summary>Most results one laboratory feed request may carry.</summary>
    public const int MaxBatch = 1000;

    /// <summary>The recorded batch, or the index of the first result whose patient the caller may not write to.</summary>
    public async Task<(ObservationBatchResult? Result, int? Refused)> HandleAsync(CurrentUser user, ObservationBatchInput input, string resource, CancellationToken ct)
    {
        var results = input.Results ?? throw new DomainValidationException("results", "La liste des résultats est obligatoire.");
        if (results.Count == 0) throw new DomainValidationException("results", "Le lot ne contient aucun résultat.");
        if (results.Count > MaxBatch) throw new DomainValidationException("results", $"Un lot compte au plus {MaxBatch} résultats ; celui-ci en compte {results.Count}.");
        var today = clock.Today;
        var now = clock.Now;
        var observations = new List<Observation>(results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i] ?? throw new DomainValidationException($"results[{i}]", "Résultat vide.");
            try
            {
                if (r.PatientId is not { } patientId || patientId == Guid.Empty) throw new DomainValidationException("patientId", "Le patient est obligatoire.");
                observations.Add(Observation.Record(patientId, r.Code, r.Value ?? throw new DomainValidationException("value", "La valeur est obligatoire."),
                    r.Unit, r.Effective ?? throw new DomainValidationException("effective", "La date du prélèvement est obligatoire."), r.Laboratory, today, now, r.UpperLimit));
            }
            catch (DomainValidationException e)
            {
                throw new DomainValidationException($"results[{i}].{e.Field}", e.Message);
            }
        }

        var decisions = await access.CheckManyAsync(user, observations.Select(o => o.PatientId), AccessKind.Write, resource, ct);
        var refused = observations.FindIndex(o => !decisions[o.PatientId].Granted);
        if (refused >= 0) return (null, refused);

        var recorded = await rules.AddAsync(user, observations, ct);
        await db.SaveChangesAsync(ct);
        var items = observations.Select((o, i) => new BatchObservationResult(o.PatientId, ObservationQuery.ToDto(o), recorded[i].Alerts.Select(AlertQuery.ToItem).ToList(), recorded[i].Note)).ToList();
        return (new ObservationBatchResult(items.Count, items.Sum(i => i.Alerts.Count), items), null);
    }
}

using Relais.Domain;
using Relais.Domain.Alerts;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.FollowUp.Alerts;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Observations;

public sealed record ObservationInput(string? Code, decimal? Value, string? Unit, DateOnly? Effective, string? Laboratory, decimal? UpperLimit);

public sealed record ObservationResult(ObservationDto Observation, IReadOnlyList<AlertItem> Alerts, string? Note);

/// <summary>
/// A marker result arrives: it is stored, the early-return rules of the patient's protocol run on the
/// series from the same laboratory, and each alert is kept and acted on (<see cref="ActOnAlert"/>).
/// </summary>
public sealed class RecordObservation(RelaisDb db, Clock clock, EarlyReturnRun rules)
{
    public async Task<ObservationResult> HandleAsync(CurrentUser user, Guid patientId, ObservationInput input, CancellationToken ct)
    {
        var observation = Observation.Record(patientId, input.Code, input.Value ?? throw new DomainValidationException("value", "La valeur est obligatoire."),
            input.Unit, input.Effective ?? throw new DomainValidationException("effective", "La date du prélèvement est obligatoire."), input.Laboratory, clock.Today, clock.Now, input.UpperLimit);
        var recorded = await rules.AddAsync(user, [observation], ct);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "observation", AuditOutcomes.Allowed, observation.Code.Code()));
        await db.SaveChangesAsync(ct);
        var (alerts, note) = recorded[0];
        return new ObservationResult(ObservationQuery.ToDto(observation), alerts.Select(AlertQuery.ToItem).ToList(), note);
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Access;
using Relais.Domain.Alerts;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.Alerts;

public sealed record ClinicalCriteriaInput(IReadOnlyList<string>? Criteria, DateOnly? ObservedOn, string? Note);

/// <summary>
/// Clinical early-return criteria reported by the GP or the patient [B]. While an earlier report's alert
/// is open, the new report updates it and its owners are told again: the team is not sent a second C14.
/// </summary>
public sealed class ReportCriteria(RelaisDb db, Clock clock, ActOnAlert actOn)
{
    public async Task<AlertItem> HandleAsync(CurrentUser user, Guid patientId, ClinicalCriteriaInput input, CancellationToken ct)
    {
        var criteria = ClinicalCriteria.None;
        foreach (var code in input.Criteria ?? [])
        {
            var match = Enum.GetValues<ClinicalCriteria>().Where(c => c != ClinicalCriteria.None).FirstOrDefault(c => c.Code() == code);
            if (match == ClinicalCriteria.None) throw new DomainValidationException("criteria", $"Critère inconnu « {code} ».");
            criteria |= match;
        }
        if (criteria == ClinicalCriteria.None) throw new DomainValidationException("criteria", "Cochez au moins un critère de retour précoce.");
        var enrolment = await EnrolmentAsync(patientId, ct)
            ?? throw new DomainValidationException("patientId", "Ce patient ne suit pas de protocole de surveillance.");
        var current = await RaiseAsync(user, patientId, enrolment, criteria, input.ObservedOn ?? clock.Today, input.Note, ct);
        await db.SaveChangesAsync(ct);
        return AlertQuery.ToItem(current);
    }

    /// <summary>The patient's current enrolment in shared follow-up, if any.</summary>
    public Task<Domain.Surveillance.Enrolment?> EnrolmentAsync(Guid patientId, CancellationToken ct) =>
        db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Raises (or updates) the early-return alert of <paramref name="criteria"/> in the caller's unit of work, which
    /// saves it: the GP's form, and a patient's answer to a warning-sign questionnaire, take this one route.
    /// </summary>
    public async Task<StoredAlert> RaiseAsync(CurrentUser user, Guid patientId, Domain.Surveillance.Enrolment enrolment, ClinicalCriteria criteria, DateOnly observedOn,
        string? note, CancellationToken ct)
    {
        var protocol = await db.Protocols.AsNoTracking().FirstAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var reporter = user.Kind == AccessorKind.Patient ? CriteriaReporter.Patient : CriteriaReporter.Gp;
        var alert = EarlyReturnRules.EvaluateClinical(protocol.RuleSet, criteria, reporter, observedOn, clock.Today, note)
            ?? throw new DomainValidationException("criteria", "Aucun critère de retour précoce retenu.");
        var open = await db.Alerts.Where(a => a.PatientId == patientId && a.Concern == alert.Concern && a.HandledAt == null && a.ClosedAt == null).ToListAsync(ct);
        var changes = OpenAlerts.Reconcile(patientId, open, new AlertOutcome([alert.Concern], [alert], ""), null, clock.Now);
        foreach (var change in changes) await actOn.AddAsync(user, change, enrolment, ct);
        // The same report twice changes nothing: the open alert stands.
        return changes.FirstOrDefault(c => c.Kind != AlertChangeKind.Closed)?.Alert ?? open.First(a => a.IsOpen);
    }
}

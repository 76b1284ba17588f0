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
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct)
            ?? throw new DomainValidationException("patientId", "Ce patient ne suit pas de protocole de surveillance.");
        var protocol = await db.Protocols.AsNoTracking().FirstAsync(p => p.Code == enrolment.ProtocolCode && p.Version == enrolment.ProtocolVersion, ct);
        var reporter = user.Kind == AccessorKind.Patient ? CriteriaReporter.Patient : CriteriaReporter.Gp;
        var alert = EarlyReturnRules.EvaluateClinical(protocol.RuleSet, criteria, reporter, input.ObservedOn ?? clock.Today, clock.Today, input.Note)
            ?? throw new DomainValidationException("criteria", "Aucun critère de retour précoce retenu.");
        var open = await db.Alerts.Where(a => a.PatientId == patientId && a.Concern == alert.Concern && a.HandledAt == null && a.ClosedAt == null).ToListAsync(ct);
        var changes = OpenAlerts.Reconcile(patientId, open, new AlertOutcome([alert.Concern], [alert], ""), null, clock.Now);
        foreach (var change in changes) await actOn.AddAsync(user, change, enrolment, ct);
        await db.SaveChangesAsync(ct);
        // The same report twice changes nothing: the open alert stands.
        var current = changes.FirstOrDefault(c => c.Kind != AlertChangeKind.Closed)?.Alert ?? open.First(a => a.IsOpen);
        return AlertQuery.ToItem(current);
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Symptoms.Triage;

/// <summary>The action taken: "advice", "consultation", "day-unit-visit" or "emergency", and a note.</summary>
public sealed record TriageActionInput(string? Action, string? Note);

/// <summary>Records what was done about a triage alert after calling the patient; the alert leaves the worklist.</summary>
public sealed class RecordTriageAction(RelaisDb db, Clock clock)
{
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid alertId, TriageActionInput input, CancellationToken ct)
    {
        if (!EnumCodes.TryParse<TriageAction>(input.Action, out var action))
            throw new DomainValidationException("action", $"Choisissez l'action menée : {string.Join(", ", EnumCodes.All<TriageAction>())}.");
        var alert = await db.SymptomAlerts.FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return false;
        alert.RecordAction(action, input.Note, user.Id, clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "symptom-alert-action", AuditOutcomes.Allowed,
            $"alert={alertId};action={action.Code()}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

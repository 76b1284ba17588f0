using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Triage;

/// <summary>The suspected drug of a severe reported adverse effect.</summary>
public sealed record PharmacovigilanceInput(string? SuspectedDrug);

/// <summary>
/// The team records that it declared a severe adverse effect the patient reported (grade ≥ 3) to pharmacovigilance,
/// naming the suspected drug: the prompt on the alert then gives way to the date of the declaration (issue 14 point 2).
/// </summary>
public sealed class DeclareAlertPharmacovigilance(RelaisDb db, Clock clock)
{
    public async Task<bool> HandleAsync(CurrentUser user, Guid patientId, Guid alertId, PharmacovigilanceInput input, CancellationToken ct)
    {
        var alert = await db.SymptomAlerts.FirstOrDefaultAsync(a => a.Id == alertId && a.PatientId == patientId, ct);
        if (alert is null) return false;
        var grade = await db.QuestionnaireResponses.AsNoTracking().Where(r => r.Id == alert.ResponseId).Select(r => r.Grade).FirstAsync(ct);
        alert.DeclaredToPharmacovigilance(grade, input.SuspectedDrug, user.Id, clock.Now);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "symptom-alert-pharmacovigilance", AuditOutcomes.Allowed,
            $"alert={alertId}"));
        await db.SaveChangesAsync(ct);
        return true;
    }
}

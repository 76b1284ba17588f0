using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Referrals;

/// <summary>Body of POST /api/patients/{id}/supportive-care/needs: codes in kebab-case; the day defaults to today.</summary>
public sealed record NeedInput(string? Category, string? Severity, string? Moment, DateOnly? AssessedOn, string? Note);

/// <summary>A professional of the team records a need assessed at the announcement, the end of treatment or a visit ([G] §2.2).</summary>
public sealed class RecordNeed(RelaisDb db, Clock clock)
{
    public async Task<SupportiveNeed> HandleAsync(CurrentUser user, Guid patientId, NeedInput input, CancellationToken ct)
    {
        var need = SupportiveNeed.Record(patientId, EnumCodes.Parse<NeedCategory>(input.Category, "category"),
            EnumCodes.Parse<NeedSeverity>(input.Severity, "severity"), EnumCodes.Parse<AssessmentMoment>(input.Moment ?? "visit", "moment"),
            input.AssessedOn ?? clock.Today, input.Note, user.Id, clock.Today, clock.Now);
        db.SupportiveNeeds.Add(need);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "supportive-care need", AuditOutcomes.Allowed,
            EnumCodes.Code(need.Category)));
        await db.SaveChangesAsync(ct);
        return need;
    }
}

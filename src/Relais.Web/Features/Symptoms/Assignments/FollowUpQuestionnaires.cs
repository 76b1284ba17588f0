using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Audit;
using Relais.Domain.Pathways;
using Relais.Domain.Questionnaires;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Features.Coordination;
using Relais.Web.Features.Symptoms.Responses;
using Relais.Web.Identity;

namespace Relais.Web.Features.Symptoms.Assignments;

/// <summary>
/// The questionnaire to give at a period during follow-up: <c>every</c> N <c>unit</c> ("weeks" or "months"), the first on
/// <c>startsOn</c> (today when left out), the last on or before <c>endsOn</c> (left out: while the protocol lasts).
/// </summary>
public sealed record FollowUpPlanInput(string? Questionnaire, int? Every, string? Unit, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>
/// A follow-up questionnaire plan: <c>status</c> is "scheduled", "running", "stopped", "ended" (past its last day),
/// "protocol-ended" or "left-care" (the patient died or moved away); <c>nextDue</c> the next occurrence while it runs,
/// <c>currentDue</c> the occurrence waiting for an answer, if any.
/// </summary>
public sealed record FollowUpPlanDto(Guid Id, Guid PatientId, string Questionnaire, string Title, int Every, string Unit, DateOnly StartsOn, DateOnly? EndsOn,
    string Protocol, int ProtocolVersion, string Status, string? ChosenBy, DateTimeOffset ChosenAt, string? StoppedBy, DateTimeOffset? StoppedAt,
    DateOnly? CurrentDue, bool Waiting, bool Late, DateOnly? NextDue);

public sealed record FollowUpPlanList(IReadOnlyList<FollowUpPlanDto> Items, int Total);

/// <summary>A running plan and the state of its current occurrence.</summary>
public sealed record PlanStanding(Guid PatientId, Guid PlanId, string Questionnaire, int Occurrence, DateOnly Due, DateOnly? LastAnswered, ScheduleState State, bool IsDue);

/// <summary>
/// The questionnaires a team chooses for a patient in follow-up under a surveillance protocol (issue 14 point 2, the
/// rule in <see cref="FollowUpQuestionnairePlan"/>): which one, at which period, from and until when, who chose it. Only
/// for a patient followed under a protocol (an enrolment, an episode at the end of treatment or in shared follow-up),
/// and only one of the questionnaires the patient may answer. The same choice sent again answers the plan already
/// made; another choice for a questionnaire already planned is refused until that plan is stopped.
/// </summary>
public sealed class FollowUpQuestionnaires(RelaisDb db, Clock clock, MyQuestionnairesQuery patientQuestionnaires, Questionnaires.QuestionnaireQueries questionnaires)
{
    public const int MaxListed = 50;

    /// <summary>Chooses a plan; <c>Created</c> is false when the same plan was already running (a repeated submission).</summary>
    public async Task<(FollowUpPlanDto Plan, bool Created)> ChooseAsync(CurrentUser user, Guid patientId, FollowUpPlanInput input, CancellationToken ct)
    {
        var code = input.Questionnaire?.Trim();
        if (string.IsNullOrEmpty(code)) throw new DomainValidationException("questionnaire", "Choisissez le questionnaire.");
        var offered = await patientQuestionnaires.HandleAsync(patientId, ct);
        var questionnaire = offered.FirstOrDefault(q => q.Code == code)
            ?? throw new DomainValidationException("questionnaire", $"Le questionnaire « {code} » n'est pas proposé à ce patient (validé, et des sites de ses cancers).");
        PlanPeriodUnit? unit = input.Unit?.Trim().ToLowerInvariant() switch
        {
            "weeks" => PlanPeriodUnit.Weeks,
            "months" => PlanPeriodUnit.Months,
            null or "" => null,
            _ => throw new DomainValidationException("unit", "Unité inconnue ; valeurs possibles : weeks, months."),
        };
        var standing = await StandingAsync(db, patientId, ct);
        if (standing == ProtocolStanding.LeftCare)
            throw new DomainValidationException("patientId", "Ce patient a quitté le suivi (décès ou déménagement) : aucun questionnaire ne lui est assigné.");
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.PatientId == patientId).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
        if (enrolment is null || standing != ProtocolStanding.Lasting)
            throw new DomainValidationException("patientId", "Ce patient n'est pas suivi selon un protocole de surveillance (fin de traitement, suivi partagé) : choisissez plutôt l'envoi unique.");

        var today = clock.Today;
        // The choice is checked whole first: a fault is named by its field, whatever is already planned.
        var plan = FollowUpQuestionnairePlan.Choose(patientId, enrolment, questionnaire.Code, input.Every, unit, input.StartsOn, input.EndsOn, user.Id, today, clock.Now);
        var running = (await db.FollowUpQuestionnairePlans.Where(p => p.PatientId == patientId && p.QuestionnaireCode == questionnaire.Code && p.StoppedAt == null).ToListAsync(ct))
            .Where(p => p.Status(today, standing) is PlanStatus.Scheduled or PlanStatus.Running).ToList();
        if (running.FirstOrDefault(p => p.IsSameChoice(questionnaire.Code, input.Every, unit, input.StartsOn, input.EndsOn)) is { } same)
            return (await DtoAsync(same, questionnaire.Title, standing, ct), false);
        if (running.Count > 0)
            throw new DomainValidationException("questionnaire", $"« {questionnaire.Title} » est déjà prévu régulièrement pour ce patient : arrêtez ce rythme avant d'en choisir un autre.");

        db.FollowUpQuestionnairePlans.Add(plan);
        db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "follow-up-questionnaire-plan", AuditOutcomes.Allowed,
            $"plan={plan.Id};questionnaire={plan.QuestionnaireCode};every={plan.Every};unit={Unit(plan.Unit)}"));
        await db.SaveChangesAsync(ct);
        return (await DtoAsync(plan, questionnaire.Title, standing, ct), true);
    }

    /// <summary>Stops a plan (stopping a stopped plan changes nothing); null when the patient has no such plan.</summary>
    public async Task<FollowUpPlanDto?> StopAsync(CurrentUser user, Guid patientId, Guid planId, CancellationToken ct)
    {
        var plan = await db.FollowUpQuestionnairePlans.FirstOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, ct);
        if (plan is null) return null;
        if (plan.StoppedAt is null)
        {
            plan.Stop(user.Id, clock.Now);
            db.AuditEntries.Add(AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, patientId, AuditActions.Write, "follow-up-questionnaire-plan-stopped", AuditOutcomes.Allowed,
                $"plan={planId}"));
            await db.SaveChangesAsync(ct);
        }
        var title = (await questionnaires.ListAsync(ct)).Items.FirstOrDefault(q => q.Code == plan.QuestionnaireCode)?.Title ?? plan.QuestionnaireCode;
        return await DtoAsync(plan, title, await StandingAsync(db, patientId, ct), ct);
    }

    /// <summary>The patient's plans, the latest chosen first.</summary>
    public async Task<FollowUpPlanList> ListAsync(Guid patientId, CancellationToken ct)
    {
        var query = db.FollowUpQuestionnairePlans.AsNoTracking().Where(p => p.PatientId == patientId);
        var rows = await query.OrderByDescending(p => p.ChosenAt).ThenBy(p => p.Id).Take(MaxListed).ToListAsync(ct);
        var titles = (await questionnaires.ListAsync(ct)).Items.ToDictionary(q => q.Code, q => q.Title);
        var standing = await StandingAsync(db, patientId, ct);
        var names = await ProfessionalNames.OfAsync(db, rows.Select(r => r.ChosenBy).Concat(rows.Select(r => r.StoppedBy).OfType<Guid>()), ct);
        var last = await LastAnsweredAsync(db, patientId, rows.Select(r => r.QuestionnaireCode).Distinct().ToList(), ct);
        return new FollowUpPlanList([.. rows.Select(p => ToDto(p, titles.GetValueOrDefault(p.QuestionnaireCode, p.QuestionnaireCode), standing, names,
            Last(last, p.QuestionnaireCode), clock.Today))], await query.CountAsync(ct));
    }

    /// <summary>The patient is followed under a surveillance protocol (an enrolment, an episode in follow-up, still in care): a plan may be chosen.</summary>
    public async Task<bool> MayChooseAsync(Guid patientId, CancellationToken ct) =>
        await StandingAsync(db, patientId, ct) == ProtocolStanding.Lasting && await db.Enrolments.AnyAsync(e => e.PatientId == patientId, ct);

    /// <summary>Where the patient stands with the follow-up protocol: read from the phases of the patient's episodes.</summary>
    public static async Task<ProtocolStanding> StandingAsync(RelaisDb db, Guid patientId, CancellationToken ct) =>
        FollowUpQuestionnairePlan.StandingOf(await db.Episodes.AsNoTracking().Where(e => e.PatientId == patientId).Select(e => e.Phase).ToListAsync(ct));

    /// <summary>
    /// The running plans of the patients <paramref name="patientIds"/> selects (all patients when null), each with its
    /// current occurrence: what the portal shows as due and what the reminder scan reminds. Plans of patients who died,
    /// moved away or left the protocol are not read.
    /// </summary>
    public static async Task<IReadOnlyList<PlanStanding>> StandingsAsync(RelaisDb db, Guid? patientId, DateOnly today, CancellationToken ct)
    {
        var left = db.Episodes.Where(PathwayTransitions.LeftCare);
        var plans = db.FollowUpQuestionnairePlans.Where(p => p.StoppedAt == null && p.StartsOn <= today
            && !left.Any(e => e.PatientId == p.PatientId)
            && db.Episodes.Any(e => e.PatientId == p.PatientId && (e.Phase == PathwayPhase.EndOfTreatment || e.Phase == PathwayPhase.SharedFollowUp)));
        if (patientId is { } id) plans = plans.Where(p => p.PatientId == id);
        var rows = await (from p in plans
                          select new
                          {
                              Plan = p,
                              Last = db.QuestionnaireResponses.Where(r => r.PatientId == p.PatientId && r.QuestionnaireCode == p.QuestionnaireCode)
                                  .OrderByDescending(r => r.AuthoredAt).Select(r => (DateTimeOffset?)r.AuthoredAt).FirstOrDefault(),
                          }).AsNoTracking().ToListAsync(ct);
        var standings = new List<PlanStanding>();
        foreach (var row in rows)
        {
            DateOnly? last = row.Last is { } at ? DateOnly.FromDateTime(Clock.ToParis(at).DateTime) : null;
            if (row.Plan.CurrentDue(today) is not { } due) continue;
            standings.Add(new PlanStanding(row.Plan.PatientId, row.Plan.Id, row.Plan.QuestionnaireCode, due.Occurrence, due.Due, last,
                row.Plan.State(today, last, ProtocolStanding.Lasting), row.Plan.IsDue(today, last, ProtocolStanding.Lasting)));
        }
        return standings;
    }

    public static string Unit(PlanPeriodUnit unit) => unit == PlanPeriodUnit.Weeks ? "weeks" : "months";

    public static string StatusCode(PlanStatus status) => status switch
    {
        PlanStatus.Scheduled => "scheduled",
        PlanStatus.Running => "running",
        PlanStatus.Stopped => "stopped",
        PlanStatus.Ended => "ended",
        PlanStatus.ProtocolEnded => "protocol-ended",
        _ => "left-care",
    };

    /// <summary>The day (Paris) of the patient's last answer to each questionnaire of <paramref name="codes"/> that was answered.</summary>
    private static async Task<Dictionary<string, DateOnly>> LastAnsweredAsync(RelaisDb db, Guid patientId, IReadOnlyList<string> codes, CancellationToken ct)
    {
        var last = new Dictionary<string, DateOnly>();
        foreach (var code in codes)
        {
            var at = await db.QuestionnaireResponses.AsNoTracking().Where(r => r.PatientId == patientId && r.QuestionnaireCode == code)
                .OrderByDescending(r => r.AuthoredAt).Select(r => (DateTimeOffset?)r.AuthoredAt).FirstOrDefaultAsync(ct);
            if (at is { } a) last[code] = DateOnly.FromDateTime(Clock.ToParis(a).DateTime);
        }
        return last;
    }

    private async Task<FollowUpPlanDto> DtoAsync(FollowUpQuestionnairePlan plan, string title, ProtocolStanding standing, CancellationToken ct)
    {
        var names = await ProfessionalNames.OfAsync(db, new[] { plan.ChosenBy }.Concat(plan.StoppedBy is { } s ? [s] : []), ct);
        var last = await LastAnsweredAsync(db, plan.PatientId, [plan.QuestionnaireCode], ct);
        return ToDto(plan, title, standing, names, Last(last, plan.QuestionnaireCode), clock.Today);
    }

    private static DateOnly? Last(Dictionary<string, DateOnly> last, string code) => last.TryGetValue(code, out var day) ? day : null;

    private static FollowUpPlanDto ToDto(FollowUpQuestionnairePlan p, string title, ProtocolStanding standing, IReadOnlyDictionary<Guid, string> names, DateOnly? last,
        DateOnly today)
    {
        var status = p.Status(today, standing);
        var current = p.CurrentDue(today);
        var waiting = p.IsDue(today, last, standing);
        DateOnly? next = null;
        if (status is PlanStatus.Scheduled or PlanStatus.Running)
        {
            var candidate = current is { } c ? p.DueOn(c.Occurrence + 1) : p.StartsOn;
            if (p.EndsOn is not { } end || candidate <= end) next = candidate;
        }
        return new FollowUpPlanDto(p.Id, p.PatientId, p.QuestionnaireCode, title, p.Every, Unit(p.Unit), p.StartsOn, p.EndsOn, p.ProtocolCode, p.ProtocolVersion,
            StatusCode(status), names.GetValueOrDefault(p.ChosenBy), p.ChosenAt, p.StoppedBy is { } by ? names.GetValueOrDefault(by) : null, p.StoppedAt,
            waiting ? current?.Due : null, waiting, p.State(today, last, standing) == ScheduleState.Remind, next);
    }
}

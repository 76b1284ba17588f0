using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Pathways;
using Relais.Web.Data;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Messaging;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Symptoms.SymptomPatients;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Issue 14, "Done when": an unanswered weekly questionnaire puts the patient on the call list after the reminder.</summary>
public abstract class WeeklyQuestionnaireTests(RelaisFactory factory)
{
    private static async Task<int> RemindAsync(RelaisFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindQuestionnaires>().HandleAsync(default);
    }

    private static async Task<bool> OnCallListAsync(RelaisFactory app, Guid patientId)
    {
        var nurse = await app.ClientAsAsync(Api.Nurse);
        return (await nurse.GetJsonAsync("/api/worklists/call-list")).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("patientId").GetGuid() == patientId);
    }

    [Fact]
    public async Task AnUnansweredWeek_IsRemindedTheDayAfter_ThenThePatientIsOnTheCallList_UntilTheAnswer()
    {
        // This test moves the clock: it runs on an app of its own.
        await using var app = factory.Fresh();
        var (team, nurse) = await app.TeamWithNurseAsync();
        foreach (var (to, on) in new[] { ("announcement", "2026-10-12"), ("tumor-board", "2026-10-20") })
            Assert.Equal(HttpStatusCode.Created, (await team.Oncologist.PostAsJsonAsync($"/api/patients/{team.PatientId}/episodes/{team.EpisodeId}/transitions", new { to, occurredOn = on })).StatusCode);
        // Treatment began two weeks ago, on a Monday: this week's questionnaire is due today.
        await app.Services.PastStepsAsync(team.EpisodeId, (PathwayPhase.CareProgramme, new DateOnly(2026, 10, 27)), (PathwayPhase.ActiveTreatment, new DateOnly(2026, 11, 9)));
        await RemindAsync(app);
        Assert.False(await OnCallListAsync(app, team.PatientId));

        app.Time.Advance(TimeSpan.FromDays(1));
        await RemindAsync(app);
        await RemindAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var reminder = Assert.Single(await db.Reminders.Where(r => r.Kind == ReminderKind.QuestionnaireDue && r.PatientId == team.PatientId).ToListAsync());
            Assert.Equal("/mon-dossier/questionnaires/treatment-toxicity", reminder.Link);
        }
        Assert.False(await OnCallListAsync(app, team.PatientId));

        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.True(await OnCallListAsync(app, team.PatientId));
        nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.Created, (await nurse.AnswerAsync(team.PatientId, Toxicity, NoSymptoms())).StatusCode);
        Assert.False(await OnCallListAsync(app, team.PatientId));
    }
}

[Collection("sqlite")]
public sealed class WeeklyQuestionnaireSqliteTests(SqliteRelaisFactory factory) : WeeklyQuestionnaireTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class WeeklyQuestionnairePostgresTests(PostgresRelaisFactory factory) : WeeklyQuestionnaireTests(factory), IClassFixture<PostgresRelaisFactory>;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Alerts;
using Relais.Domain.Coordination;
using Relais.Domain.PalliativeCare;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Domain.SupportiveCare;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Demo;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Demo;

/// <summary>
/// The demo tells a coherent story (issue 10, point 11): every patient has what the phase of his pathway
/// says, and each of those records was made by its use case, with the hand-over the use case fires.
/// </summary>
public abstract class DemoStoryTests(RelaisFactory factory)
{
    private static readonly PathwayPhase[] AfterThePps =
    [
        PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer,
        PathwayPhase.Palliative, PathwayPhase.Deceased, PathwayPhase.MovedAway, PathwayPhase.LostToFollowUp,
    ];

    private static readonly PathwayPhase[] FollowedUp = [PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer, PathwayPhase.MovedAway, PathwayPhase.LostToFollowUp];

    private static readonly PathwayPhase[] AfterTheBoard = [PathwayPhase.TumorBoard, .. AfterThePps];

    private static readonly PathwayPhase[] AfterTheDiagnosis = [PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement, .. AfterTheBoard];

    [Fact]
    public async Task EveryDemoPatient_HasWhatThePhaseOfHisPathwaySays_EachWithTheHandOverItsUseCaseFired()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var episodes = await db.Episodes.AsNoTracking().ToListAsync();
        var programmes = await db.Programmes.AsNoTracking().ToListAsync();
        var transmissions = await db.Transmissions.AsNoTracking().ToListAsync();
        var cases = await db.TumorBoardCases.AsNoTracking().ToListAsync();
        var enrolments = await db.Enrolments.AsNoTracking().ToListAsync();
        var carnet = await db.CarnetItems.AsNoTracking().ToListAsync();
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.PatientId, d.Kind, d.SignedAt }).ToListAsync();
        bool Sent(Guid patientId, ObligationCode code) => transmissions.Any(t => t.PatientId == patientId && t.Obligation == code);

        Assert.True(episodes.Count >= 40);
        // No patient is left in a phase its use case moves on from the same day.
        Assert.DoesNotContain(episodes, e => e.Phase == PathwayPhase.EndOfTreatment);
        foreach (var phase in new[] { PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement, PathwayPhase.TumorBoard,
                     PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer, PathwayPhase.Palliative })
            Assert.Contains(episodes, e => e.Phase == phase);

        foreach (var e in episodes)
        {
            var who = $"{e.Phase} {e.PatientId}";
            if (AfterTheDiagnosis.Contains(e.Phase))
            {
                Assert.True(documents.Any(d => d.PatientId == e.PatientId && d.Kind == Domain.Documents.DocumentKind.PathologyReport && d.SignedAt is not null), who);
                Assert.True(Sent(e.PatientId, ObligationCode.C2) && Sent(e.PatientId, ObligationCode.C4), who);
            }
            if (AfterTheBoard.Contains(e.Phase))
            {
                var decided = Assert.Single(cases, c => c.EpisodeId == e.Id);
                Assert.True(decided.Status == CaseStatus.Decided && decided.Proposal is not null, who);
                Assert.True(Sent(e.PatientId, ObligationCode.C6) && Sent(e.PatientId, ObligationCode.C7), who);
            }
            if (AfterThePps.Contains(e.Phase))
            {
                var pps = Assert.Single(programmes, p => p.EpisodeId == e.Id && p.Kind == ProgrammeKind.Pps);
                Assert.NotNull(pps.HandedToPatientOn);
                Assert.NotNull(pps.TumorBoardCaseId);
                Assert.Contains(transmissions, t => t.Id == pps.TransmissionId && t.Obligation == ObligationCode.C5);
            }
            if (e.Phase == PathwayPhase.ActiveTreatment)
            {
                var started = programmes.Single(p => p.EpisodeId == e.Id && p.Kind == ProgrammeKind.Pps).Content.Phases.Count(p => p.StartedOn is not null);
                Assert.True(started >= 1, who);
                Assert.Equal(started, transmissions.Count(t => t.PatientId == e.PatientId && t.Obligation == ObligationCode.C8));
            }
            if (FollowedUp.Contains(e.Phase))
            {
                var ppac = Assert.Single(programmes, p => p.EpisodeId == e.Id && p.Kind == ProgrammeKind.Ppac);
                Assert.True(ppac.GpAgreed, who);
                Assert.Contains(transmissions, t => t.Id == ppac.TransmissionId && t.Obligation == ObligationCode.C11);
                Assert.True(Sent(e.PatientId, ObligationCode.C12), who);
                var enrolment = Assert.Single(enrolments, x => x.PatientId == e.PatientId);
                Assert.Contains(carnet, i => i.EnrolmentId == enrolment.Id);
            }
            if (e.Phase is PathwayPhase.Palliative or PathwayPhase.Deceased) Assert.True(Sent(e.PatientId, ObligationCode.C15), who);
        }
    }

    [Fact]
    public async Task TheDemoBoards_SitWithCasesDecidedBehindThem_AndCasesRegisteredAhead()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var meetings = await db.Meetings.AsNoTracking().ToListAsync();
        var cases = await db.TumorBoardCases.AsNoTracking().ToListAsync();
        var now = factory.Time.GetUtcNow();

        var past = meetings.Where(m => m.StartsAt < now).ToList();
        Assert.NotEmpty(past);
        Assert.All(past, m => Assert.All(cases.Where(c => c.MeetingId == m.Id), c => Assert.Equal(CaseStatus.Decided, c.Status)));
        var coming = meetings.Where(m => m.StartsAt > now && m.StartsAt < now.AddDays(28)).ToList();
        Assert.Contains(coming, m => cases.Any(c => c.MeetingId == m.Id && c.Status == CaseStatus.Registered));
        Assert.All(cases.Where(c => c.Status == CaseStatus.Registered), c => Assert.Contains(coming, m => m.Id == c.MeetingId));
    }

    [Fact]
    public async Task TheGpsInboxes_HoldRealTransmissions_SomeAcknowledged_AndTheRisingCa153_IsOneEarlyReturnInTheTeamQueue()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var gp = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Api.Gp);
        var gpRows = await db.TransmissionRecipients.AsNoTracking().Where(r => r.RecipientId == gp.Id).ToListAsync();
        Assert.Contains(gpRows, r => r.AcknowledgedAt is not null);
        Assert.Contains(gpRows, r => r.AcknowledgedAt is null);

        var escalated = Assert.Single(await db.Alerts.AsNoTracking().Where(a => a.Action == AlertAction.EarlyReturn && a.ClosedAt == null).ToListAsync());
        Assert.NotNull(escalated.ReferralTaskId);
        var c14 = await db.TransmissionRecipients.AsNoTracking()
            .Where(r => db.Transmissions.Any(t => t.Id == r.TransmissionId && t.PatientId == escalated.PatientId && t.Obligation == ObligationCode.C14)).ToListAsync();
        var nurse = await db.Users.AsNoTracking().SingleAsync(u => u.Email == Api.Nurse);
        Assert.Contains(c14, r => r.Kind == RecipientKinds.SpecialistTeam && r.RecipientId == nurse.Id);
        Assert.Contains(c14, r => r.Kind == RecipientKinds.GeneralPractitionerCopy);
    }

    [Fact]
    public async Task ACrisisOfTheRegion_LeftACycleDeferredAndReScheduledInTime_AndACycleWaitsOnTheReschedulingWorklist()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var crisis = Assert.Single(await db.CrisisPeriods.AsNoTracking().ToListAsync());
        Assert.NotNull(crisis.EndedAt);
        var deferrals = await db.Deferrals.AsNoTracking().OrderBy(d => d.DecidedAt).ToListAsync();
        Assert.Equal(2, deferrals.Count);
        Assert.True(deferrals[0].DecidedAt >= crisis.StartedAt && deferrals[0].DecidedAt <= crisis.EndedAt);
        Assert.True(deferrals[0].RescheduledOn <= deferrals[0].Deadline);
        Assert.True(deferrals[1].IsOpen);

        var worklist = await (await factory.ClientAsAsync(Api.Oncologist)).GetJsonAsync("/api/worklists/rescheduling");
        Assert.Contains(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("deferralId").GetGuid() == deferrals[1].Id);
        var indicators = await (await factory.ClientAsAsync(Api.Quality)).GetJsonAsync($"/api/indicators?territory={crisis.AreaCode}");
        Assert.Equal(["before", "during", "after"],
            Assert.Single(indicators.GetProperty("crises").EnumerateArray()).GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task ThePalliativePatient_HasASharedSymptomPlan_AnUrgentPlan_ACaregiver_AndAnHadStayWhoseRenewalIsNear()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var today = new Clock(factory.Time).Today;
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@relais.demo")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var stay = Assert.Single(await db.HadStays.AsNoTracking().ToListAsync());
        var patientId = stay.PatientId;
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
        Assert.Equal("DURAND", patient.BirthName);
        Assert.Equal(PathwayPhase.Palliative, (await db.Episodes.AsNoTracking().SingleAsync(e => e.PatientId == patientId)).Phase);

        // The shared symptom plan, written by the oncologist and the GP, each writing a C15 (with the move into the palliative phase).
        var plan = await db.SymptomPlanEntries.AsNoTracking().Where(e => e.PatientId == patientId).ToListAsync();
        Assert.Equal([Symptom.Pain, Symptom.Breathlessness, Symptom.Anxiety], plan.OrderBy(e => e.WrittenAt).ThenBy(e => e.Symptom).Select(e => e.Symptom));
        Assert.Equal([users[Api.Oncologist], users[Api.Oncologist], users[Api.Gp]], plan.OrderBy(e => e.WrittenAt).ThenBy(e => e.Symptom).Select(e => e.WrittenBy));
        Assert.True(await db.Transmissions.CountAsync(t => t.PatientId == patientId && t.Obligation == ObligationCode.C15) >= plan.Count + 1);

        // The urgent-care plan: anticipated prescriptions, the limits of treatment discussed on the day of the move, advance directives on the identity.
        var urgent = await db.UrgentCarePlans.AsNoTracking().SingleAsync(u => u.PatientId == patientId);
        Assert.Equal(TreatmentLimit.ComfortCareOnly, urgent.Limit);
        Assert.Contains("midazolam", urgent.AnticipatedPrescriptions, StringComparison.Ordinal);
        Assert.True(urgent.DiscussedOn <= today);
        Assert.True(patient.AdvanceDirectives?.Exist);
        Assert.Equal("Lucas Durand", patient.TrustedPerson?.FullName);

        // The HAD: requested by the GP, admitted by the HAD's coordinating physician, running, ending within days; the GP reminded in-app, no mail.
        Assert.Equal((HadStatus.Admitted, HadPrescriber.GeneralPractitioner, users[Api.Gp], users[DemoDirectory.HadCoordinator]),
            (stay.Status, stay.Prescriber, stay.RequestedBy, stay.DecidedBy));
        Assert.True(stay.RunsOn(today));
        Assert.InRange(stay.StayUntil!.Value.DayNumber - today.DayNumber, 1, PalliativeRules.RenewalReminderDays);
        Assert.InRange(stay.PrescribedDays, PalliativeRules.MinStayDays, PalliativeRules.MaxStayDays);
        var reminder = Assert.Single(await db.Reminders.AsNoTracking().Where(r => r.SubjectId == stay.Id).ToListAsync());
        Assert.Equal((ReminderKind.HadRenewal, users[Api.Gp], ReminderDelivery.InAppOnly), (reminder.Kind, reminder.RecipientUserId, reminder.Delivery));

        // The caregiver, identified with his own account's address, the trusted person; the palliative mobile team of the directory asked for its support.
        var caregiver = Assert.Single(await db.CaregiverContacts.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync());
        Assert.Equal(("Lucas Durand", "aidant@relais.demo", true), (caregiver.Name, caregiver.Email, caregiver.IsTrustedPerson));
        var team = await db.SupportiveCareProviders.AsNoTracking().SingleAsync(p => p.Name == DemoDirectory.PalliativeTeam);
        Assert.Equal(ProviderKind.PalliativeMobileTeam, team.Kind);
        Assert.Contains(await db.SupportiveReferrals.AsNoTracking().Where(r => r.PatientId == patientId).ToListAsync(), r => r.ProviderId == team.Id);

        // What the GP, the HAD's coordinating physician and the caregiver read through the API.
        var gp = await factory.ClientAsAsync(Api.Gp);
        var part = await gp.GetJsonAsync($"/api/patients/{patientId}/palliative");
        Assert.Equal("comfort-care-only", part.GetProperty("urgent").GetProperty("limit").GetString());
        var had = Assert.Single(part.GetProperty("had").EnumerateArray());
        Assert.Equal(("admitted", true), (had.GetProperty("status").GetString(), had.GetProperty("running").GetBoolean()));
        Assert.Contains((await gp.GetJsonAsync($"/api/reminders?patientId={patientId}")).GetProperty("items").EnumerateArray(), r => r.GetProperty("kind").GetString() == "had-renewal");
        var coordinator = await factory.ClientAsAsync(DemoDirectory.HadCoordinator);
        Assert.Contains((await coordinator.GetJsonAsync("/api/had/stays")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("stayId").GetGuid() == stay.Id && i.GetProperty("status").GetString() == "admitted");
        var rights = await (await factory.ClientAsAsync("aidant@relais.demo")).GetJsonAsync("/api/caregiver-leave-rights");
        Assert.Equal(2, rights.GetArrayLength());
    }

    [Fact]
    public async Task TheSignInPage_ListsEveryDemoAccount()
    {
        var page = await factory.CreateClient().GetStringAsync("/connexion");
        Assert.All(DemoData.DemoAccounts, a => Assert.Contains(a.Email, page));
    }
}

[Collection("sqlite")]
public sealed class DemoStorySqliteTests(SqliteRelaisFactory factory) : DemoStoryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class DemoStoryPostgresTests(PostgresRelaisFactory factory) : DemoStoryTests(factory), IClassFixture<PostgresRelaisFactory>;

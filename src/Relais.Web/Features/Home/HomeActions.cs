using Microsoft.EntityFrameworkCore;
using Relais.Domain.Access;
using Relais.Domain.Surveillance;
using Relais.Domain.TumorBoards;
using Relais.Web.Data;
using Relais.Web.Features.Coordination.Inbox;
using Relais.Web.Features.Coordination.Messages;
using Relais.Web.Features.Coordination.Referrals;
using Relais.Web.Features.FollowUp.Worklist;
using Relais.Web.Features.SupportiveCare.Outreach;
using Relais.Web.Features.SupportiveCare.Referrals;
using Relais.Web.Features.Symptoms.Assignments;
using Relais.Web.Features.Symptoms.Triage;
using Relais.Web.Features.TumorBoards.Meetings;
using Relais.Web.Features.TumorBoards.Worklists;
using Relais.Web.Identity;

namespace Relais.Web.Features.Home;

/// <summary>One thing to do today: what (<c>kind</c>), how many, and the page where it is done.</summary>
/// <param name="Label">The line's words in French (<see cref="HomeActionKinds"/>), for API clients; the page translates them.</param>
/// <param name="Detail">What one line is about when a role has several of a kind (a meeting: its board, day, quorum).</param>
public sealed record HomeAction(string Kind, int Count, string Href, string Label, string? Detail = null);

public sealed record HomeActions(IReadOnlyList<HomeAction> Actions);

/// <summary>
/// The signed-in person's home page (issue 14, point 5): what to do today, per role, each line counted through the
/// worklist that lists it (no rule is written twice here) and opening the page where it is done. The worklists leave
/// out the patients who died or moved away (<see cref="Access.PatientQueries.ActiveIds"/>). No patient is named.
/// </summary>
public sealed class MyHomeActions(RelaisDb db, Clock clock, InboxQuery inbox, UnreadMessages messages, OpenReferralsQuery referrals, GpWorklist followUp,
    TriageWorklist triage, CallList callList, RcpWorklistsQuery rcpWorklists, OutreachWorklist outreach, MeetingQuery meetings, ProviderReferralsQuery providerReferrals,
    Continuity.Rescheduling.ReschedulingWorklist rescheduling, Continuity.Crisis.CrisisModes crisis)
{
    /// <summary>The meetings the secretary's and the physicians' home pages look at: this week (from yesterday).</summary>
    public const int MeetingDays = 7;

    public async Task<HomeActions> HandleAsync(CurrentUser user, CancellationToken ct)
    {
        var actions = new List<HomeAction>();
        if (user.Kind == AccessorKind.Patient && user.OwnPatientId is { } own)
            await ForPatientAsync(user, own, actions, ct);
        else if (user.Kind == AccessorKind.Professional)
            await ForProfessionalAsync(user, actions, ct);
        return new HomeActions(actions);
    }

    private async Task ForProfessionalAsync(CurrentUser user, List<HomeAction> actions, CancellationToken ct)
    {
        var counts = (await inbox.HandleAsync(user, InboxFilter.ToAcknowledge, 1, 1, ct)).Counts;
        Add(actions, HomeActionKinds.TransmissionsToAcknowledge, counts.ToAcknowledge, "/boite?filtre=a-traiter");
        Add(actions, HomeActionKinds.UnreadMessages, counts.UnreadMessages, "/boite");
        if (user.IsInRole(Roles.GeneralPractitioner))
        {
            Add(actions, HomeActionKinds.EarlyReturns, await referrals.CountAsync(user, ct), "/demandes");
            var (overdue, upcoming) = await followUp.CountsAsync(user, GpWorklist.UpcomingDays, ct);
            Add(actions, HomeActionKinds.FollowUpOverdue, overdue, "/suivi");
            Add(actions, HomeActionKinds.FollowUpDue, upcoming, "/suivi");
        }
        if (user.IsInRole(Roles.HospitalClinician))
        {
            Add(actions, HomeActionKinds.ReferralsBack, await referrals.CountAsync(user, ct), "/demandes");
            Add(actions, HomeActionKinds.SymptomAlerts, await triage.CountAsync(user, ct), "/triage");
            foreach (var meeting in await MeetingsAsync(user, ct))
            {
                var participants = meeting.Participants.Select(p => new Participant(p.ProfessionalId, p.Name, p.Specialty, p.Presence));
                if (meeting.Started && Quorum.AttendsAsDecider(participants, user.Id, meeting.DecisionSpecialties))
                    Add(actions, HomeActionKinds.DecisionsToRecord, meeting.Cases.Count(c => c.Status == CaseStatus.Registered), $"/rcp/reunions/{meeting.Id}", MeetingDetail(meeting));
            }
        }
        if (user.IsInRole(Roles.NurseCoordinator))
        {
            Add(actions, HomeActionKinds.SymptomAlerts, await triage.CountAsync(user, ct), "/triage");
            Add(actions, HomeActionKinds.CallList, await callList.CountAsync(user, ct), "/triage#a-appeler");
            var rcp = await rcpWorklists.HandleAsync(user, ct);
            Add(actions, HomeActionKinds.MissingG8, rcp.WaitingForG8Total, "/rcp/suivi#waiting-g8");
            Add(actions, HomeActionKinds.PpsNotHanded, rcp.PpsNotHandedOverTotal, "/rcp/suivi#pps-not-handed");
            Add(actions, HomeActionKinds.AnnouncementsIncomplete, rcp.IncompleteAnnouncementsTotal, "/rcp/suivi#announcements");
            Add(actions, HomeActionKinds.Outreach, (await outreach.HandleAsync(user, ct)).Total, "/soins-de-support/aller-vers");
        }
        if (user.IsInRole(Roles.HospitalClinician) || user.IsInRole(Roles.NurseCoordinator))
        {
            var line = new HomeAction(HomeActionKinds.Rescheduling, await rescheduling.CountAsync(user, ct), "/reprogrammation", HomeActionKinds.French[HomeActionKinds.Rescheduling]);
            // In a crisis of the user's territory, deferred care comes first [C] "anticiper la reprogrammation".
            if (await crisis.OfUserAsync(user, ct) is not null) actions.Insert(0, line);
            else actions.Add(line);
        }
        if (user.IsInRole(Roles.TumorBoardSecretary))
        {
            foreach (var meeting in await MeetingsAsync(user, ct))
                Add(actions, HomeActionKinds.TumorBoardMeeting, meeting.Cases.Count + meeting.CasesNotShown, $"/rcp/reunions/{meeting.Id}", MeetingDetail(meeting));
        }
        if (user.IsInRole(Roles.SupportiveCare))
        {
            // The provider's list puts the open referrals first, so its capped rows hold them all up to the cap.
            var mine = await providerReferrals.HandleAsync(user, ct);
            Add(actions, HomeActionKinds.SupportiveReferrals, mine.Items.Count(r => !Domain.SupportiveCare.ReferralTransitions.IsTerminal(Domain.EnumCodes.Parse<Domain.SupportiveCare.ReferralStatus>(r.Referral.Status, "status"))),
                "/soins-de-support/mes-orientations");
        }
    }

    private async Task ForPatientAsync(CurrentUser user, Guid own, List<HomeAction> actions, CancellationToken ct)
    {
        var today = clock.Today;
        var until = today.AddDays(GpWorklist.UpcomingDays);
        var coming = db.CarnetItems.AsNoTracking().Where(i => i.PatientId == own && i.Status == CarnetItemStatus.Planned && i.Due >= today && i.Due <= until);
        var next = await coming.OrderBy(i => i.Due).ThenBy(i => i.Id).Select(i => new { i.Due, i.Kind }).FirstOrDefaultAsync(ct);
        // The appointments and treatment cycles (issue 14 point 7) beside the carnet's items: the nearest one says what it is for.
        var now = clock.Now;
        var booked = db.Appointments.AsNoTracking().Where(a => a.PatientId == own && a.Status == Domain.Continuity.AppointmentStatus.Planned);
        var appointments = (await booked.Select(a => new { a.At, a.Kind, a.Place, a.Teleconsultation }).ToListAsync(ct))
            .Where(a => a.At >= now && Clock.ToParis(a.At).Date <= until.ToDateTime(TimeOnly.MinValue)).OrderBy(a => a.At).ToList();
        var count = (next is null ? 0 : await coming.CountAsync(ct)) + appointments.Count;
        var firstAppointment = appointments.FirstOrDefault();
        if (firstAppointment is not null && (next is null || DateOnly.FromDateTime(Clock.ToParis(firstAppointment.At).DateTime) <= next.Due))
            Add(actions, HomeActionKinds.NextAppointment, count, $"/patients/{own}/rendez-vous",
                $"{Domain.Continuity.AppointmentLabels.Label(firstAppointment.Kind)} — {Components.Kit.Labels.Instant(firstAppointment.At)}"
                + (firstAppointment.Teleconsultation ? " — téléconsultation" : firstAppointment.Place is { } place ? $" — {place}" : ""));
        else
            Add(actions, HomeActionKinds.NextAppointment, count, $"/patients/{own}/suivi",
                next is null ? null : $"{next.Kind.Label()} — {Components.Kit.Labels.Date(next.Due)}");
        Add(actions, HomeActionKinds.QuestionnaireDue, await WeeklyQuestionnaires.DueCountAsync(db, own, today, ct), "/mon-dossier/questionnaires");
        Add(actions, HomeActionKinds.NewDocuments, await inbox.UnreadTransmissionsAsync(user, ct), "/boite?filtre=non-lus");
        Add(actions, HomeActionKinds.NewMessages, await messages.CountAsync(user, ct), $"/patients/{own}/messages");
    }

    private async Task<IReadOnlyList<MeetingDto>> MeetingsAsync(CurrentUser user, CancellationToken ct) =>
        (await meetings.UpcomingAsync(user, MeetingDays, ct)).Where(m => m.Status == MeetingStatus.Planned).ToList();

    private static string MeetingDetail(MeetingDto m) =>
        $"{m.BoardName} — {Components.Kit.Labels.Instant(m.StartsAt)} — {m.Quorum.Message} — {m.Cases.Count + m.CasesNotShown} dossier(s)";

    private static void Add(List<HomeAction> actions, string kind, int count, string href, string? detail = null)
    {
        // A line a role has twice (a nurse coordinator who is also a hospital clinician) is shown once.
        if (detail is null && actions.Any(a => a.Kind == kind)) return;
        actions.Add(new HomeAction(kind, count, href, HomeActionKinds.French[kind], detail));
    }
}

/// <summary>The kinds of home-page line, with their words in French (the resource keys the page translates).</summary>
public static class HomeActionKinds
{
    public const string TransmissionsToAcknowledge = "transmissions-to-acknowledge";
    public const string UnreadMessages = "unread-messages";
    public const string EarlyReturns = "early-returns";
    public const string FollowUpOverdue = "follow-up-overdue";
    public const string FollowUpDue = "follow-up-due";
    public const string ReferralsBack = "referrals-back";
    public const string SymptomAlerts = "symptom-alerts";
    public const string DecisionsToRecord = "decisions-to-record";
    public const string CallList = "call-list";
    public const string MissingG8 = "missing-g8";
    public const string PpsNotHanded = "pps-not-handed";
    public const string AnnouncementsIncomplete = "announcements-incomplete";
    public const string Outreach = "outreach";
    public const string TumorBoardMeeting = "tumor-board-meeting";
    public const string SupportiveReferrals = "supportive-referrals";
    public const string NextAppointment = "next-appointment";
    public const string QuestionnaireDue = "questionnaire-due";
    public const string NewDocuments = "new-documents";
    public const string NewMessages = "new-messages";
    public const string Rescheduling = "rescheduling";

    public static readonly IReadOnlyDictionary<string, string> French = new Dictionary<string, string>
    {
        [TransmissionsToAcknowledge] = "Transmissions à prendre en compte",
        [UnreadMessages] = "Messages de patients et de collègues non lus",
        [EarlyReturns] = "Retours anticipés de mes patients",
        [FollowUpOverdue] = "Examens de suivi en retard",
        [FollowUpDue] = "Examens de suivi prévus dans le mois",
        [ReferralsBack] = "Demandes d'avis des médecins traitants (retour anticipé)",
        [SymptomAlerts] = "Alertes des patients à trier",
        [DecisionsToRecord] = "Décisions de RCP à saisir",
        [CallList] = "Patients à appeler (questionnaire sans réponse)",
        [MissingG8] = "G8 à réaliser avant la RCP",
        [PpsNotHanded] = "PPS non remis après la décision de RCP",
        [AnnouncementsIncomplete] = "Dispositifs d'annonce incomplets",
        [Outreach] = "Aller-vers : orientations à relancer",
        [TumorBoardMeeting] = "Réunion de RCP de la semaine",
        [SupportiveReferrals] = "Orientations en cours",
        [NextAppointment] = "Mes prochains rendez-vous",
        [QuestionnaireDue] = "Questionnaire à remplir",
        [NewDocuments] = "Nouveaux documents",
        [NewMessages] = "Nouveaux messages",
        [Rescheduling] = "Soins reportés à reprogrammer",
    };
}

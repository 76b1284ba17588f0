using Relais.Domain.Pathways;
using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;
using Relais.Web.Features.TumorBoards.Boards;
using Relais.Web.Features.TumorBoards.Cases;
using Relais.Web.Features.TumorBoards.G8;
using Relais.Web.Features.TumorBoards.Meetings;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    private sealed partial class DemoStory
    {
        private const string Secretary = "secretariat.rcp@relais.demo";

        private sealed record Board(string Name, string Specialty, string Room, DayOfWeek Weekday, string Schedule, int Hour, Specialty[] Deciding);

        /// <summary>The boards of the demo hospital, one per organ the demo's cancers need (RCPs are organised by specialty, [G] 1.3).</summary>
        private static readonly Board[] Boards =
        [
            new("RCP Sénologie", "Sénologie", "Hôpital Saint-Relais, salle Curie", DayOfWeek.Tuesday, "Mardi 14 h, chaque semaine", 14,
                [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology, Specialty.Radiology]),
            new("RCP Digestif", "Oncologie digestive", "Hôpital Saint-Relais, salle Bichat", DayOfWeek.Thursday, "Jeudi 13 h, chaque semaine", 13,
                [Specialty.Gastroenterology, Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Radiology]),
            new("RCP Onco-urologie", "Urologie", "Hôpital Saint-Relais, salle Pasteur", DayOfWeek.Wednesday, "Mercredi 13 h, chaque semaine", 13,
                [Specialty.Urology, Specialty.Radiotherapy, Specialty.MedicalOncology, Specialty.Pathology]),
            new("RCP Thoracique", "Oncologie thoracique", "Hôpital Saint-Relais, salle Laennec", DayOfWeek.Monday, "Lundi 13 h, chaque semaine", 13,
                [Specialty.Pulmonology, Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology]),
            new("RCP Hématologie", "Hématologie", "Hôpital Saint-Relais, salle Bernard", DayOfWeek.Friday, "Vendredi 13 h, chaque semaine", 13,
                [Specialty.Haematology, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology]),
        ];

        /// <summary>The physicians who sit at every demo meeting: four decision specialties, enough for any board's quorum.</summary>
        private static readonly string[] Panel = [Oncologist, "chirurgien@relais.demo", "radiotherapeute@relais.demo", Pathologist];

        private readonly Dictionary<Board, Guid> boardIds = [];
        private readonly Dictionary<(Board, DateOnly), Guid> meetingIds = [];

        private static Board BoardFor(string site) => site switch
        {
            "C50.4" or "C50.2" => Boards[0],
            "C18.7" or "C20" => Boards[1],
            "C61" => Boards[2],
            "C34.1" => Boards[3],
            _ => Boards[4],
        };

        private static DateTimeOffset StartOf(Board board, DateOnly day) => On(day, board.Hour);

        /// <summary>
        /// The case is registered the day after the announcement (C6 to the GP), discussed at the board's last
        /// sitting before the phase's day, and decided there (the signed report goes to the GP, C7).
        /// </summary>
        private void PlanTumorBoard(Pathway p, DateOnly nominal)
        {
            var board = BoardFor(p.Cancer.Site);
            var announcement = p.Day(PathwayPhase.Announcement)!.Value;
            var day = nominal;
            while (day.DayOfWeek != board.Weekday) day = day.AddDays(-1);
            var registration = announcement.AddDays(1) < day ? announcement.AddDays(1) : announcement;
            At(On(registration, 9, 30), () => RegisterAsync(p, board, day));
            At(StartOf(board, day).AddMinutes(30 + p.Index), () => DecideAsync(p));
        }

        /// <summary>The boards exist before the story's first act.</summary>
        private void PlanBoards(DateOnly first) => At(On(first.AddDays(-60), 8), async () =>
        {
            foreach (var board in Boards)
                boardIds[board] = (await Use<CreateBoard>().HandleAsync(As(Secretary),
                    new BoardInput(board.Name, board.Specialty, board.Room, board.Schedule, false, board.Deciding), default)).Id;
        });

        /// <summary>The board's sitting of that day, planned by the secretary when the first case is registered on it, with its panel.</summary>
        private async Task<Guid> MeetingAsync(Board board, DateOnly day)
        {
            if (meetingIds.TryGetValue((board, day), out var known)) return known;
            var meeting = await Use<PlanMeeting>().HandleAsync(As(Secretary), boardIds[board], new MeetingInput(StartOf(board, day), board.Room), default);
            meetingIds[(board, day)] = meeting.Id;
            // Who sat is known once the meeting is held: the coming sittings have no panel yet.
            if (StartOf(board, day) < RealNow)
                foreach (var physician in Panel)
                    At(StartOf(board, day).AddMinutes(-10), () => Use<SetParticipant>().HandleAsync(meeting.Id, new ParticipantInput(As(physician).Id, Presence.OnSite), default));
            return meeting.Id;
        }

        /// <summary>Registers the case; a patient over 75 has the oncogeriatric screening (G8) first [G].</summary>
        private async Task RegisterAsync(Pathway p, Board board, DateOnly day)
        {
            var meetingId = await MeetingAsync(board, day);
            if (G8.Required(p.Patient.AgeOn(day)))
                await Use<RecordG8>().HandleAsync(As("ide.coordination@relais.demo"), p.Patient.Id,
                    new G8Input(2, 3, 2, 2, 23.5m, true, 1m, null), default);
            var @case = await Use<RegisterCase>().HandleAsync(As(Secretary), p.Patient.Id, new CaseInput(meetingId, p.EpisodeId,
                $"Stratégie thérapeutique : {p.Cancer.MorphologyLabel}, {p.Cancer.SiteLabel}.", As(Oncologist).Id, CaseKind.Discussed, null, false), default);
            p.CaseId = @case.Id;
        }

        private async Task DecideAsync(Pathway p) =>
            await Use<DecideCase>().HandleAsync(As(Oncologist), p.Patient.Id, p.CaseId!.Value, new DecisionInput(
                "Traitement selon le programme : " + string.Join(", puis ", Treatments(p.Cancer.Site).Select(t => t.Description.ToLowerInvariant())) + ".",
                "Référentiel régional OncoNormandie"), default);

        /// <summary>
        /// The coming weeks: every board sits weekly, and the patients just told of their diagnosis have their
        /// case registered on their board's next sitting.
        /// </summary>
        private void PlanComingMeetings(IEnumerable<Pathway> pathways) => At(RealNow, async () =>
        {
            foreach (var board in Boards)
            {
                var day = Today.AddDays(1);
                while (day.DayOfWeek != board.Weekday) day = day.AddDays(1);
                for (var week = 0; week < 4; week++) await MeetingAsync(board, day.AddDays(7 * week));
            }
            // A patient over 75 is registered only once the team has entered her G8 [G]: the demo leaves that to the
            // team (she is in the RCP worklist's "G8 to do"), so her record shows the screening still to do.
            foreach (var p in pathways.Where(p => p.Target == PathwayPhase.Announcement && !G8.Required(p.Patient.AgeOn(Today))))
            {
                var board = BoardFor(p.Cancer.Site);
                var day = Today.AddDays(1);
                while (day.DayOfWeek != board.Weekday) day = day.AddDays(1);
                await RegisterAsync(p, board, day);
            }
        });
    }
}

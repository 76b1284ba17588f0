using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Domain.Programmes;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Demo;

/// <summary>The demo's follow-up, tumor boards and coordination records (see <see cref="DemoData"/>).</summary>
public static partial class DemoData
{
    /// <summary>
    /// The shipped protocols validated by the demo oncologist and GP, and every demo patient in shared
    /// follow-up enrolled with a carnet: past items done (one left overdue), and a CA 15-3 series.
    /// </summary>
    private static async Task SeedFollowUpAsync(RelaisDb db, RelaisUser oncologist, RelaisUser gp, DateTimeOffset now, DateOnly today)
    {
        var protocols = await db.Protocols.ToListAsync();
        foreach (var protocol in protocols.Where(p => p.Status == Domain.Surveillance.ProtocolStatus.ToValidate))
        {
            protocol.Validate(Domain.Surveillance.ValidatorRole.Specialist, oncologist.Id, "Claire Martin", now);
            protocol.Validate(Domain.Surveillance.ValidatorRole.GeneralPractitioner, gp.Id, "Jean Dubois", now);
        }
        var followed = await (from e in db.Episodes
                              join ev in db.PathwayEvents on e.Id equals ev.EpisodeId
                              where e.Phase == PathwayPhase.SharedFollowUp && ev.To == PathwayPhase.SharedFollowUp
                              select new { e.PatientId, EpisodeId = e.Id, e.PrimarySite, ev.OccurredOn }).ToListAsync();
        foreach (var f in followed)
        {
            var code = Domain.Surveillance.ProtocolProposal.CodeFor(f.PrimarySite, protocols.Select(p => (p.Code, p.Kind)));
            if (code is null) continue;
            var protocol = protocols.Where(p => p.Code == code).OrderByDescending(p => p.Version).First();
            var enrolment = Domain.Surveillance.Enrolment.Start(f.PatientId, protocol, f.OccurredOn, radiotherapy: code == "breast", now);
            db.Programmes.Add(DemoPpac(f.PatientId, f.EpisodeId, f.OccurredOn, oncologist, gp));
            db.Enrolments.Add(enrolment);
            var first = true;
            foreach (var entry in enrolment.Calendar(protocol, 120))
            {
                var item = Domain.Surveillance.CarnetItem.Plan(f.PatientId, enrolment.Id, entry, now);
                if (entry.Due < today.AddDays(-40))
                {
                    if (first) first = false;
                    else item.Done(entry.Due.AddDays(3), null, today);
                }
                db.CarnetItems.Add(item);
            }
            if (code == "breast")
            {
                var start = f.OccurredOn;
                foreach (var (months, value) in new[] { (-2, 21.0m), (6, 18.5m), (12, 19.2m) })
                {
                    var on = start.AddMonths(months);
                    if (on <= today)
                        db.Observations.Add(Domain.Alerts.Observation.Record(f.PatientId, Domain.Alerts.Marker.Ca153, value, "U/mL", on, "Laboratoire Bio-Normandie, Rouen", today, now));
                }
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The PPS of a patient whose phase says "PPS remis": written and handed to the patient on the day of that step.</summary>
    /// <param name="waitingForPortal">
    /// This patient has no portal account yet: the PPS "to the patient" (C5) waits bound to the record, listed to the
    /// team as not yet received, until the team opens the account (issue 11).
    /// </param>
    private static void SeedPps(RelaisDb db, CancerEpisode episode, RelaisUser oncologist, RelaisUser gp, DateOnly today, bool waitingForPortal)
    {
        var day = episode.PhaseSince;
        var content = new ProgrammeContent(
            [new TreatmentPhase(1, TreatmentKind.Surgery, "Chirurgie selon la proposition de la RCP", day.AddDays(14), null, "Hôpital Saint-Relais", 2, null, null, null)],
            [new PlannedAssessment("Consultation d'oncologie", "après la chirurgie")], null, null, Contacts(oncologist, gp));
        var pps = CareProgramme.Draft(episode.PatientId, episode.Id, ProgrammeKind.Pps, null, content, oncologist.Id, AtTen(day));
        pps.HandedToPatient(day, today);
        db.Programmes.Add(pps);
        if (waitingForPortal)
            db.Transmissions.Add(Domain.Coordination.Transmission.Create(episode.PatientId, Domain.Coordination.ObligationCode.C5, null, "Votre programme personnalisé de soins",
                "Votre programme personnalisé de soins est disponible dans votre dossier.", oncologist.Id,
                [(episode.PatientId, Domain.Coordination.RecipientKinds.Patient)], AtTen(day), Domain.Coordination.ObligationCatalogue.Get(Domain.Coordination.ObligationCode.C5).DefaultDueDelay));
    }

    /// <summary>The PPAC of a patient in shared follow-up, drawn up with the GP at the end of treatment.</summary>
    private static CareProgramme DemoPpac(Guid patientId, Guid episodeId, DateOnly endOfTreatment, RelaisUser oncologist, RelaisUser gp)
    {
        var content = new ProgrammeContent([], [], "Forfait de soins de support après cancer : demandez-le à votre médecin.", null, Contacts(oncologist, gp));
        var ppac = CareProgramme.Draft(patientId, episodeId, ProgrammeKind.Ppac, null, content, oncologist.Id, AtTen(endOfTreatment));
        ppac.RecordGpAgreement(AtTen(endOfTreatment));
        return ppac;
    }

    private static ProgrammeContact[] Contacts(RelaisUser oncologist, RelaisUser gp) =>
    [
        new(RelaisUser.NameOf(oncologist.FirstName, oncologist.LastName), "Oncologue référent", "Hôpital Saint-Relais", null),
        new(RelaisUser.NameOf(gp.FirstName, gp.LastName), "Médecin traitant", null, null),
    ];

    private static DateTimeOffset AtTen(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    /// <summary>Two boards of the demo hospital, each with its weekly meetings for the coming weeks.</summary>
    private static void SeedTumorBoards(RelaisDb db, Organisation hospital, RelaisUser secretary, DateTimeOffset now, DateOnly today)
    {
        var breast = Domain.TumorBoards.TumorBoard.Create("RCP Sénologie", "Sénologie", hospital.Id, "Hôpital Saint-Relais, salle Curie", "Mardi 14 h, chaque semaine", false,
            [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology, Specialty.Radiology], now);
        var digestive = Domain.TumorBoards.TumorBoard.Create("RCP Digestif", "Oncologie digestive", hospital.Id, "Hôpital Saint-Relais, salle Bichat", "Jeudi 13 h, chaque semaine", false,
            [Specialty.Gastroenterology, Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Radiology], now);
        db.TumorBoards.AddRange(breast, digestive);
        foreach (var (board, weekday, hour) in new[] { (breast, DayOfWeek.Tuesday, 14), (digestive, DayOfWeek.Thursday, 13) })
        {
            var day = today.AddDays(1);
            while (day.DayOfWeek != weekday) day = day.AddDays(1);
            for (var week = 0; week < 4; week++)
            {
                var local = day.AddDays(7 * week).ToDateTime(new TimeOnly(hour, 0));
                var startsAt = new DateTimeOffset(local, Clock.Paris.GetUtcOffset(local)).ToUniversalTime();
                db.Meetings.Add(Domain.TumorBoards.TumorBoardMeeting.Plan(board.Id, startsAt, board.Site, secretary.Id, now));
            }
        }
    }

    /// <summary>
    /// A signed pathology report sent to the GP (C2), acknowledged for older pathways, waiting or late
    /// for recent ones, so that the GP's inbox and the team's worklist have something to show.
    /// </summary>
    private static void SeedPathologyReport(RelaisDb db, Patient patient, CancerEpisode episode, RelaisUser gp, RelaisUser oncologist, DateOnly diagnosis, DateTimeOffset now, int index)
    {
        var signedAt = new DateTimeOffset(diagnosis.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        var content = DemoPdf.Create("Compte rendu anatomopathologique",
            $"Patient : {patient.DisplayName}, né(e) le {patient.BirthDate:dd/MM/yyyy}",
            $"Prélèvement : biopsie — {episode.PrimarySiteLabel}",
            $"Conclusion : {episode.HistologyLabel} ({episode.Histology})",
            "Document de démonstration, fictif.");
        var document = Domain.Documents.Document.Create(patient.Id, Domain.Documents.DocumentKind.PathologyReport, "Compte rendu anatomopathologique",
            "cr-anapath.pdf", content, oncologist.Id, signedAt);
        document.Sign(oncologist.Id, signedAt);
        db.Documents.Add(document);
        var recent = now - signedAt < TimeSpan.FromDays(40);
        var transmission = Domain.Coordination.Transmission.Create(patient.Id, Domain.Coordination.ObligationCode.C2, document.Id, document.Title, null,
            oncologist.Id, [(gp.Id, Domain.Coordination.RecipientKinds.GeneralPractitioner)], signedAt, Domain.Coordination.ObligationCatalogue.Get(Domain.Coordination.ObligationCode.C2).DefaultDueDelay);
        if (!recent || index % 2 == 0) transmission.Recipients[0].Acknowledge(signedAt + TimeSpan.FromDays(1 + index % 3));
        db.Transmissions.Add(transmission);
    }

    /// <summary>A fictitious but well-formed INS: sex, birth year and month, department, commune, order, key.</summary>
    private static string DemoIns(Sex sex, DateOnly birth, string postalCode, int index)
    {
        var nir13 = $"{(sex == Sex.Male ? 1 : 2)}{birth.Year % 100:00}{birth.Month:00}{postalCode[..2]}{100 + index:000}{500 + index:000}";
        return nir13 + InsNumber.ComputeKey(nir13).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

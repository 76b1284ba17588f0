using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Demo;

/// <summary>
/// Demo data for Development only: a fictitious hospital with its 3C, a GP practice, a
/// supportive-care structure, the demo accounts of the README and about forty patients spread over
/// every phase of the pathway. Deterministic (fixed seed), dated relative to today.
/// </summary>
public static partial class DemoData
{
    public const string Password = RelaisSignInManager.DemoPassword;

    private sealed record Account(string Email, string First, string Last, string Role, Specialty Specialty, string? Rpps, string Org);

    private static readonly Account[] Accounts =
    [
        new("oncologue@relais.demo", "Claire", "Martin", Roles.HospitalClinician, Specialty.MedicalOncology, "10000000017", "hospital"),
        new("oncologue2@relais.demo", "Antoine", "Roche", Roles.HospitalClinician, Specialty.MedicalOncology, "10000000082", "hospital"),
        new("anapath@relais.demo", "Camille", "Lambert", Roles.HospitalClinician, Specialty.Pathology, "10000000090", "hospital"),
        new("chirurgien@relais.demo", "Paul", "Lefèvre", Roles.HospitalClinician, Specialty.Surgery, "10000000025", "hospital"),
        new("radiotherapeute@relais.demo", "Sophie", "Bernard", Roles.HospitalClinician, Specialty.Radiotherapy, "10000000033", "hospital"),
        new("medecin.traitant@relais.demo", "Jean", "Dubois", Roles.GeneralPractitioner, Specialty.GeneralPractice, "10000000041", "practice"),
        new("medecin.traitant2@relais.demo", "Luc", "Garnier", Roles.GeneralPractitioner, Specialty.GeneralPractice, "10000000058", "practice"),
        new("ide.coordination@relais.demo", "Isabelle", "Moreau", Roles.NurseCoordinator, Specialty.Nursing, "10000000066", "hospital"),
        new("secretariat.rcp@relais.demo", "Nathalie", "Petit", Roles.TumorBoardSecretary, Specialty.Administration, null, "hospital"),
        new("pharmacien@relais.demo", "Hugo", "Lemoine", Roles.Pharmacist, Specialty.Pharmacy, "10000000074", "pharmacy"),
        // Supportive care [G][L]: psychologists and dietitians are in ADELI, APA teachers in no health directory.
        new("psychologue@relais.demo", "Léa", "Fournier", Roles.SupportiveCare, Specialty.Psychology, "769300011", "support"),
        new("dieteticienne@relais.demo", "Chloé", "Girard", Roles.SupportiveCare, Specialty.Dietetics, "769300029", "support"),
        new("apa@relais.demo", "Thomas", "Bonnet", Roles.SupportiveCare, Specialty.AdaptedPhysicalActivity, null, "support"),
        new("qualite.3c@relais.demo", "Marc", "Roux", Roles.QualityCoordinator, Specialty.None, null, "3c"),
        new("admin@relais.demo", "Alice", "Fontaine", Roles.Administrator, Specialty.None, null, "hospital"),
        new("patient@relais.demo", "Marie", "Durand", Roles.Patient, Specialty.None, null, ""),
        // Marie Durand's son, to whom she delegated her carnet (issue 11): a caregiver's own account.
        new("aidant@relais.demo", "Lucas", "Durand", Roles.Caregiver, Specialty.None, null, ""),
    ];

    private static readonly (string Site, string SiteLabel, string Morphology, string MorphologyLabel, Laterality Laterality, Sex? Sex)[] Cancers =
    [
        ("C50.4", "Sein, quadrant supéro-externe", "8500/3", "Carcinome canalaire infiltrant", Laterality.Left, Sex.Female),
        ("C50.2", "Sein, quadrant supéro-interne", "8520/3", "Carcinome lobulaire infiltrant", Laterality.Right, Sex.Female),
        ("C18.7", "Côlon sigmoïde", "8140/3", "Adénocarcinome", Laterality.NotApplicable, null),
        ("C20", "Rectum", "8140/3", "Adénocarcinome", Laterality.NotApplicable, null),
        ("C61", "Prostate", "8140/3", "Adénocarcinome acinaire", Laterality.NotApplicable, Sex.Male),
        ("C34.1", "Poumon, lobe supérieur", "8140/3", "Adénocarcinome", Laterality.Right, null),
        ("C83.3", "Lymphome diffus à grandes cellules B", "9680/3", "Lymphome B diffus à grandes cellules", Laterality.NotApplicable, null),
    ];

    private static readonly string[] FemaleFirst = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Monique", "Hélène", "Chantal", "Martine", "Élise", "Josiane"];
    private static readonly string[] MaleFirst = ["Jean", "Michel", "Philippe", "Alain", "Patrick", "Bernard", "Gérard", "René", "Daniel", "François", "Joël", "Étienne"];
    private static readonly string[] LastNames = ["Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel"];
    private static readonly (string Code, string City)[] Places = [("76000", "Rouen"), ("76600", "Le Havre"), ("27000", "Évreux"), ("76200", "Dieppe"), ("27200", "Vernon"), ("76100", "Rouen")];

    /// <summary>The phase each demo episode reaches, and how often: every phase is represented.</summary>
    private static readonly PathwayPhase[] Targets =
    [
        PathwayPhase.Suspicion, PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.DiagnosisConfirmed,
        PathwayPhase.Announcement, PathwayPhase.Announcement, PathwayPhase.TumorBoard, PathwayPhase.TumorBoard, PathwayPhase.TumorBoard,
        PathwayPhase.CareProgramme, PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment,
        PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment, PathwayPhase.ActiveTreatment, PathwayPhase.EndOfTreatment,
        PathwayPhase.EndOfTreatment, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp,
        PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.SharedFollowUp, PathwayPhase.AfterCancer,
        PathwayPhase.AfterCancer, PathwayPhase.AfterCancer, PathwayPhase.Palliative, PathwayPhase.Palliative, PathwayPhase.Deceased,
        PathwayPhase.MovedAway, PathwayPhase.LostToFollowUp, PathwayPhase.RuledOut, PathwayPhase.ActiveTreatment,
        PathwayPhase.SharedFollowUp, PathwayPhase.TumorBoard, PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment,
        PathwayPhase.Announcement, PathwayPhase.SharedFollowUp,
    ];

    /// <summary>Typical days spent in each phase before the next (for dating the demo pathways).</summary>
    private static int DaysIn(PathwayPhase phase) => phase switch
    {
        PathwayPhase.Suspicion => 14,
        PathwayPhase.DiagnosisConfirmed => 9,
        PathwayPhase.Announcement => 8,
        PathwayPhase.TumorBoard => 6,
        PathwayPhase.CareProgramme => 12,
        PathwayPhase.ActiveTreatment => 160,
        PathwayPhase.EndOfTreatment => 21,
        PathwayPhase.SharedFollowUp => 5 * 365,
        PathwayPhase.Palliative => 90,
        _ => 30,
    };

    private static IEnumerable<PathwayPhase> PathTo(PathwayPhase target) => target switch
    {
        PathwayPhase.RuledOut => [PathwayPhase.Suspicion, PathwayPhase.RuledOut],
        PathwayPhase.Palliative => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative],
        PathwayPhase.Deceased => [.. Main.TakeWhile(p => p != PathwayPhase.EndOfTreatment), PathwayPhase.Palliative, PathwayPhase.Deceased],
        PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp => [.. Main.TakeWhile(p => p != PathwayPhase.AfterCancer), target],
        _ => Main.TakeWhile(p => p != target).Append(target),
    };

    private static readonly PathwayPhase[] Main =
    [
        PathwayPhase.Suspicion, PathwayPhase.DiagnosisConfirmed, PathwayPhase.Announcement, PathwayPhase.TumorBoard,
        PathwayPhase.CareProgramme, PathwayPhase.ActiveTreatment, PathwayPhase.EndOfTreatment, PathwayPhase.SharedFollowUp,
        PathwayPhase.AfterCancer,
    ];

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        var enabled = app.Configuration.GetValue("Relais:DemoData", app.Environment.IsDevelopment());
        if (!enabled) return;
        if (!app.Environment.IsDevelopment())
            throw new InvalidOperationException("Demo data and its published password are for Development only.");
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await SeedAsync(sp.GetRequiredService<RelaisDb>(), sp.GetRequiredService<UserManager<RelaisUser>>(),
            sp.GetRequiredService<RoleManager<RelaisRole>>(), sp.GetRequiredService<TimeProvider>());
    }

    public static async Task SeedAsync(RelaisDb db, UserManager<RelaisUser> users, RoleManager<RelaisRole> roles, TimeProvider time)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new RelaisRole(role)));
        if (await db.Users.AnyAsync()) return;

        var now = time.GetUtcNow();
        var today = new Clock(time).Today;
        var orgs = new Dictionary<string, Organisation>
        {
            ["hospital"] = Organisation.Create("Hôpital Saint-Relais — Institut de cancérologie (démo)", OrganisationKind.Hospital, "760000001", "Rouen", "76000", now),
            ["3c"] = Organisation.Create("3C Saint-Relais (démo)", OrganisationKind.CoordinationCentre3C, null, "Rouen", "76000", now),
            ["practice"] = Organisation.Create("Maison de santé des Tilleuls (démo)", OrganisationKind.Practice, null, "Rouen", "76100", now),
            ["support"] = Organisation.Create("Espace soins de support de la Ligue (démo)", OrganisationKind.SupportiveCareStructure, null, "Rouen", "76000", now),
            ["pharmacy"] = Organisation.Create("Pharmacie des Tilleuls (démo)", OrganisationKind.Pharmacy, null, "Rouen", "76100", now),
        };
        db.Organisations.AddRange(orgs.Values);
        await db.SaveChangesAsync();

        var byEmail = new Dictionary<string, RelaisUser>();
        foreach (var a in Accounts)
        {
            var user = new RelaisUser
            {
                Id = Guid.CreateVersion7(now), UserName = a.Email, Email = a.Email, EmailConfirmed = true, FirstName = a.First, LastName = a.Last,
                Rpps = ProfessionalIdentifier.Normalise(a.Specialty, a.Rpps), Specialty = a.Specialty, OrganisationId = a.Org == "" ? null : orgs[a.Org].Id,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, a.Role));
            byEmail[a.Email] = user;
        }

        var gp = byEmail["medecin.traitant@relais.demo"];
        var otherGp = byEmail["medecin.traitant2@relais.demo"];
        var oncologist = byEmail["oncologue@relais.demo"];
        var nurse = byEmail["ide.coordination@relais.demo"];
        var surgeon = byEmail["chirurgien@relais.demo"];
        var radiotherapist = byEmail["radiotherapeute@relais.demo"];
        var secretary = byEmail["secretariat.rcp@relais.demo"];

        var random = new Random(2026);
        var waitingSeeded = false;
        for (var i = 0; i < Targets.Length; i++)
        {
            var isPortalPatient = i == 18; // Marie Durand, in shared follow-up of a breast cancer
            var cancer = isPortalPatient ? Cancers[0] : Cancers[random.Next(Cancers.Length)];
            // Shared follow-up means a surveillance protocol, a carnet and a PPAC: the demo follows the cancers a protocol exists for.
            if (Targets[i] == PathwayPhase.SharedFollowUp && cancer.Site is "C34.1" or "C83.3") cancer = Cancers[2];
            var sex = cancer.Sex ?? (random.Next(2) == 0 ? Sex.Female : Sex.Male);
            var first = isPortalPatient ? "Marie" : sex == Sex.Female ? FemaleFirst[random.Next(FemaleFirst.Length)] : MaleFirst[random.Next(MaleFirst.Length)];
            var last = isPortalPatient ? "Durand" : LastNames[random.Next(LastNames.Length)];
            var birth = today.AddYears(-random.Next(38, 86)).AddDays(-random.Next(0, 365));
            if (i == 7) birth = today.AddYears(-78).AddDays(-40); // a patient over 75: oncogeriatric screening before the RCP [G]
            var place = Places[random.Next(Places.Length)];
            var myGp = i % 6 == 5 ? otherGp : gp;
            var details = new PatientDetails(
                DemoIns(sex, birth, place.Code, i), last.ToUpperInvariant(), i % 9 == 4 && sex == Sex.Female ? "Martin" : null, first, birth, sex,
                $"06 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}", null,
                $"{random.Next(1, 120)} rue {LastNames[random.Next(LastNames.Length)]}", null, place.Code, place.City, myGp.Id,
                i % 4 == 0 ? new TrustedPerson($"{MaleFirst[random.Next(MaleFirst.Length)]} {last}", "Conjoint", "06 11 22 33 44", today.AddDays(-random.Next(30, 400)), null) : null,
                i % 5 == 0 ? new AdvanceDirectives(true, today.AddDays(-random.Next(30, 700)), "Dossier du médecin traitant") : new AdvanceDirectives(false, null, null));
            var patient = Patient.Register(details, today, now);
            // Demo identities are test identities (INS-NIR test OID), shown qualified so that the demo's mail carries the INS.
            patient.InsVerifiedByInsi(InsOids.NirTest, now);
            patient.IdentityDocumentChecked(IdentityDocumentKind.NationalIdentityCard, nurse.Id, today, today, now);
            db.Patients.Add(patient);

            var path = PathTo(Targets[i]).ToList();
            var totalDays = path.Take(path.Count - 1).Sum(DaysIn) + random.Next(2, 20);
            // Patients in shared follow-up have been followed for months or years: their carnet has a past.
            if (Targets[i] == PathwayPhase.SharedFollowUp) totalDays += isPortalPatient ? 420 : 120 + random.Next(900);
            var start = today.AddDays(-totalDays);
            var diagnosis = path.Contains(PathwayPhase.DiagnosisConfirmed) ? start.AddDays(DaysIn(PathwayPhase.Suspicion)) : (DateOnly?)null;
            var episodeDetails = new EpisodeDetails(cancer.Site, cancer.SiteLabel, cancer.Laterality, diagnosis is null ? null : cancer.Morphology,
                diagnosis is null ? null : cancer.MorphologyLabel, diagnosis, diagnosis is null ? DiagnosisBasis.Unknown : cancer.Site == "C83.3" ? DiagnosisBasis.Biology : DiagnosisBasis.HistologyOfPrimary,
                diagnosis is null ? null : "T2", diagnosis is null ? null : "N0", diagnosis is null ? null : "M0", null, null, null,
                diagnosis is null ? null : "IIA", false, i % 11 == 3);
            var (episode, opening) = CancerEpisode.Open(patient.Id, episodeDetails, PathwayPhase.Suspicion, start, myGp.Id, today, now, "Examens demandés par le médecin traitant.");
            db.Episodes.Add(episode);
            db.PathwayEvents.Add(opening);
            var day = start;
            foreach (var (phase, index) in path.Select((p, k) => (p, k)).Skip(1))
            {
                day = day.AddDays(DaysIn(path[index - 1]));
                if (day > today) day = today;
                var by = phase is PathwayPhase.TumorBoard ? secretary.Id : phase is PathwayPhase.SharedFollowUp or PathwayPhase.AfterCancer or PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp or PathwayPhase.RuledOut ? myGp.Id : oncologist.Id;
                db.PathwayEvents.Add(episode.Transition(phase, day, by, today, now, null));
            }

            if (Targets[i] == PathwayPhase.CareProgramme)
            {
                SeedPps(db, episode, oncologist, myGp, today, waitingForPortal: !waitingSeeded);
                waitingSeeded = true;
            }

            var teamFrom = start;
            db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, myGp.Id, CareTeamRole.GeneralPractitioner, teamFrom, null, oncologist.Id, now));
            if (Targets[i] is not (PathwayPhase.Suspicion or PathwayPhase.RuledOut))
            {
                var hospitalFrom = diagnosis ?? teamFrom;
                db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, oncologist.Id, CareTeamRole.ReferringOncologist, hospitalFrom, null, oncologist.Id, now));
                db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, nurse.Id, CareTeamRole.NurseCoordinator, hospitalFrom, null, oncologist.Id, now));
                db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, secretary.Id, CareTeamRole.TumorBoardSecretary, hospitalFrom, null, oncologist.Id, now));
                if (cancer.Site is "C50.4" or "C50.2" or "C18.7" or "C20")
                    db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, surgeon.Id, CareTeamRole.Surgeon, hospitalFrom, null, oncologist.Id, now));
                if (cancer.Site is "C50.4" or "C50.2" or "C61" or "C20")
                    db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, radiotherapist.Id, CareTeamRole.Radiotherapist, hospitalFrom, null, oncologist.Id, now));
            }
            if (Targets[i] is not (PathwayPhase.Suspicion or PathwayPhase.RuledOut or PathwayPhase.DiagnosisConfirmed) && i % 3 != 2)
                SeedPathologyReport(db, patient, episode, myGp, oncologist, diagnosis!.Value, now, i);
            if (isPortalPatient || Targets[i] == PathwayPhase.ActiveTreatment)
                db.CareTeamMembers.Add(CareTeamMember.Add(patient.Id, byEmail["pharmacien@relais.demo"].Id, CareTeamRole.Pharmacist, diagnosis ?? teamFrom, null, oncologist.Id, now));
            if (isPortalPatient)
            {
                var portal = byEmail["patient@relais.demo"];
                portal.PatientId = patient.Id;
                Check(await users.UpdateAsync(portal));
                var caregiver = byEmail["aidant@relais.demo"];
                db.AccessGrants.Add(Domain.Access.AccessGrant.Grant(patient.Id, caregiver.Id, Domain.Access.RecordSections.Carnet, today.AddDays(-30), null,
                    Domain.Access.PortalDelegation.Validate(Domain.Access.RecordSections.Carnet, "fils").Reason, portal.Id, now.AddDays(-30)));
            }
        }
        SeedTumorBoards(db, orgs["hospital"], secretary, now, today);
        await db.SaveChangesAsync();
        await SeedFollowUpAsync(db, oncologist, gp, now, today);
    }
}

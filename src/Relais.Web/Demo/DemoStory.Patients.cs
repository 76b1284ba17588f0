using Microsoft.AspNetCore.Identity;
using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Web.Identity;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    private sealed partial class DemoStory
    {
        /// <summary>One demo patient's pathway: who, which cancer, the day each phase of the path begins.</summary>
        private sealed class Pathway(Patient patient, int index, (string Site, string SiteLabel, string Morphology, string MorphologyLabel, Laterality Laterality, Sex? Sex) cancer,
            PathwayPhase target, IReadOnlyList<(PathwayPhase Phase, DateOnly On)> steps, string gp)
        {
            public Patient Patient { get; } = patient;
            public int Index { get; } = index;
            public (string Site, string SiteLabel, string Morphology, string MorphologyLabel, Laterality Laterality, Sex? Sex) Cancer { get; } = cancer;
            public PathwayPhase Target { get; } = target;
            public IReadOnlyList<(PathwayPhase Phase, DateOnly On)> Steps { get; } = steps;
            public string Gp { get; } = gp;
            public Guid EpisodeId { get; set; }
            public Guid? CaseId { get; set; }
            public Guid? PpsId { get; set; }

            public DateOnly? Day(PathwayPhase phase) => Steps.Where(s => s.Phase == phase).Select(s => (DateOnly?)s.On).FirstOrDefault();

            public bool Reaches(PathwayPhase phase) => Steps.Any(s => s.Phase == phase);
        }

        /// <summary>
        /// Registers the demo patients with their care teams (the registration of an identity checked by
        /// INSi and a document is not part of the story: demo identities are test identities), then plays
        /// each one's pathway through the use cases.
        /// </summary>
        public async Task TellAsync(Dictionary<string, RelaisUser> byEmail, UserManager<RelaisUser> users)
        {
            var now = RealNow;
            var today = Today;
            var gp = byEmail["medecin.traitant@relais.demo"];
            var otherGp = byEmail["medecin.traitant2@relais.demo"];
            var nurse = byEmail["ide.coordination@relais.demo"];
            var pathways = new List<Pathway>();
            var random = new Random(2026);
            for (var i = 0; i < Targets.Length; i++)
            {
                var isPortalPatient = i == PortalPatient;
                var cancer = isPortalPatient ? Cancers[0] : Cancers[random.Next(Cancers.Length)];
                // Shared follow-up means a surveillance protocol: the demo follows the cancers a protocol exists for.
                if (PathTo(Targets[i]).Contains(PathwayPhase.SharedFollowUp) && cancer.Site is "C34.1" or "C83.3") cancer = Cancers[2];
                if (i == RisingMarkerPatient) cancer = Cancers[1];
                if (i == StartingTreatmentPatient) cancer = Cancers[0];
                var sex = cancer.Sex ?? (random.Next(2) == 0 ? Sex.Female : Sex.Male);
                var first = isPortalPatient ? "Marie" : sex == Sex.Female ? FemaleFirst[random.Next(FemaleFirst.Length)] : MaleFirst[random.Next(MaleFirst.Length)];
                var last = isPortalPatient ? "Durand" : LastNames[random.Next(LastNames.Length)];
                var birth = today.AddYears(-random.Next(38, 86)).AddDays(-random.Next(0, 365));
                if (i == 7) birth = today.AddYears(-78).AddDays(-40); // a patient over 75: oncogeriatric screening before the RCP [G]
                TrustedPerson? trusted = null;
                if (i == PalliativePatient) (first, last, birth, trusted) = PalliativeIdentity(sex, today); // Lucas Durand's grandparent, in palliative care
                var place = Places[random.Next(Places.Length)];
                var myGp = i % 6 == 5 ? otherGp : gp;
                var details = new PatientDetails(
                    DemoIns(sex, birth, place.Code, i), last.ToUpperInvariant(), i % 9 == 4 && sex == Sex.Female ? "Martin" : null, first, birth, sex,
                    $"06 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}", null,
                    $"{random.Next(1, 120)} rue {LastNames[random.Next(LastNames.Length)]}", null, place.Code, place.City, myGp.Id,
                    trusted ?? (i % 4 == 0 ? new TrustedPerson($"{MaleFirst[random.Next(MaleFirst.Length)]} {last}", "Conjoint", "06 11 22 33 44", today.AddDays(-random.Next(30, 400)), null) : null),
                    i % 5 == 0 ? new AdvanceDirectives(true, today.AddDays(-random.Next(30, 700)), "Dossier du médecin traitant") : new AdvanceDirectives(false, null, null));
                var patient = Patient.Register(details, today, now);
                // Demo identities are test identities (INS-NIR test OID), shown qualified so that the demo's mail carries the INS.
                patient.InsVerifiedByInsi(InsOids.NirTest, now);
                patient.IdentityDocumentChecked(IdentityDocumentKind.NationalIdentityCard, nurse.Id, today, today, now);
                db.Patients.Add(patient);

                var path = PathTo(Targets[i]).ToList();
                var totalDays = path.Take(path.Count - 1).Sum(DaysIn) + random.Next(2, 20);
                // Patients in shared follow-up have been followed for months or years: their carnet has a past.
                if (Targets[i] == PathwayPhase.SharedFollowUp) totalDays += isPortalPatient ? 420 : i == RisingMarkerPatient ? 400 : 120 + random.Next(900);
                var day = today.AddDays(-totalDays);
                var steps = new List<(PathwayPhase, DateOnly)> { (path[0], day) };
                for (var k = 1; k < path.Count; k++)
                {
                    day = day.AddDays(DaysIn(path[k - 1]));
                    steps.Add((path[k], day > today ? today : day));
                }
                var pathway = new Pathway(patient, i, cancer, Targets[i], steps, myGp.Email!);
                pathways.Add(pathway);
                AddCareTeam(pathway, byEmail, myGp);
                if (isPortalPatient)
                {
                    var portal = byEmail["patient@relais.demo"];
                    portal.PatientId = patient.Id;
                    Check(await users.UpdateAsync(portal));
                    // Her son follows her carnet: a delegation she made from her portal a month ago (issue 11).
                    var caregiver = byEmail["aidant@relais.demo"];
                    db.AccessGrants.Add(Domain.Access.AccessGrant.Grant(patient.Id, caregiver.Id, Domain.Access.RecordSections.Carnet, today.AddDays(-30), null,
                        Domain.Access.PortalDelegation.Validate(Domain.Access.RecordSections.Carnet, "fils").Reason, portal.Id, now.AddDays(-30)));
                }
            }
            await db.SaveChangesAsync();

            PlanProtocolValidation(pathways);
            foreach (var pathway in pathways) PlanPathway(pathway);
            PlanComingMeetings(pathways);
            PlanContinuity(pathways);
            PlanPalliative(pathways);
            await PlayAsync();
            await AcknowledgeAsync();
        }

        /// <summary>
        /// The care team as the patient's pathway needs it: the GP from the start; the hospital team from the
        /// diagnosis (the pathologist who signs the report among them); the surgeon and radiotherapist where
        /// the cancer calls for them; the community pharmacist from the PPS on, for the treatments he dispenses.
        /// </summary>
        private void AddCareTeam(Pathway p, Dictionary<string, RelaisUser> byEmail, RelaisUser myGp)
        {
            var now = RealNow;
            var oncologist = byEmail["oncologue@relais.demo"];
            var start = p.Steps[0].On;
            void Add(string email, CareTeamRole role, DateOnly from) =>
                db.CareTeamMembers.Add(CareTeamMember.Add(p.Patient.Id, byEmail[email].Id, role, from, null, oncologist.Id, now));
            db.CareTeamMembers.Add(CareTeamMember.Add(p.Patient.Id, myGp.Id, CareTeamRole.GeneralPractitioner, start, null, oncologist.Id, now));
            if (p.Day(PathwayPhase.DiagnosisConfirmed) is not { } diagnosis) return;
            Add("oncologue@relais.demo", CareTeamRole.ReferringOncologist, diagnosis);
            Add("ide.coordination@relais.demo", CareTeamRole.NurseCoordinator, diagnosis);
            Add("secretariat.rcp@relais.demo", CareTeamRole.TumorBoardSecretary, diagnosis);
            Add("anapath@relais.demo", CareTeamRole.Pathologist, diagnosis);
            if (p.Cancer.Site is "C50.4" or "C50.2" or "C18.7" or "C20" or "C34.1") Add("chirurgien@relais.demo", CareTeamRole.Surgeon, diagnosis);
            if (p.Cancer.Site is "C50.4" or "C50.2" or "C61" or "C20") Add("radiotherapeute@relais.demo", CareTeamRole.Radiotherapist, diagnosis);
            if (p.Index == PortalPatient || p.Reaches(PathwayPhase.CareProgramme))
                Add("pharmacien@relais.demo", CareTeamRole.Pharmacist, diagnosis);
        }
    }
}

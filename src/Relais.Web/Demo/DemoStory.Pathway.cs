using Microsoft.EntityFrameworkCore;
using Relais.Domain.Announcements;
using Relais.Domain.Documents;
using Relais.Domain.Pathways;
using Relais.Domain.Programmes;
using Relais.Web.Features.Announcements;
using Relais.Web.Features.Coordination.Documents;
using Relais.Web.Features.Patients;
using Relais.Web.Features.Patients.Episodes;
using Relais.Web.Features.Programmes;
using Relais.Web.Operations;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    private sealed partial class DemoStory
    {
        private const string Oncologist = "oncologue@relais.demo";
        private const string Pathologist = "anapath@relais.demo";

        /// <summary>Plans the acts of one patient's pathway, each on the day its phase begins.</summary>
        private void PlanPathway(Pathway p)
        {
            At(On(p.Steps[0].On, 9), () => OpenAsync(p));
            foreach (var (phase, on) in p.Steps.Skip(1))
            {
                switch (phase)
                {
                    case PathwayPhase.DiagnosisConfirmed:
                        At(On(on, 11), () => DiagnoseAsync(p, on));
                        break;
                    case PathwayPhase.Announcement:
                        At(On(on, 10), () => AnnounceAsync(p, on));
                        break;
                    case PathwayPhase.TumorBoard:
                        PlanTumorBoard(p, on);
                        break;
                    case PathwayPhase.CareProgramme:
                        At(On(on, 10), () => IssuePpsAsync(p, on));
                        break;
                    case PathwayPhase.ActiveTreatment:
                        PlanTreatment(p, on);
                        break;
                    case PathwayPhase.EndOfTreatment:
                        At(On(on, 10), () => EndTreatmentAsync(p, on));
                        break;
                    case PathwayPhase.SharedFollowUp:
                        break; // reached by the end of treatment, with its PPAC and carnet
                    case PathwayPhase.Palliative or PathwayPhase.Deceased:
                        At(On(on, 12), () => MoveAsync(p, phase, on, Oncologist, null));
                        break;
                    default:
                        At(On(on, 12), () => MoveAsync(p, phase, on, p.Gp, null));
                        break;
                }
            }
        }

        private async Task OpenAsync(Pathway p)
        {
            var episode = await Use<OpenEpisode>().HandleAsync(As(p.Gp), p.Patient.Id, new EpisodeInput(p.Cancer.Site, p.Cancer.SiteLabel, p.Cancer.Laterality,
                null, null, null, null, null, null, null, null, null, null, null, false, p.Index % 11 == 3, PathwayPhase.Suspicion, p.Steps[0].On,
                "Examens demandés par le médecin traitant."), default);
            p.EpisodeId = episode.Id;
        }

        private Task<PathwayEventDto?> MoveAsync(Pathway p, PathwayPhase to, DateOnly on, string by, string? note) =>
            Use<MoveEpisode>().HandleAsync(As(by), p.Patient.Id, p.EpisodeId, new TransitionInput(to, on, note), default);

        /// <summary>The pathologist signs the report (C2 to the GP); the oncologist records the diagnosis and confirms it (C4).</summary>
        private async Task DiagnoseAsync(Pathway p, DateOnly on)
        {
            var content = DemoPdf.Create("Compte rendu anatomopathologique",
                $"Patient : {p.Patient.DisplayName}, né(e) le {p.Patient.BirthDate:dd/MM/yyyy}",
                $"Prélèvement : biopsie — {p.Cancer.SiteLabel}",
                $"Conclusion : {p.Cancer.MorphologyLabel} ({p.Cancer.Morphology})",
                "Document de démonstration, fictif.");
            await Use<UploadDocument>().HandleAsync(As(Pathologist), p.Patient.Id, new UploadDocumentRequest(DocumentKind.PathologyReport,
                "Compte rendu anatomopathologique", "cr-anapath.pdf", content, null, Sign: true), default);
            var details = new EpisodeInput(p.Cancer.Site, p.Cancer.SiteLabel, p.Cancer.Laterality, p.Cancer.Morphology, p.Cancer.MorphologyLabel, on,
                Domain.Episodes.DiagnosisBasis.HistologyOfPrimary, "T2", "N0", "M0", null, null, null, "IIA", false, p.Index % 11 == 3, null, null, null);
            await Use<UpdateEpisode>().HandleAsync(p.Patient.Id, p.EpisodeId, MergePatch.Full(details, services.Root), null, default);
            await MoveAsync(p, PathwayPhase.DiagnosisConfirmed, on, Oncologist, "Diagnostic confirmé par l'examen anatomopathologique.");
        }

        /// <summary>The announcement; a patient of reproductive age is offered fertility preservation before any treatment [G] 4 (the demo's patients decline it).</summary>
        private async Task AnnounceAsync(Pathway p, DateOnly on)
        {
            await MoveAsync(p, PathwayPhase.Announcement, on, Oncologist, "Consultation d'annonce");
            var bounds = FertilityAgeBounds.For(p.Patient.Sex);
            var age = p.Patient.AgeOn(on);
            if (age < bounds.From || age > bounds.To) return;
            await Use<RecordFertility>().HandleAsync(p.Patient.Id, p.EpisodeId, new FertilityInput(FertilityReferral.Proposed, on,
                null, "Contraception efficace pendant le traitement."), default);
            await Use<RecordFertility>().HandleAsync(p.Patient.Id, p.EpisodeId, new FertilityInput(FertilityReferral.Declined, on, null, null), default);
        }

        /// <summary>The PPS drawn from the RCP's decision (C5 to the GP and the patient), handed to the patient the same day.</summary>
        private async Task IssuePpsAsync(Pathway p, DateOnly on)
        {
            var phases = Treatments(p.Cancer.Site).Select((t, k) => new TreatmentPhase(k + 1, t.Kind, t.Description, on.AddDays(12 + t.After), null,
                "Hôpital Saint-Relais", t.Kind == TreatmentKind.Surgery ? 2 : null, t.Complications, t.Advice, null)).ToList();
            var pps = await Use<IssueProgramme>().HandleAsync(As(Oncologist), p.Patient.Id, ProgrammeKind.Pps, new ProgrammeInput(p.EpisodeId, p.CaseId, phases,
                [new PlannedAssessment("Consultation d'oncologie", "à chaque étape du traitement")], "Soins de support proposés à l'annonce.", null, null, null, false), default);
            p.PpsId = pps.Id;
            await Use<HandOver>().HandleAsync(p.Patient.Id, pps.Id, new HandOverInput(on), default);
        }

        /// <summary>Each phase of the PPS starts on its day (C8 to the GP, and to the pharmacist for the drugs he dispenses), until the treatment ends.</summary>
        private void PlanTreatment(Pathway p, DateOnly start)
        {
            var end = p.Steps.SkipWhile(s => s.Phase != PathwayPhase.ActiveTreatment).Skip(1).Select(s => (DateOnly?)s.On).FirstOrDefault() ?? Today;
            foreach (var (treatment, order) in Treatments(p.Cancer.Site).Select((t, k) => (t, k + 1)))
            {
                var on = start.AddDays(treatment.After);
                if (on >= end && order > 1) break;
                At(On(on, 9, order), () => Use<StartPhase>().HandleAsync(As(Oncologist), p.Patient.Id, p.PpsId!.Value, order, new PhaseStartInput(on), default));
            }
        }

        private sealed record Treatment(TreatmentKind Kind, string Description, int After, string? Complications, string? Advice);

        /// <summary>The demo's treatment sequences by site: the phases of the PPS and the days from the first one.</summary>
        private static Treatment[] Treatments(string site) => site switch
        {
            "C50.4" or "C50.2" =>
            [
                new(TreatmentKind.Surgery, "Tumorectomie et ganglion sentinelle", 0, "Lymphocèle, douleur de la cicatrice", "Mobiliser le bras doucement"),
                new(TreatmentKind.Chemotherapy, "Chimiothérapie adjuvante (4 EC puis 12 paclitaxel)", 35, "Neutropénie fébrile, nausées, neuropathie", "Température au-delà de 38 °C : appeler le service"),
                new(TreatmentKind.Radiotherapy, "Radiothérapie du sein (15 séances)", 110, "Radiodermite", "Hydrater la peau, éviter le soleil"),
                new(TreatmentKind.Hormone, "Hormonothérapie par tamoxifène", 150, "Bouffées de chaleur, thrombose", "Signaler une douleur de mollet"),
            ],
            "C18.7" or "C20" =>
            [
                new(TreatmentKind.Surgery, "Résection chirurgicale", 0, "Iléus, infection de paroi", "Alimentation progressive"),
                new(TreatmentKind.Chemotherapy, "Chimiothérapie adjuvante FOLFOX (6 mois)", 35, "Neuropathie au froid, neutropénie", "Éviter le froid les jours de perfusion"),
            ],
            "C61" =>
            [
                new(TreatmentKind.Radiotherapy, "Radiothérapie prostatique", 0, "Cystite, rectite radiques", "Boire abondamment"),
                new(TreatmentKind.Hormone, "Hormonothérapie par agoniste de la LH-RH (6 mois)", 20, "Bouffées de chaleur, prise de poids", "Activité physique régulière"),
            ],
            "C34.1" =>
            [
                new(TreatmentKind.Surgery, "Lobectomie supérieure droite", 0, "Fuite aérienne, douleur", "Kinésithérapie respiratoire"),
                new(TreatmentKind.Chemotherapy, "Chimiothérapie adjuvante cisplatine-vinorelbine", 40, "Nausées, neutropénie, insuffisance rénale", "Boire 2 litres par jour"),
            ],
            _ =>
            [
                new(TreatmentKind.Chemotherapy, "Immunochimiothérapie R-CHOP (6 cures)", 0, "Neutropénie fébrile, neuropathie", "Température au-delà de 38 °C : appeler le service"),
            ],
        };
    }
}

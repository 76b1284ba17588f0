using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Domain.Patients;
using Relais.Web.Features.Palliative;
using Relais.Web.Features.SupportiveCare.Referrals;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    /// <summary>The demo's palliative patient (the first of the two in the palliative phase): Lucas Durand's grandparent.</summary>
    private const int PalliativePatient = 27;

    /// <summary>The caregiver's own account (Lucas Durand, issue 11), identified on the palliative patient's record when it exists.</summary>
    private const string CaregiverAccount = "aidant@relais.demo";

    private const string CaregiverPhone = "06 12 34 56 78";

    /// <summary>
    /// The palliative patient's identity: a grandparent of Lucas Durand (the caregiver account), 74 years old (under the
    /// oncogeriatric screening's 75), whose grandson is his trusted person, designated in writing two months ago.
    /// </summary>
    private static (string First, string Last, DateOnly Birth, TrustedPerson Trusted) PalliativeIdentity(Sex sex, DateOnly today) =>
        (sex == Sex.Female ? "Josiane" : "Gérard", "Durand", today.AddYears(-74).AddDays(-75),
            new TrustedPerson("Lucas Durand", "Petit-fils", CaregiverPhone, today.AddDays(-60), null));

    private sealed partial class DemoStory
    {
        private const string Nurse = "ide.coordination@relais.demo";

        /// <summary>
        /// Palliative care at home (issue 13 point 6, [G] §2.6). The day the oncologist moves the patient into the palliative phase
        /// (C15 to the GP), she writes the shared symptom plan (pain, breathlessness: each writing is a C15) and the urgent-care plan —
        /// anticipated prescriptions, comfort care only as discussed that day with the patient and his grandson, advance directives —
        /// and the nurse coordinator records the grandson as caregiver and trusted person. Some days later (at most eight days ago) the
        /// GP adds what to do for anxiety (C15 to the team), prescribes a home hospitalisation with the family's agreement and asks the
        /// palliative mobile team of the directory for its support; the next day the HAD's coordinating physician admits the patient
        /// for a stay ending the day after tomorrow, so that the renewal reminder has reached the GP (in-app: the story sends no mail).
        /// </summary>
        private void PlanPalliative(IReadOnlyList<Pathway> pathways)
        {
            var p = pathways.FirstOrDefault(x => x.Index == PalliativePatient && x.Target == PathwayPhase.Palliative);
            if (p?.Day(PathwayPhase.Palliative) is not { } start || start >= Today) return;
            At(On(start, 14), () => TeamPlanAsync(p, start));
            At(On(start, 15), () => CaregiverAsync(p));

            var requested = start.AddDays(1) > Today.AddDays(-8) ? start.AddDays(1) : Today.AddDays(-8);
            var admitted = requested.AddDays(1);
            var until = Today.AddDays(2);
            At(On(requested, 18), () => GpAsync(p, requested, until.DayNumber - admitted.DayNumber + 1));
            At(On(admitted, 10), () => AdmitAsync(p, admitted));
            // The renewal reminder, three days before the stay ends, through the scheduler as the background scan runs it.
            var remindOn = until.AddDays(-Domain.PalliativeCare.PalliativeRules.RenewalReminderDays);
            At(On(remindOn > admitted ? remindOn : admitted, 19), () => Use<RemindHadRenewal>().HandleAsync(default));
        }

        private async Task TeamPlanAsync(Pathway p, DateOnly on)
        {
            var plan = Use<PalliativePlan>();
            await plan.WriteSymptomAsync(As(Oncologist), p.Patient.Id, new SymptomPlanInput("pain",
                "Morphine LP 30 mg matin et soir ; interdose de morphine LI 5 mg si EVA ≥ 4, jusqu'à 6 par jour. Au-delà de 3 interdoses par jour, appeler l'équipe pour adapter le traitement de fond.", null), default);
            await plan.WriteSymptomAsync(As(Oncologist), p.Patient.Id, new SymptomPlanInput("breathlessness",
                "Position demi-assise, air frais, ventilateur ; morphine 2,5 mg SC si dyspnée gênante, renouvelable après 4 h. Oxygène seulement s'il soulage.", null), default);
            await plan.WriteUrgentAsync(As(Oncologist), p.Patient.Id, new UrgentPlanInput(
                "Douleur aiguë : morphine 5 mg SC, renouvelable après 1 h (3 fois au plus). Détresse respiratoire asphyxique ou hémorragie massive : midazolam 2,5 mg SC, renouvelable après 10 min. Encombrement : scopolamine 0,5 mg SC.",
                "comfort-care-only", "Souhaite rester à domicile jusqu'au bout ; décision collégiale (oncologue, médecin traitant) partagée avec le patient et son petit-fils, personne de confiance.",
                true, on.AddDays(-40), "Au domicile, avec la carte Vitale ; copie au dossier du médecin traitant", on,
                "Appeler d'abord l'astreinte de l'HAD (24 h/24), puis le médecin traitant ; pas de transfert aux urgences sauf si le confort est impossible à domicile.", null), default);
        }

        /// <summary>The grandson, identified with the e-mail of his own account when it exists.</summary>
        private async Task CaregiverAsync(Pathway p)
        {
            var email = actors.ContainsKey(CaregiverAccount) ? CaregiverAccount : null;
            await Use<ManageCaregivers>().AddAsync(As(Nurse), p.Patient.Id, new CaregiverInput("Lucas Durand", "Petit-fils", CaregiverPhone, email, true,
                "Vit à dix minutes ; a demandé un congé de solidarité familiale."), default);
        }

        private async Task GpAsync(Pathway p, DateOnly on, int days)
        {
            await Use<PalliativePlan>().WriteSymptomAsync(As(p.Gp), p.Patient.Id, new SymptomPlanInput("anxiety",
                "Présence et écoute, la famille prévenue ; alprazolam 0,25 mg si angoisse, 3 par jour au plus. Signaler toute agitation nocturne.", null), default);
            var had = await ProviderIdAsync(DemoDirectory.HadSeineMaritime);
            await Use<ManageHad>().RequestAsync(As(p.Gp), p.Patient.Id, new HadRequestInput(had, null, "patient-and-family", on, days,
                "Soins palliatifs à domicile : douleur, dyspnée, soins de confort, soutien de l'aidant."), default);
            await Use<ProposeReferral>().HandleAsync(As(p.Gp), p.Patient.Id, new ReferralInput("palliative", await ProviderIdAsync(DemoDirectory.PalliativeTeam), "pain",
                "Appui de l'équipe mobile pour le retour à domicile en HAD.", null), default);
        }

        private async Task AdmitAsync(Pathway p, DateOnly on)
        {
            var stay = await db.HadStays.AsNoTracking().Where(s => s.PatientId == p.Patient.Id).OrderByDescending(s => s.RequestedOn).Select(s => s.Id).FirstAsync();
            await Use<ManageHad>().DecideAsync(As(DemoDirectory.HadCoordinator), p.Patient.Id, stay, new HadDecisionInput("admit", on,
                "Domicile adapté (lit médicalisé livré), petit-fils présent chaque jour ; infirmière libérale et HAD en relais.", null), default);
        }

        private async Task<Guid> ProviderIdAsync(string name) =>
            await db.SupportiveCareProviders.AsNoTracking().Where(x => x.Name == name).Select(x => x.Id).FirstAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain.Coordination;
using Relais.Domain.Pathways;
using Relais.Domain.Surveillance;
using Relais.Web.Features.Coordination.Transmissions;
using Relais.Web.Features.FollowUp.Carnet;
using Relais.Web.Features.FollowUp.EndOfTreatment;
using Relais.Web.Features.FollowUp.Observations;
using Relais.Web.Features.FollowUp.Protocols;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    private sealed partial class DemoStory
    {
        private const string Laboratory = "Laboratoire Bio-Normandie, Rouen";

        /// <summary>
        /// Before the story's first act, the boards exist and the shipped protocols are validated by the demo
        /// oncologist and GP, the questionnaires by the oncologist (an end of treatment enrols only on a validated version).
        /// </summary>
        private void PlanProtocolValidation(IReadOnlyList<Pathway> pathways)
        {
            var first = pathways.Min(p => p.Steps[0].On);
            PlanBoards(first);
            At(On(first.AddDays(-60), 9), async () =>
            {
                // The status is read from the validations, in memory.
                var protocols = await db.Protocols.AsNoTracking().ToListAsync();
                foreach (var protocol in protocols.Where(p => p.Status == ProtocolStatus.ToValidate))
                {
                    await Use<ValidateProtocol>().HandleAsync(As(Oncologist), protocol.Code, protocol.Version, new ValidationInput(ValidatorRole.Specialist), default);
                    await Use<ValidateProtocol>().HandleAsync(As("medecin.traitant@relais.demo"), protocol.Code, protocol.Version, new ValidationInput(ValidatorRole.GeneralPractitioner), default);
                }
                // The questionnaires and their alert rules, validated by the demo oncologist.
                var questionnaires = await db.Questionnaires.AsNoTracking().Where(q => q.Validation == null).ToListAsync();
                foreach (var q in questionnaires)
                    await Use<Features.Symptoms.Questionnaires.ValidateQuestionnaire>().HandleAsync(As(Oncologist), q.Code, q.Version, new(), default);
            });
        }

        /// <summary>
        /// The end of active treatment (PPAC to the GP and the patient, C11; protocol to the GP, C12; the carnet),
        /// then the follow-up it plans: the carnet's past items done (the first one left overdue, so that a
        /// worklist has something to chase), and the CA 15-3 series of the breast cancers.
        /// </summary>
        private async Task EndTreatmentAsync(Pathway p, DateOnly j0)
        {
            var radiotherapy = Treatments(p.Cancer.Site).Any(t => t.Kind == Domain.Programmes.TreatmentKind.Radiotherapy);
            var usable = (await db.Protocols.AsNoTracking().ToListAsync()).Where(x => x.Status == ProtocolStatus.Validated);
            var code = ProtocolProposal.CodeFor(p.Cancer.Site, usable.Select(x => (x.Code, x.Kind)), radiotherapy)
                ?? throw new InvalidOperationException($"The demo follows only the cancers a protocol exists for, not {p.Cancer.Site}.");
            var result = await Use<EndTreatment>().HandleAsync(As(Oncologist), p.Patient.Id, new EndOfTreatmentInput(p.EpisodeId, j0, code, radiotherapy, null, true,
                null, null, "Voir le programme personnalisé de l'après-cancer."), default);

            var exit = p.Steps.SkipWhile(s => s.Phase != PathwayPhase.SharedFollowUp).Skip(1).Select(s => (DateOnly?)s.On).FirstOrDefault();
            var doneBefore = exit is { } e && e < Today.AddDays(-40) ? e : Today.AddDays(-40);
            var items = await db.CarnetItems.AsNoTracking().Where(i => i.EnrolmentId == result.EnrolmentId && i.Due < doneBefore)
                .OrderBy(i => i.Due).Select(i => new { i.Id, i.Due }).ToListAsync();
            foreach (var item in items.Skip(p.Target == PathwayPhase.SharedFollowUp ? 1 : 0))
                At(On(item.Due.AddDays(3), 17), () => Use<MarkDone>().HandleAsync(p.Patient.Id, item.Id, new DoneInput(item.Due.AddDays(3), null), default));

            if (p.Index == PortalPatient)
                foreach (var (months, value) in new[] { (-2, 21.0m), (6, 18.5m), (12, 19.2m) })
                    PlanMarker(p, j0.AddMonths(months), value, months < 0 ? j0.AddDays(1) : null, p.Gp);
            if (p.Index == RisingMarkerPatient)
                // A significant rise (lowest 19, then 36 above the upper limit of 30) asks for a control; the control
                // 45 days later confirms it: one alert, escalated to an early return (C14 to the team's queue and the GP).
                // The hospital's laboratory results, entered by the oncologist: the GP gets his copy of the early return.
                foreach (var (daysAgo, value) in new[] { (150, 19.0m), (50, 36.0m), (5, 38.0m) })
                    PlanMarker(p, Today.AddDays(-daysAgo), value, null, Oncologist);
        }

        /// <summary>A CA 15-3 result entered two days after the sample (or later, when the result predates the follow-up).</summary>
        private void PlanMarker(Pathway p, DateOnly effective, decimal value, DateOnly? entered, string by)
        {
            var on = entered ?? effective.AddDays(2);
            if (on > Today) return;
            At(On(on, 18), () => Use<RecordObservation>().HandleAsync(As(by), p.Patient.Id,
                new ObservationInput("ca15-3", value, "U/mL", effective, Laboratory, 30m), default));
        }

        /// <summary>
        /// The GPs and the pharmacist read what they receive: what was sent more than ten days ago is acknowledged,
        /// one to three days after it arrived; of the recent ones, every other one still waits in the inbox.
        /// What is addressed to the team's queue stays with its owner.
        /// </summary>
        private async Task AcknowledgeAsync()
        {
            var byId = actors.Values.ToDictionary(a => a.Id);
            var rows = await (from r in db.TransmissionRecipients.AsNoTracking()
                              join t in db.Transmissions.AsNoTracking() on r.TransmissionId equals t.Id
                              where r.AcknowledgedAt == null && (r.Kind == RecipientKinds.GeneralPractitioner || r.Kind == RecipientKinds.Pharmacist)
                              orderby t.CreatedAt
                              select new { r.RecipientId, r.PatientId, r.TransmissionId, t.CreatedAt }).ToListAsync();
            var index = 0;
            foreach (var row in rows)
            {
                var recent = RealNow - row.CreatedAt < TimeSpan.FromDays(10);
                if (recent && index++ % 2 == 0) continue;
                At(row.CreatedAt.AddDays(1 + index % 3), () => Use<AcknowledgeTransmission>().HandleAsync(byId[row.RecipientId], row.PatientId, row.TransmissionId, default));
            }
            await PlayAsync();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Relais.Domain.Pathways;
using Relais.Web.Features.Appointments;
using Relais.Web.Features.Continuity.Crisis;
using Relais.Web.Features.Continuity.Deferrals;

namespace Relais.Web.Demo;

public static partial class DemoData
{
    private sealed partial class DemoStory
    {
        private const string Quality = "qualite.3c@relais.demo";
        private const string DayUnit = "Hôpital de jour d'oncologie, Hôpital Saint-Relais";

        /// <summary>
        /// Continuity of care (issue 15 point 2, [C]): six weeks ago an epidemic halved the day unit's staff; the 3C's crisis
        /// referent switched the territory of a patient then under chemotherapy into crisis for three weeks, and that
        /// patient's cycle was put off (medium priority) and given a new date nine days later — a deferral the indicators
        /// compare with the days before and after. Today, a cycle of a patient in treatment is put off for a low
        /// neutrophil count (high priority): it waits on the re-scheduling worklist.
        /// </summary>
        private void PlanContinuity(IReadOnlyList<Pathway> pathways)
        {
            var start = Today.AddDays(-45);
            var end = start.AddDays(21);
            var inCrisis = pathways.FirstOrDefault(p => p.Target is not (PathwayPhase.Deceased or PathwayPhase.MovedAway or PathwayPhase.LostToFollowUp)
                && p.Day(PathwayPhase.ActiveTreatment) is { } t && t <= start.AddDays(-7)
                && (NextAfter(p, PathwayPhase.ActiveTreatment) is not { } next || next > start.AddDays(20)));
            if (inCrisis is not null)
            {
                At(On(start, 8), async () =>
                {
                    var territory = await TerritoryOfAsync(inCrisis);
                    if (territory is null) return;
                    await Use<SwitchCrisisMode>().HandleAsync(As(Quality), new CrisisSwitchInput(territory, true), default);
                    At(On(end, 18), () => Use<SwitchCrisisMode>().HandleAsync(As(Quality), new CrisisSwitchInput(territory, false), default));
                });
                At(On(start, 10), async () =>
                {
                    var cycle = await CycleAsync(inCrisis, On(start.AddDays(2), 9));
                    var deferred = await Use<DeferCare>().HandleAsync(As(Oncologist), inCrisis.Patient.Id,
                        new DeferralInput(new DeferredItemInput("appointment", cycle), "Épidémie : hôpital de jour à effectif réduit de moitié, cure décalée.", "medium", null), default);
                    At(On(start.AddDays(4), 11), () => Use<RescheduleCare>().HandleAsync(As(Oncologist), inCrisis.Patient.Id, deferred.Deferral.Id,
                        new RescheduleInput(On(start.AddDays(11), 9), null, DayUnit, "Dr Claire Martin", false, null, null, null), default));
                });
            }

            var waiting = pathways.FirstOrDefault(p => p != inCrisis && p.Target == PathwayPhase.ActiveTreatment && p.Day(PathwayPhase.ActiveTreatment) is { } t && t <= Today.AddDays(-10));
            if (waiting is null) return;
            At(On(Today.AddDays(-10), 15), async () =>
            {
                var cycle = await CycleAsync(waiting, On(Today.AddDays(2), 9));
                At(On(Today.AddDays(-1), 17), () => Use<DeferCare>().HandleAsync(As(Oncologist), waiting.Patient.Id,
                    new DeferralInput(new DeferredItemInput("appointment", cycle), "Polynucléaires neutrophiles à 0,8 G/L au bilan de la veille : cure décalée d'une semaine.", "high", null), default));
            });
        }

        private async Task<Guid> CycleAsync(Pathway p, DateTimeOffset at) =>
            (await Use<PlanAppointment>().HandleAsync(As(Oncologist), p.Patient.Id,
                new AppointmentInput("chemotherapy-cycle", at, null, DayUnit, "Dr Claire Martin", false, null, null, p.EpisodeId, null, null), default)).Id;

        private async Task<string?> TerritoryOfAsync(Pathway p) =>
            await db.Communes.AsNoTracking().Where(c => c.Postcode == p.Patient.Address.PostalCode).Select(c => c.AreaCode).OrderBy(a => a).FirstOrDefaultAsync();

        private static DateOnly? NextAfter(Pathway p, PathwayPhase phase) =>
            p.Steps.SkipWhile(s => s.Phase != phase).Skip(1).Select(s => (DateOnly?)s.On).FirstOrDefault();
    }
}

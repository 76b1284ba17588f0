using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.ContinuingTreatments;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Documents;
using Relais.Web.Features.FollowUp.Protocols;
using Relais.Web.Identity;

namespace Relais.Web.Features.FollowUp.ContinuingTreatments;

/// <summary>A continuing treatment as the forms and the API send it: the class is a kebab-case code ("aromatase-inhibitor").</summary>
public sealed record ContinuingTreatmentInput(string? Drug, string? Class, DateOnly? StartedOn, int? PlannedMonths, string? Prescriber);

/// <summary>What recording a treatment added: the treatment, the module it brought (if any) and the carnet lines of that module.</summary>
public sealed record PlannedTreatment(ContinuingTreatment Treatment, SurveillanceProtocol? Module, IReadOnlyList<CalendarLine> Lines);

/// <summary>
/// Records a continuing treatment in the caller's unit of work and plans the monitoring module its class adds
/// (<see cref="ShippedModules.For"/>), from the module's latest validated version, counted from the treatment's start:
/// the end of treatment and the later recording both go through here. The module's dates already past are not
/// planned (a treatment recorded late does not fill the carnet with overdue items).
/// </summary>
public sealed class ContinuingTreatmentPlanner(RelaisDb db, Clock clock, ProtocolQueries protocols)
{
    public async Task<PlannedTreatment> AddAsync(CurrentUser user, Guid patientId, Enrolment enrolment, ContinuingTreatmentInput input, CancellationToken ct)
    {
        var treatmentClass = EnumCodes.Parse<TreatmentClass>(input.Class, "class");
        var today = clock.Today;
        var now = clock.Now;
        var treatment = ContinuingTreatment.Record(patientId, input.Drug, treatmentClass, input.StartedOn, input.PlannedMonths, input.Prescriber, user.Id, today, now);
        db.ContinuingTreatments.Add(treatment);
        if (ShippedModules.For(treatmentClass) is not { } trigger) return new(treatment, null, []);

        var module = await protocols.LatestAsync(trigger.ModuleCode, validatedOnly: true, ct)
            ?? throw new DomainValidationException("class", await db.Protocols.AnyAsync(p => p.Code == trigger.ModuleCode, ct)
                ? $"Le module de surveillance « {trigger.ModuleCode} » de ce traitement n'a pas encore été validé par un spécialiste et un médecin généraliste."
                : $"Le module de surveillance « {trigger.ModuleCode} » de ce traitement est introuvable.");
        var entries = module.Preview(treatment.StartedOn, radiotherapy: false, ShippedModules.HorizonMonths(trigger, treatment.PlannedMonths))
            .Where(e => e.Due >= today).ToList();
        foreach (var entry in entries) db.CarnetItems.Add(CarnetItem.PlanFromModule(patientId, enrolment.Id, module, treatment.Id, entry, now));
        return new(treatment, module, [.. entries.Select(e => new CalendarLine(e.Due, $"{e.Kind.Label()} ({module.Title})", e.Performer.Label(), null))]);
    }
}

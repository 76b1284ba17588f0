using Microsoft.EntityFrameworkCore;
using Relais.Domain;
using Relais.Domain.Heredity;
using Relais.Domain.Surveillance;
using Relais.Web.Data;
using Relais.Web.Features.FollowUp.Protocols;

namespace Relais.Web.Features.Expertise.Oncogenetics;

/// <summary>
/// Plans the monitoring module a genetic result adds (<see cref="GeneticResults.ModuleCode"/>) in the caller's unit of
/// work: from the module's latest validated version, counted from the result's date, over the late-effect horizon,
/// the dates already past left out. The result and the end of treatment both come here, whichever comes last.
/// </summary>
public sealed class GeneticModulePlanner(RelaisDb db, Clock clock, ProtocolQueries protocols)
{
    public async Task<(SurveillanceProtocol? Module, int Items)> AddAsync(OncogeneticsReferral referral, Enrolment enrolment, CancellationToken ct)
    {
        if (referral.Result is not { } result || GeneticResults.ModuleCode(result) is not { } code || referral.ResultOn is not { } from) return (null, 0);
        var module = await protocols.LatestAsync(code, validatedOnly: true, ct)
            ?? throw new DomainValidationException("result", await db.Protocols.AnyAsync(p => p.Code == code, ct)
                ? $"Le module de surveillance « {code} » de ce résultat n'a pas encore été validé par un spécialiste et un médecin généraliste."
                : $"Le module de surveillance « {code} » de ce résultat est introuvable.");
        var today = clock.Today;
        var entries = module.Preview(from, radiotherapy: false, ShippedModules.LateEffectHorizonMonths).Where(e => e.Due >= today).ToList();
        foreach (var entry in entries) db.CarnetItems.Add(CarnetItem.PlanFromModule(referral.PatientId, enrolment.Id, module, null, entry, clock.Now));
        return (module, entries.Count);
    }
}

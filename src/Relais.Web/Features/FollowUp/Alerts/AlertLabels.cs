using Microsoft.Extensions.Localization;
using Relais.Domain.Alerts;

namespace Relais.Web.Features.FollowUp.Alerts;

/// <summary>The French names of the early-return rules and of what an alert asks for.</summary>
public static class AlertLabels
{
    public static string Rule(string rule, IStringLocalizer L) => L[rule switch
    {
        EarlyReturnRuleCodes.Ca153Rise => "Élévation significative du CA 15-3",
        EarlyReturnRuleCodes.Ca153AcceleratingRise => "Élévation exponentielle du CA 15-3",
        EarlyReturnRuleCodes.Ca153RiseConfirmed => "Élévation du CA 15-3 confirmée au contrôle",
        EarlyReturnRuleCodes.PsaAfterProstatectomy => "PSA au-dessus du seuil après prostatectomie",
        EarlyReturnRuleCodes.PsaAfterProstatectomyConfirmed => "PSA au-dessus du seuil, confirmé, après prostatectomie",
        EarlyReturnRuleCodes.PsaPhoenix => "PSA au-dessus du nadir + 2 après radiothérapie (Phoenix)",
        EarlyReturnRuleCodes.CeaAboveLimit => "ACE au-dessus de la limite",
        EarlyReturnRuleCodes.CeaConfirmed => "ACE au-dessus de la limite, confirmé",
        EarlyReturnRuleCodes.LaboratoryChange => "Changement de laboratoire",
        EarlyReturnRuleCodes.ClinicalCriteria => "Critère clinique de retour anticipé",
        _ => "Alerte",
    }];

    public static string Action(string action, IStringLocalizer L) => L[action switch
    {
        "control-assay" => "Dosage de contrôle dans le même laboratoire",
        "specialist-opinion" => "Avis du spécialiste",
        "early-return" => "Retour anticipé au spécialiste",
        _ => "À examiner",
    }];
}

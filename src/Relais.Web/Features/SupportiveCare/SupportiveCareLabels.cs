using Relais.Domain;
using Microsoft.Extensions.Localization;
using Relais.Domain.SupportiveCare;

namespace Relais.Web.Features.SupportiveCare;

/// <summary>The French words of the supportive-care codes (kebab-case in the API), translated through the shared resources.</summary>
public static class SupportiveCareLabels
{
    public static string Service(string code, IStringLocalizer L) => code switch
    {
        "adapted-physical-activity" => L["Activité physique adaptée"],
        "dietetics" => L["Diététique"],
        "psychology" => L["Psychologie"],
        "social-work" => L["Accompagnement social"],
        "pain" => L["Douleur"],
        "sexual-health" => L["Santé sexuelle"],
        "tobacco-alcohol" => L["Tabac et alcool"],
        "fertility" => L["Fertilité"],
        "socio-aesthetics" => L["Socio-esthétique"],
        "physiotherapy" => L["Kinésithérapie"],
        "palliative" => L["Soins palliatifs"],
        "home-care" => L["Soins et coordination à domicile"],
        "caregivers" => L["Aide aux proches"],
        _ => code,
    };

    public static string Need(string code, IStringLocalizer L) => code switch
    {
        "pain" => L["Douleur"],
        "psychological" => L["Souffrance psychologique"],
        "nutrition" => L["Nutrition"],
        "fatigue-physical-activity" => L["Fatigue et activité physique"],
        "tobacco-alcohol" => L["Tabac et alcool"],
        "sexual-health" => L["Santé sexuelle"],
        "social-work" => L["Difficultés sociales et professionnelles"],
        "caregivers" => L["Proches aidants"],
        "fertility" => L["Fertilité"],
        _ => code,
    };

    public static string Severity(string code, IStringLocalizer L) => code switch
    {
        "mild" => L["légère"],
        "moderate" => L["modérée"],
        "severe" => L["sévère"],
        _ => code,
    };

    public static string Moment(string code, IStringLocalizer L) => code switch
    {
        "announcement" => L["Annonce"],
        "end-of-treatment" => L["Fin de traitement"],
        "visit" => L["Consultation"],
        _ => code,
    };

    public static string Status(string code, IStringLocalizer L) => code switch
    {
        "proposed" => L["Proposée"],
        "accepted" => L["Acceptée"],
        "in-progress" => L["Prise en charge en cours"],
        "completed" => L["Terminée"],
        "declined" => L["Déclinée"],
        "renounced" => L["Abandonnée par le patient"],
        _ => code,
    };

    public static string Reason(string code, IStringLocalizer L) => code switch
    {
        "financial" => L["Raisons financières"],
        "distance" => L["Distance"],
        "waiting-time" => L["Délai d'attente"],
        "health" => L["État de santé"],
        "other" => L["Autre raison"],
        _ => code,
    };

    public static string Entry(string code, IStringLocalizer L) => code switch
    {
        "first-contact" => L["Premier contact"],
        "session" => L["Séance"],
        "report" => L["Compte rendu"],
        _ => code,
    };

    public static string Outreach(string code, IStringLocalizer L) => code switch
    {
        "renounced" => L["Orientation abandonnée"],
        "stalled" => L["Sans premier contact"],
        "need-without-referral" => L["Besoin sans orientation"],
        _ => code,
    };

    /// <summary>The parts of the record a referral may open to the provider.</summary>
    public static string Section(string code, IStringLocalizer L) => code switch
    {
        "identity" => L["Identité"],
        "treatment" => L["Traitements"],
        "documents" => L["Documents"],
        "carnet" => L["Rendez-vous et carnet de suivi"],
        "psychological-notes" => L["Notes psychologiques"],
        "messages" => L["Messages"],
        "supportive-care" => L["Soins de support"],
        _ => code,
    };

    public static IEnumerable<string> Codes<T>() where T : struct, Enum => Enum.GetValues<T>().Select(EnumCodes.Code);
}

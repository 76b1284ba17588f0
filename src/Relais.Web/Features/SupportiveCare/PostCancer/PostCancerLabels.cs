using Microsoft.Extensions.Localization;

namespace Relais.Web.Features.SupportiveCare.PostCancer;

/// <summary>The French names of the package's act kinds (the disciplines are services: <see cref="SupportiveCareLabels.Service"/>); the API's codes stay kebab-case.</summary>
public static class PostCancerLabels
{
    public static readonly IReadOnlyList<string> Kinds = ["assessment", "consultation"];

    public static readonly IReadOnlyList<string> Disciplines = ["adapted-physical-activity", "dietetics", "psychology"];

    public static string Kind(string code, IStringLocalizer L) => code switch
    {
        "assessment" => L["Bilan"],
        "consultation" => L["Consultation de suivi"],
        _ => code,
    };
}

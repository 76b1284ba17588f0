using Microsoft.Extensions.Localization;

namespace Relais.Web.Documents;

/// <summary>
/// The words of a document, always French whoever prints it: the resource names are the French texts, so the
/// French word is the name itself. Lets a document reuse the label tables the pages translate.
/// </summary>
public sealed class FrenchWords : IStringLocalizer
{
    public static readonly FrenchWords Instance = new();

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

namespace Relais.Web;

/// <summary>
/// Anchor of the UI texts. Keys are the French texts themselves (French is the default UI language);
/// Resources/SharedResource.en.resx holds their English versions.
/// </summary>
public sealed class SharedResource;

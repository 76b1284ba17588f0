namespace Relais.Domain.Professionals;

/// <summary>
/// RPPS number (Répertoire partagé des professionnels de santé): the 11-digit national identifier
/// of a health professional [R], the one Pro Santé Connect and MSSanté directories key on.
/// </summary>
public sealed record RppsNumber
{
    private const int Length = 11;

    private RppsNumber(string value) => Value = value;

    /// <summary>The 11 digits, without spaces.</summary>
    public string Value { get; }

    public static bool TryParse(string? input, out RppsNumber? rpps, out string? error)
    {
        rpps = null;
        var normalised = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c)));

        if (normalised.Length == 0)
        {
            error = "Le numéro RPPS est obligatoire.";
            return false;
        }

        if (!normalised.All(char.IsAsciiDigit))
        {
            error = "Le numéro RPPS ne doit contenir que des chiffres.";
            return false;
        }

        if (normalised.Length != Length)
        {
            error = $"Le numéro RPPS doit comporter 11 chiffres (saisis : {normalised.Length}).";
            return false;
        }

        error = null;
        rpps = new RppsNumber(normalised);
        return true;
    }

    public static RppsNumber Parse(string? input) =>
        TryParse(input, out var rpps, out var error) ? rpps! : throw new DomainValidationException("rpps", error!);

    public override string ToString() => Value;
}

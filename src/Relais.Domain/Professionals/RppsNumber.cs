namespace Relais.Domain.Professionals;

/// <summary>
/// RPPS number (Répertoire partagé des professionnels de santé): the 11-digit national identifier
/// of a health professional [R], the one Pro Santé Connect and MSSanté directories key on. Its last
/// digit is a Luhn check digit over the first ten, so that a mistyped digit is caught at entry.
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

        // Like the INS key, the expected digit is never shown: a busy user would copy it.
        if (!Luhn.IsValid(normalised))
        {
            error = "Le numéro RPPS saisi n'est pas valide (chiffre de contrôle) : vérifiez-le sur la carte CPS ou l'annuaire santé.";
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

/// <summary>The Luhn (mod 10) check digit used by the RPPS number.</summary>
public static class Luhn
{
    /// <summary>Whether the last digit of <paramref name="digits"/> is the Luhn check digit of the others.</summary>
    public static bool IsValid(string digits) =>
        digits.Length >= 2 && digits.All(char.IsAsciiDigit) && Sum(digits, doubleRightmost: false) % 10 == 0;

    /// <summary>The check digit to append to <paramref name="digits"/>.</summary>
    public static int CheckDigit(string digits)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            throw new ArgumentException("digits only", nameof(digits));
        return (10 - Sum(digits, doubleRightmost: true) % 10) % 10;
    }

    private static int Sum(string digits, bool doubleRightmost)
    {
        var sum = 0;
        var doubleIt = doubleRightmost;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum;
    }
}

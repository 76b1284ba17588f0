using System.Globalization;

namespace Relais.Domain.Patients;

/// <summary>
/// INS matricule (identifiant national de santé), the patient's national health identifier [R]:
/// the 13-character NIR followed by a 2-digit control key, 15 characters in all.
/// The key is 97 − (NIR mod 97), where the Corsican departments count as numbers in the NIR:
/// "2A" as 19 and "2B" as 18.
/// </summary>
/// <remarks>
/// A wrong INS attaches a document to another person's record, so the key is always checked:
/// it catches every single-character typo and most swaps of two adjacent characters.
/// </remarks>
public sealed record InsNumber
{
    private const int Length = 15;
    private const string SexDigits = "123478";

    private InsNumber(string value) => Value = value;

    /// <summary>The 15 characters, without spaces or dots, in upper case.</summary>
    public string Value { get; }

    /// <summary>Grouped as printed on the carte Vitale: "1 84 12 76 451 089 46".</summary>
    public string Formatted =>
        $"{Value[0]} {Value[1..3]} {Value[3..5]} {Value[5..7]} {Value[7..10]} {Value[10..13]} {Value[13..15]}";

    public static bool TryParse(string? input, out InsNumber? ins, out string? error)
    {
        ins = null;
        error = Validate(input, out var normalised);
        if (error is not null)
        {
            return false;
        }

        ins = new InsNumber(normalised);
        return true;
    }

    public static InsNumber Parse(string? input) =>
        TryParse(input, out var ins, out var error) ? ins! : throw new DomainValidationException("ins", error!);

    /// <summary>The control key of a 13-character NIR, which may hold "2A" or "2B" as department.</summary>
    public static int ComputeKey(string nir13)
    {
        ArgumentNullException.ThrowIfNull(nir13);
        if (nir13.Length != 13)
        {
            throw new ArgumentException("Le NIR doit comporter 13 caractères.", nameof(nir13));
        }

        var department = nir13.Substring(5, 2).ToUpperInvariant() switch
        {
            "2A" => "19",
            "2B" => "18",
            var digits => digits,
        };
        var numeric = string.Concat(nir13.AsSpan(0, 5), department, nir13.AsSpan(7));
        if (!numeric.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Le NIR ne doit contenir que des chiffres, sauf 2A ou 2B pour la Corse.", nameof(nir13));
        }

        return 97 - (int)(long.Parse(numeric, CultureInfo.InvariantCulture) % 97);
    }

    public override string ToString() => Value;

    private static string? Validate(string? input, out string normalised)
    {
        normalised = string.Concat((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.')).ToUpperInvariant();

        if (normalised.Length == 0)
        {
            return "Le matricule INS est obligatoire.";
        }

        if (normalised.Length != Length)
        {
            return $"Le matricule INS doit comporter 15 caractères (saisis : {normalised.Length}).";
        }

        if (!SexDigits.Contains(normalised[0]))
        {
            return "Le premier chiffre du matricule INS (sexe) doit être 1, 2, 3, 4, 7 ou 8.";
        }

        var department = normalised.Substring(5, 2);
        var isCorsica = department is "2A" or "2B";
        for (var i = 0; i < Length; i++)
        {
            var inCorsicanDepartment = isCorsica && i is 5 or 6;
            if (!inCorsicanDepartment && !char.IsAsciiDigit(normalised[i]))
            {
                return $"Le matricule INS ne doit contenir que des chiffres, sauf 2A ou 2B pour un département de Corse (caractère « {normalised[i]} » en position {i + 1}).";
            }
        }

        var key = int.Parse(normalised.AsSpan(13, 2), CultureInfo.InvariantCulture);
        if (key is < 1 or > 97)
        {
            return "La clé du matricule INS doit être comprise entre 01 et 97.";
        }

        var expected = ComputeKey(normalised[..13]);
        if (key != expected)
        {
            // Never the expected key: a busy user would copy it and save a wrong identity (identity vigilance, RNIV).
            return "La clé du matricule INS ne correspond pas au numéro : vérifiez le numéro et la clé sur la carte Vitale ou l'attestation.";
        }

        return null;
    }
}

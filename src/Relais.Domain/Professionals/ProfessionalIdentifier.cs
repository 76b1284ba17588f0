namespace Relais.Domain.Professionals;

/// <summary>The national directory a profession is identified in.</summary>
public enum IdentifierSystem
{
    /// <summary>RPPS, 11 digits with a Luhn check digit.</summary>
    Rpps,
    /// <summary>ADELI, 9 characters, for the professions not (yet) registered in the RPPS.</summary>
    Adeli,
    /// <summary>No national health-professional identifier (administrative staff, APA teachers).</summary>
    None,
}

/// <summary>
/// Which identifier a professional carries depends on the profession [R]: the RPPS holds the medical
/// professions (physicians of every specialty), pharmacists, and since their transfer from ADELI the
/// nurses and physiotherapists; psychologists, dietitians and social workers are still registered in
/// ADELI; adapted-physical-activity teachers and administrative staff have no health-directory number.
/// </summary>
public static class ProfessionalIdentifier
{
    public static IdentifierSystem SystemFor(Specialty specialty) => specialty switch
    {
        Specialty.Psychology or Specialty.Dietetics or Specialty.SocialWork => IdentifierSystem.Adeli,
        Specialty.AdaptedPhysicalActivity or Specialty.Administration or Specialty.None => IdentifierSystem.None,
        _ => IdentifierSystem.Rpps,
    };

    /// <summary>
    /// The identifier, normalised, as the profession's directory defines it; null for professions
    /// without one. Throws a validation error naming <paramref name="field"/> otherwise.
    /// </summary>
    public static string? Normalise(Specialty specialty, string? identifier, string field = "rpps")
    {
        var value = string.Concat((identifier ?? "").Where(c => !char.IsWhiteSpace(c)));
        switch (SystemFor(specialty))
        {
            case IdentifierSystem.Rpps:
                if (!RppsNumber.TryParse(value, out var rpps, out var error))
                    throw new DomainValidationException(field, error!);
                return rpps!.Value;
            case IdentifierSystem.Adeli:
                if (value.Length == 0) return null;
                if (value.Length != 9 || !value.All(char.IsAsciiLetterOrDigit))
                    throw new DomainValidationException(field, "Le numéro ADELI comporte 9 caractères.");
                return value.ToUpperInvariant();
            default:
                if (value.Length != 0)
                    throw new DomainValidationException(field, "Cette profession n'a pas de numéro RPPS ni ADELI : laissez le champ vide.");
                return null;
        }
    }
}

namespace Relais.Domain.Patients;

/// <summary>
/// What the NIR part of an INS says about its holder — sex, and year and month of birth — compared with
/// the identity typed beside it (identity vigilance, RNIV: a mismatch is the commonest sign that the INS
/// of another person was entered). The NIR's own conventions (INSEE, numéro d'inscription au répertoire):
/// <list type="bullet">
/// <item>1st digit: 1 or 2 for a man or a woman; 3 and 4, then 7 and 8, are the same two sexes for
/// persons whose registration is provisional or pending (born abroad, temporary numbers).</item>
/// <item>digits 2–3: the last two digits of the year of birth.</item>
/// <item>digits 4–5: the month of birth, 01 to 12; 20 and 30 to 42 are pseudo-months given when the
/// civil-status record bears no month, 50 to 99 to persons registered on a document without one:
/// none of these is a calendar month, so they are never compared.</item>
/// </list>
/// </summary>
public static class InsTraits
{
    /// <summary>The sex the NIR encodes.</summary>
    public static Sex SexOf(InsNumber ins) => ins.Value[0] switch
    {
        '1' or '3' or '7' => Sex.Male,
        '2' or '4' or '8' => Sex.Female,
        // InsNumber admits no other first digit.
        _ => Sex.Unknown,
    };

    /// <summary>The two last digits of the year of birth.</summary>
    public static int YearOf(InsNumber ins) => (ins.Value[1] - '0') * 10 + (ins.Value[2] - '0');

    /// <summary>The calendar month of birth, or null for the pseudo-months (20, 30–42, 50–99) and any other non-month.</summary>
    public static int? MonthOf(InsNumber ins)
    {
        var month = (ins.Value[3] - '0') * 10 + (ins.Value[4] - '0');
        return month is >= 1 and <= 12 ? month : null;
    }

    /// <summary>
    /// The identity fields that contradict the NIR, each with a French sentence naming what differs:
    /// "sex" when the sex is male or female and not the NIR's, "birthDate" when the year, or the month
    /// when the NIR gives a calendar one, differ. A sex recorded as other or unknown contradicts nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Mismatches(InsNumber ins, Sex sex, DateOnly birthDate)
    {
        var found = new Dictionary<string, string>();
        var encodedSex = SexOf(ins);
        if (sex is Sex.Male or Sex.Female && sex != encodedSex)
            found["sex"] = encodedSex == Sex.Male
                ? "Le matricule INS est celui d'un homme (premier chiffre 1, 3 ou 7) : vérifiez le sexe ou le matricule."
                : "Le matricule INS est celui d'une femme (premier chiffre 2, 4 ou 8) : vérifiez le sexe ou le matricule.";
        var month = MonthOf(ins);
        if (birthDate.Year % 100 != YearOf(ins))
            found["birthDate"] = "L'année de naissance ne correspond pas à celle du matricule INS (2e et 3e chiffres) : vérifiez la date ou le matricule.";
        else if (month is { } m && m != birthDate.Month)
            found["birthDate"] = "Le mois de naissance ne correspond pas à celui du matricule INS (4e et 5e chiffres) : vérifiez la date ou le matricule.";
        return found;
    }
}

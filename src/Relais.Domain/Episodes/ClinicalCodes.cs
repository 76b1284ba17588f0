using System.Globalization;
using System.Text.RegularExpressions;

namespace Relais.Domain.Episodes;

/// <summary>
/// Validation and normalisation of the codes that describe a primary cancer (mCODE "primary
/// cancer condition": site, histology, TNM stage). A code that is wrong here is wrong on the PPS,
/// in the RCP report and in the 3C indicators, so it is refused at entry with a French message.
/// </summary>
public static partial class ClinicalCodes
{
    /// <summary>
    /// ICD-10 (CIM-10) code of the primary site: C00–C97 (malignant) or D00–D48 (in situ and
    /// uncertain behaviour, which also go through RCP). "c50.9", "C50 .9" and "C509" all become "C50.9".
    /// </summary>
    public static string NormalizeIcd10(string? code)
    {
        const string field = "primarySite";
        var compact = Compact(code);
        if (compact.Length == 0)
        {
            throw new DomainValidationException(field, "Le site primitif (code CIM-10) est obligatoire.");
        }

        var match = Icd10().Match(compact);
        if (!match.Success)
        {
            throw new DomainValidationException(field, $"« {code!.Trim()} » n'est pas un code CIM-10 : format attendu C50 ou C50.9.");
        }

        var chapter = char.ToUpperInvariant(match.Groups["chapter"].Value[0]);
        var category = int.Parse(match.Groups["category"].Value, CultureInfo.InvariantCulture);
        var isNeoplasm = chapter == 'C' ? category <= 97 : category <= 48;
        if (!isNeoplasm)
        {
            throw new DomainValidationException(field, $"Le code CIM-10 {chapter}{category:00} n'est pas un code de tumeur (C00 à C97, ou D00 à D48).");
        }

        var subdivision = match.Groups["subdivision"].Value;
        return subdivision.Length == 0 ? $"{chapter}{category:00}" : $"{chapter}{category:00}.{subdivision}";
    }

    /// <summary>
    /// ICD-O-3 (CIM-O-3) morphology: 4-digit histological type, slash, behaviour code
    /// (0 benign, 1 uncertain, 2 in situ, 3 malignant, 6 metastatic site, 9 uncertain whether
    /// primary or metastatic), e.g. "8500/3" for an invasive ductal carcinoma.
    /// </summary>
    public static string NormalizeMorphology(string? code)
    {
        const string field = "histology";
        var compact = Compact(code);
        if (compact.Length == 0)
        {
            throw new DomainValidationException(field, "L'histologie (code morphologique CIM-O-3) est obligatoire.");
        }

        var match = Morphology().Match(compact);
        if (!match.Success)
        {
            throw new DomainValidationException(field, $"« {code!.Trim()} » n'est pas un code morphologique CIM-O-3 : format attendu 8500/3.");
        }

        if (match.Groups["type"].Value[0] is not ('8' or '9'))
        {
            throw new DomainValidationException(field, "Le type histologique CIM-O-3 doit être compris entre 8000 et 9999.");
        }

        if (match.Groups["behaviour"].Value[0] is not ('0' or '1' or '2' or '3' or '6' or '9'))
        {
            throw new DomainValidationException(field, "Le code de comportement CIM-O-3 (après la barre oblique) doit être 0, 1, 2, 3, 6 ou 9.");
        }

        return $"{match.Groups["type"].Value}/{match.Groups["behaviour"].Value}";
    }

    /// <summary>
    /// TNM (UICC 8th edition) primary tumour category, without its c/p/y prefix, which is
    /// recorded separately because clinical and pathological staging must not be confused:
    /// TX, T0, Ta (non-invasive papillary, bladder), Tis (also Tis(DCIS), Tis(Paget) for the
    /// breast), T1–T4 with "mi" (T1mi) or a
    /// letter a–d and, for the cervix, a digit (T1a1, T1b2).
    /// </summary>
    public static string? NormalizeT(string? value, string field) =>
        NormalizeCategory(value, field, 'T', TCategory(), "TX, T0, Ta, Tis, T1 à T4 (ex. T1mi, T1c, T2a, T4b)", m =>
            m.Groups["tis"].Success ? "Tis" + TisQualifier(m.Groups["qualifier"].Value)
            : m.Groups["x"].Success ? "TX"
            : m.Groups["ta"].Success ? "Ta"
            : "T" + m.Groups["rank"].Value + m.Groups["suffix"].Value.ToLowerInvariant());

    /// <summary>
    /// TNM regional node category: NX, N0 (with the isolated-tumour-cell qualifiers N0(i+),
    /// N0(i-), N0(mol+), N0(mol-)), N1mi, N1–N3 with a letter a–c.
    /// </summary>
    public static string? NormalizeN(string? value, string field) =>
        NormalizeCategory(value, field, 'N', NCategory(), "NX, N0, N1 à N3 (ex. N0(i+), N1mi, N2a, N3c)", m =>
            m.Groups["x"].Success ? "NX"
            : "N" + m.Groups["rank"].Value + m.Groups["suffix"].Value.ToLowerInvariant());

    /// <summary>
    /// TNM distant metastasis category: M0, M0(i+), M1, M1a–M1d. MX is refused: UICC removed it
    /// in the 7th edition, because the absence of clinical signs of metastasis is M0 [R].
    /// </summary>
    public static string? NormalizeM(string? value, string field)
    {
        if (Compact(value).Equals("MX", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainValidationException(field, "La catégorie MX n'existe plus (TNM 7e et 8e éditions) : indiquez M0 en l'absence de métastase cliniquement décelable.");
        }

        return NormalizeCategory(value, field, 'M', MCategory(), "M0, M1 ou M1a à M1d", m =>
            "M" + m.Groups["rank"].Value + m.Groups["suffix"].Value.ToLowerInvariant());
    }

    /// <summary>
    /// Stage group: 0, 0a or 0is (bladder), I to IV with an optional letter A–C and digit
    /// (IIIA, IIIC1, IVB).
    /// </summary>
    public static string? NormalizeStageGroup(string? value, string field)
    {
        var compact = Compact(value);
        if (compact.Length == 0)
        {
            return null;
        }

        var match = StageGroup().Match(compact);
        if (!match.Success)
        {
            throw new DomainValidationException(field, $"« {value!.Trim()} » n'est pas un stade valide : 0, 0a, 0is, ou I à IV suivi éventuellement d'une lettre et d'un chiffre (ex. IIIA, IIIC1, IVB).");
        }

        return match.Groups["zero"].Success
            ? "0" + match.Groups["zero"].Value[1..].ToLowerInvariant()
            : match.Groups["roman"].Value.ToUpperInvariant() + match.Groups["letter"].Value.ToUpperInvariant() + match.Groups["digit"].Value;
    }

    private static string? NormalizeCategory(
        string? value, string field, char letter, Regex pattern, string expected, Func<Match, string> normalise)
    {
        var compact = Compact(value);
        if (compact.Length == 0)
        {
            return null;
        }

        var prefix = compact.TakeWhile(c => "cpyraCPYRA".Contains(c)).Count();
        if (prefix > 0 && prefix < compact.Length && char.ToUpperInvariant(compact[prefix]) == letter)
        {
            throw new DomainValidationException(field, $"Saisissez la catégorie {letter} sans son préfixe « {compact[..prefix]} » : le type de classification (clinique ou pathologique) est indiqué à part.");
        }

        var match = pattern.Match(compact);
        if (!match.Success)
        {
            throw new DomainValidationException(field, $"« {value!.Trim()} » n'est pas une catégorie {letter} valide : {expected}.");
        }

        return normalise(match);
    }

    private static string TisQualifier(string qualifier) => qualifier.ToUpperInvariant() switch
    {
        "" => "",
        "DCIS" => "(DCIS)",
        _ => "(Paget)",
    };

    private static string Compact(string? value) =>
        string.Concat((value ?? "").Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"^(?<chapter>[CD])(?<category>\d{2})(?:\.?(?<subdivision>\d{1,2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Icd10();

    [GeneratedRegex(@"^(?<type>\d{4})/(?<behaviour>\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Morphology();

    [GeneratedRegex(@"^T(?:(?<x>X)|(?<ta>A)|(?<tis>IS)(?:\((?<qualifier>DCIS|PAGET)\))?|(?<rank>0)|(?<rank>1)(?<suffix>MI)|(?<rank>[1-4])(?<suffix>[A-D][1-3]?)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TCategory();

    [GeneratedRegex(@"^N(?:(?<x>X)|(?<rank>0)(?<suffix>\((?:I|MOL)[+-]\))?|(?<rank>1)(?<suffix>MI)|(?<rank>[1-3])(?<suffix>[A-C])?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NCategory();

    [GeneratedRegex(@"^M(?:(?<rank>0)(?<suffix>\(I\+\))?|(?<rank>1)(?<suffix>[A-D])?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MCategory();

    [GeneratedRegex(@"^(?:(?<zero>0(?:IS|A)?)|(?<roman>IV|I{1,3})(?:(?<letter>[A-C])(?<digit>[1-3])?)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StageGroup();
}

using Relais.Domain.Patients;

namespace Relais.Domain.Prevention;

/// <summary>A national organised screening programme that goes on after a cancer (issue 16 point 4).</summary>
public enum ScreeningProgramme { Breast, Colorectal, Cervical }

/// <summary>
/// One programme as data: who it is for (sex, ages), the test, its interval, the sites of a first cancer whose own
/// follow-up replaces it, and the source.
/// </summary>
public sealed record ScreeningLine(ScreeningProgramme Programme, string Test, Sex? Sex, int FromAge, int ToAge, int EveryMonths,
    IReadOnlyList<string> ReplacedBySites, string Source);

/// <summary>A programme due for a patient: the test, from when and every how many months, until the end of its age window.</summary>
public sealed record ScreeningDue(ScreeningLine Line, DateOnly From, DateOnly Until);

/// <summary>
/// The national organised screenings that continue after a cancer, as carnet items for the GP ([G] §3.7 "Risque de
/// second cancer primitif": "Détecter précocement un second cancer", and its link "Dossier sur le dépistage et la
/// détection précoce"). [G] itself says "la prévention et le dépistage des cancers ne sont pas abordés dans ce
/// document": the ages and intervals are those of the national programmes [R], to be validated like every protocol.
/// A programme is not offered for the organ whose cancer is already followed by its own protocol (the follow-up
/// mammography or colonoscopy replaces the screening one).
/// </summary>
public static class OrganisedScreenings
{
    private const string G = "[G] §3.7 « Détecter précocement un second cancer » ; [G] ne traite pas du dépistage (« Dossier sur le dépistage et la détection précoce », e-cancer.fr)";

    public static IReadOnlyList<ScreeningLine> Table { get; } =
    [
        new(ScreeningProgramme.Breast, "Mammographie de dépistage (et examen clinique des seins)", Sex.Female, 50, 74, 24, ["C50"],
            "[R] Programme national de dépistage organisé du cancer du sein : femmes de 50 à 74 ans, tous les 2 ans ; " + G),
        new(ScreeningProgramme.Colorectal, "Test immunologique de recherche de sang dans les selles", null, 50, 74, 24, ["C18", "C19", "C20"],
            "[R] Programme national de dépistage organisé du cancer colorectal : femmes et hommes de 50 à 74 ans, tous les 2 ans ; " + G),
        new(ScreeningProgramme.Cervical, "Test HPV-HR (examen cytologique de 25 à 29 ans)", Sex.Female, 25, 65, 36, ["C53"],
            "[R] Programme national de dépistage organisé du cancer du col de l'utérus : femmes de 25 à 65 ans, cytologie tous les 3 ans de 25 à 29 ans, "
            + "test HPV-HR tous les 5 ans de 30 à 65 ans ; " + G),
    ];

    /// <summary>The months between two tests of a programme at an age (the cervical test goes from 3 to 5 years at 30).</summary>
    public static int IntervalMonths(ScreeningLine line, int age) =>
        line.Programme == ScreeningProgramme.Cervical && age >= 30 ? 60 : line.EveryMonths;

    /// <summary>
    /// The programmes due for this patient from <paramref name="today"/>: their sex, their age window not over, and no
    /// first cancer of the organ (ICD-10 sites of the episodes, by their three-character category).
    /// </summary>
    public static IReadOnlyList<ScreeningDue> Due(Sex sex, DateOnly birthDate, IEnumerable<string?> cancerSites, DateOnly today)
    {
        var categories = cancerSites.OfType<string>().Where(s => s.Length >= 3).Select(s => s[..3].ToUpperInvariant()).ToHashSet();
        var due = new List<ScreeningDue>();
        foreach (var line in Table)
        {
            if (line.Sex is { } only && only != sex) continue;
            if (line.ReplacedBySites.Any(categories.Contains)) continue;
            var from = birthDate.AddYears(line.FromAge);
            var until = birthDate.AddYears(line.ToAge + 1).AddDays(-1);
            if (until < today) continue;
            due.Add(new ScreeningDue(line, from > today ? from : today, until));
        }
        return due;
    }
}

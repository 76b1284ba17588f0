using Relais.Domain.Professionals;

namespace Relais.Domain.TumorBoards;

/// <summary>
/// A multidisciplinary tumor board (RCP) [G][P]: organised by specialty ("sein", "digestif"...), held at
/// a site on a schedule, with the physician specialties its decisions usually need.
/// </summary>
public sealed class TumorBoard
{
    private TumorBoard() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The organ specialty of the board, e.g. "Sénologie", "Digestif", "Urologie".</summary>
    public string Specialty { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    public string Site { get; private set; } = "";
    public string Schedule { get; private set; } = "";
    /// <summary>Paediatric boards: discussion is always mandatory [G].</summary>
    public bool IsPaediatric { get; private set; }
    public string ExpectedSpecialtiesCsv { get; private set; } = "";

    /// <summary>The board's decision specialties: those that count toward its quorum (<see cref="Quorum.Counts"/>).</summary>
    public IReadOnlyList<Professionals.Specialty> ExpectedSpecialties =>
        ExpectedSpecialtiesCsv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Professionals.Specialty>).ToList();

    public static TumorBoard Create(string? name, string? specialty, Guid? organisationId, string? site, string? schedule, bool paediatric,
        IEnumerable<Professionals.Specialty> expected, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainValidationException("name", "Le nom de la RCP est obligatoire.");
        if (string.IsNullOrWhiteSpace(specialty)) throw new DomainValidationException("specialty", "La spécialité de la RCP est obligatoire.");
        var list = expected.Distinct().ToList();
        if (list.Any(s => !Quorum.IsDecisionSpecialty(s)))
            throw new DomainValidationException("expectedSpecialties", "Les spécialités attendues sont des spécialités médicales qui prennent la décision (le médecin traitant est invité, il ne décide pas).");
        return new TumorBoard
        {
            Id = Guid.CreateVersion7(now), Name = name.Trim(), Specialty = specialty.Trim(), OrganisationId = organisationId,
            Site = site?.Trim() ?? "", Schedule = schedule?.Trim() ?? "", IsPaediatric = paediatric,
            ExpectedSpecialtiesCsv = string.Join(',', list),
        };
    }

    /// <summary>The cancer sites the board's specialty covers (ICD-10 ranges); empty for a board of every site.</summary>
    public IReadOnlyList<Icd10Range> CoveredSites() => BoardSites.Of(Specialty);

    /// <summary>Whether a cancer of this ICD-10 site belongs to this board (see <see cref="BoardSites"/>).</summary>
    public bool Fits(string primarySite) => BoardSites.Fits(CoveredSites(), primarySite);
}

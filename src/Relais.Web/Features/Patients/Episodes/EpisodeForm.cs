using Relais.Domain.Episodes;
using Relais.Domain.Pathways;
using Relais.Web.Features.Patients;

namespace Relais.Web.Features.Patients.Episodes;

/// <summary>The fields of the episode form as typed, turned into the API input.</summary>
public sealed class EpisodeForm
{
    public static EpisodeForm From(EpisodeDto e) => new()
    {
        PrimarySite = e.PrimarySite, PrimarySiteLabel = e.PrimarySiteLabel, Laterality = e.Laterality.ToString(), Histology = e.Histology,
        HistologyLabel = e.HistologyLabel, InitialPhase = e.Phase.ToString(), DiagnosisDate = e.DiagnosisDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DiagnosisBasis = e.DiagnosisBasis.ToString(), ClinicalT = e.ClinicalT, ClinicalN = e.ClinicalN, ClinicalM = e.ClinicalM,
        PathologicalT = e.PathologicalT, PathologicalN = e.PathologicalN, PathologicalM = e.PathologicalM, StageGroup = e.StageGroup,
        IsRareCancer = e.IsRareCancer, HereditarySuspicion = e.HereditarySuspicion,
        Version = e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The version the form was filled from: a form older than the episode is refused, not applied.</summary>
    public string? Version { get; set; }

    public string? PrimarySite { get; set; }
    public string? PrimarySiteLabel { get; set; }
    public string? Laterality { get; set; }
    public string? Histology { get; set; }
    public string? HistologyLabel { get; set; }
    public string? InitialPhase { get; set; }
    public string? DiagnosisDate { get; set; }
    public string? DiagnosisBasis { get; set; }
    public string? ClinicalT { get; set; }
    public string? ClinicalN { get; set; }
    public string? ClinicalM { get; set; }
    public string? PathologicalT { get; set; }
    public string? PathologicalN { get; set; }
    public string? PathologicalM { get; set; }
    public string? StageGroup { get; set; }
    public bool IsRareCancer { get; set; }
    public bool HereditarySuspicion { get; set; }

    public EpisodeInput ToInput() => new(
        PrimarySite, PrimarySiteLabel, Enum.TryParse<Laterality>(Laterality, out var lat) ? lat : null, Histology, HistologyLabel,
        FormDates.Optional(DiagnosisDate, "diagnosisDate"), Enum.TryParse<DiagnosisBasis>(DiagnosisBasis, out var b) ? b : null,
        ClinicalT, ClinicalN, ClinicalM, PathologicalT, PathologicalN, PathologicalM, StageGroup, IsRareCancer, HereditarySuspicion,
        Enum.TryParse<PathwayPhase>(InitialPhase, out var p) ? p : null, null, null,
        int.TryParse(Version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null);
}

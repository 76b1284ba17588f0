using Relais.Domain.Pathways;

namespace Relais.Domain.Episodes;

public enum Laterality { NotApplicable, Left, Right, Bilateral, Unknown }

/// <summary>How the diagnosis was established (mCODE / ICD-O "basis of diagnosis").</summary>
public enum DiagnosisBasis
{
    /// <summary>Histology of the primary tumour (biopsy or surgical specimen) [G].</summary>
    HistologyOfPrimary,
    HistologyOfMetastasis,
    Cytology,
    /// <summary>Biology, for haematological malignancies [G].</summary>
    Biology,
    ClinicalInvestigation,
    ClinicalOnly,
    Unknown,
}

/// <summary>What a clinician enters for an episode (mCODE primary cancer condition).</summary>
public sealed record EpisodeDetails(
    string? PrimarySite,
    string? PrimarySiteLabel,
    Laterality Laterality,
    string? Histology,
    string? HistologyLabel,
    DateOnly? DiagnosisDate,
    DiagnosisBasis DiagnosisBasis,
    string? ClinicalT,
    string? ClinicalN,
    string? ClinicalM,
    string? PathologicalT,
    string? PathologicalN,
    string? PathologicalM,
    string? StageGroup,
    bool IsRareCancer,
    bool HereditarySuspicion);

/// <summary>
/// One cancer of a patient (mCODE "primary cancer condition"), moving through the phases of the
/// pathway. Every phase change is a <see cref="PathwayEvent"/>; the episode only moves through
/// <see cref="Transition"/>, which enforces the allowed transitions.
/// </summary>
public sealed class CancerEpisode
{
    private CancerEpisode() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string PrimarySite { get; private set; } = "";
    public string? PrimarySiteLabel { get; private set; }
    public Laterality Laterality { get; private set; }
    public string? Histology { get; private set; }
    public string? HistologyLabel { get; private set; }
    public DateOnly? DiagnosisDate { get; private set; }
    public DiagnosisBasis DiagnosisBasis { get; private set; }
    public string? ClinicalT { get; private set; }
    public string? ClinicalN { get; private set; }
    public string? ClinicalM { get; private set; }
    public string? PathologicalT { get; private set; }
    public string? PathologicalN { get; private set; }
    public string? PathologicalM { get; private set; }
    public string? StageGroup { get; private set; }
    /// <summary>Incidence below 6 per 100,000 a year, or highly specialised treatment: expert network RCP [G].</summary>
    public bool IsRareCancer { get; private set; }
    /// <summary>Several cases in one parental branch, early onset, bilateral or multifocal: oncogenetics [G].</summary>
    public bool HereditarySuspicion { get; private set; }
    public PathwayPhase Phase { get; private set; }
    public DateOnly PhaseSince { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Concurrency token: every change adds one, and a change made from an older version is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Opens an episode; it starts at suspicion, or directly at diagnosis when pathology already confirmed it.</summary>
    public static (CancerEpisode Episode, PathwayEvent Opening) Open(Guid patientId, EpisodeDetails details, PathwayPhase initialPhase, DateOnly openedOn, Guid by, DateOnly today, DateTimeOffset now, string? note = null)
    {
        if (initialPhase is not (PathwayPhase.Suspicion or PathwayPhase.DiagnosisConfirmed))
            throw new DomainValidationException("initialPhase", "Un épisode s'ouvre en phase de suspicion ou de diagnostic confirmé.");
        var episode = new CancerEpisode { Id = Guid.CreateVersion7(now), PatientId = patientId, CreatedAt = now };
        episode.Apply(details, today, now);
        if (initialPhase == PathwayPhase.DiagnosisConfirmed && episode.DiagnosisDate is null)
            throw new DomainValidationException("diagnosisDate", "La date de diagnostic est obligatoire pour un diagnostic confirmé.");
        if (openedOn > today)
            throw new DomainValidationException("occurredOn", "La date ne peut pas être dans le futur.");
        episode.Phase = initialPhase;
        episode.PhaseSince = openedOn;
        var opening = PathwayEvent.Create(episode, null, initialPhase, openedOn, by, now, note);
        return (episode, opening);
    }

    public void Update(EpisodeDetails details, DateOnly today, DateTimeOffset now) => Apply(details, today, now);

    /// <summary>Refuses a change made from another version than the current one (a concurrent edit).</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } v && v != Version) throw new StaleVersionException("version", v, Version);
    }

    /// <summary>Moves the episode to another phase; refused when the pathway does not allow it or the date is impossible.</summary>
    public PathwayEvent Transition(PathwayPhase to, DateOnly occurredOn, Guid by, DateOnly today, DateTimeOffset now, string? note)
    {
        PathwayTransitions.EnsureAllowed(Phase, to);
        if (occurredOn > today)
            throw new DomainValidationException("occurredOn", "La date de l'étape ne peut pas être dans le futur.");
        if (occurredOn < PhaseSince)
            throw new DomainValidationException("occurredOn", "La date de l'étape ne peut pas précéder celle de l'étape précédente.");
        if (to == PathwayPhase.DiagnosisConfirmed && DiagnosisDate is null)
            throw new DomainValidationException("diagnosisDate", "Renseignez la date de diagnostic avant de confirmer le diagnostic.");
        var from = Phase;
        Phase = to;
        PhaseSince = occurredOn;
        UpdatedAt = now;
        Version++;
        return PathwayEvent.Create(this, from, to, occurredOn, by, now, note);
    }

    private void Apply(EpisodeDetails d, DateOnly today, DateTimeOffset now)
    {
        var site = ClinicalCodes.NormalizeIcd10(d.PrimarySite);
        var histology = string.IsNullOrWhiteSpace(d.Histology) ? null : ClinicalCodes.NormalizeMorphology(d.Histology);
        if (d.DiagnosisDate > today)
            throw new DomainValidationException("diagnosisDate", "La date de diagnostic ne peut pas être dans le futur.");
        var ct = ClinicalCodes.NormalizeT(d.ClinicalT, "clinicalT");
        var cn = ClinicalCodes.NormalizeN(d.ClinicalN, "clinicalN");
        var cm = ClinicalCodes.NormalizeM(d.ClinicalM, "clinicalM");
        var pt = ClinicalCodes.NormalizeT(d.PathologicalT, "pathologicalT");
        var pn = ClinicalCodes.NormalizeN(d.PathologicalN, "pathologicalN");
        var pm = ClinicalCodes.NormalizeM(d.PathologicalM, "pathologicalM");
        var stage = ClinicalCodes.NormalizeStageGroup(d.StageGroup, "stageGroup");

        PrimarySite = site;
        PrimarySiteLabel = Trimmed(d.PrimarySiteLabel);
        Laterality = d.Laterality;
        Histology = histology;
        HistologyLabel = Trimmed(d.HistologyLabel);
        DiagnosisDate = d.DiagnosisDate;
        DiagnosisBasis = d.DiagnosisBasis;
        (ClinicalT, ClinicalN, ClinicalM) = (ct, cn, cm);
        (PathologicalT, PathologicalN, PathologicalM) = (pt, pn, pm);
        StageGroup = stage;
        IsRareCancer = d.IsRareCancer;
        HereditarySuspicion = d.HereditarySuspicion;
        UpdatedAt = now;
        Version++;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

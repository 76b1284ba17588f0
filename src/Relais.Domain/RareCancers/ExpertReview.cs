namespace Relais.Domain.RareCancers;

/// <summary>A step of the expert circuit still to be done (the worklist shows it as missing).</summary>
public enum ExpertStep { SecondReading, ExpertBoard }

/// <summary>
/// The expert circuit of a rare cancer or a lymphoma (issue 16 point 3), one per episode: the second pathology reading by
/// an expert pathologist, and, where the ground requires it, the discussion at the expert network's tumor board
/// (<see cref="RareCancerGrounds"/>). Each step missing stays on the team's worklist until recorded.
/// </summary>
public sealed class ExpertReview
{
    private ExpertReview() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public RareCancerGround Ground { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateOnly? SecondReadingOn { get; private set; }
    /// <summary>Who read it again and what they concluded (the expert pathologist's conclusion, in short).</summary>
    public string? SecondReadingConclusion { get; private set; }
    public DateOnly? ExpertBoardOn { get; private set; }
    public string? ExpertNetwork { get; private set; }
    public int Revision { get; private set; }

    public bool RequiresExpertBoard => RareCancerGrounds.Of(Ground).RequiresExpertBoard;

    /// <summary>The steps still to be done, in the order of the pathway.</summary>
    public IReadOnlyList<ExpertStep> Missing =>
    [
        .. SecondReadingOn is null ? [ExpertStep.SecondReading] : Array.Empty<ExpertStep>(),
        .. RequiresExpertBoard && ExpertBoardOn is null ? [ExpertStep.ExpertBoard] : Array.Empty<ExpertStep>(),
    ];

    public static ExpertReview Open(Guid patientId, Guid episodeId, RareCancerGround ground, Guid by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(ground)) throw new DomainValidationException("ground", "Motif inconnu.");
        return new ExpertReview { Id = Guid.CreateVersion7(now), PatientId = patientId, EpisodeId = episodeId, Ground = ground, OpenedAt = now, OpenedBy = by };
    }

    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new StaleVersionException("revision", r, Revision);
    }

    /// <summary>The second reading by an expert pathologist [G] §1: its date and conclusion.</summary>
    public void RecordSecondReading(DateOnly? on, string? conclusion, DateOnly today)
    {
        if (on is not { } date) throw new DomainValidationException("secondReadingOn", "Indiquez la date de la seconde lecture.");
        if (date > today) throw new DomainValidationException("secondReadingOn", "La date de la seconde lecture ne peut pas être dans le futur.");
        var text = conclusion?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("secondReadingConclusion", "Indiquez le pathologiste expert et sa conclusion.");
        if (text.Length > 1000) throw new DomainValidationException("secondReadingConclusion", "Ce texte est limité à 1000 caractères.");
        SecondReadingOn = date;
        SecondReadingConclusion = text;
        Revision++;
    }

    /// <summary>The case discussed at the expert network's tumor board [G] §1.1 "discussion systématique du dossier par des cliniciens experts".</summary>
    public void RecordExpertBoard(DateOnly? on, string? network, DateOnly today)
    {
        if (on is not { } date) throw new DomainValidationException("expertBoardOn", "Indiquez la date de la RCP du réseau expert.");
        if (date > today) throw new DomainValidationException("expertBoardOn", "La date de la RCP ne peut pas être dans le futur.");
        var text = network?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("expertNetwork", "Indiquez le réseau ou le centre expert.");
        if (text.Length > 200) throw new DomainValidationException("expertNetwork", "Ce texte est limité à 200 caractères.");
        ExpertBoardOn = date;
        ExpertNetwork = text;
        Revision++;
    }
}

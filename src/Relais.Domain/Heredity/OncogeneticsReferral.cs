namespace Relais.Domain.Heredity;

public enum OncogeneticsStatus { AwaitingConsultation, AwaitingResult, ResultRecorded }

/// <summary>
/// A hereditary suspicion and the oncogenetics referral it opens (issue 16 point 3), tracked to the end: [G] §1.1 the
/// patient with suggestive elements is referred to "une consultation d'oncogénétique" (the index case), where a genetic
/// test is "éventuellement prescrit"; the result then decides the surveillance and, when an alteration is found, the
/// test offered to the relatives. The referral stays on the team's worklist until its result is recorded; the
/// information of the relatives is recorded, not sent by Relais.
/// </summary>
public sealed class OncogeneticsReferral
{
    private OncogeneticsReferral() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid? EpisodeId { get; private set; }
    /// <summary>The criteria of the suspicion, as their codes separated by commas (<see cref="Criteria"/>).</summary>
    public string CriteriaCodes { get; private set; } = "";
    public string? Note { get; private set; }
    public DateOnly ReferredOn { get; private set; }
    public Guid ReferredBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly? ConsultationOn { get; private set; }
    public GeneticResult? Result { get; private set; }
    public DateOnly? ResultOn { get; private set; }
    public Guid? ResultRecordedBy { get; private set; }
    public DateOnly? RelativesInformedOn { get; private set; }
    public string? RelativesNote { get; private set; }
    /// <summary>Concurrency token: a step recorded from an older state is refused.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<HereditaryCriterion> Criteria =>
        [.. CriteriaCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => EnumCodes.Parse<HereditaryCriterion>(c, "criteria"))];

    public OncogeneticsStatus Status => Result is not null ? OncogeneticsStatus.ResultRecorded
        : ConsultationOn is not null ? OncogeneticsStatus.AwaitingResult : OncogeneticsStatus.AwaitingConsultation;

    public static OncogeneticsReferral Open(Guid patientId, Guid? episodeId, IReadOnlyList<HereditaryCriterion> criteria, string? note, DateOnly? referredOn,
        Guid by, DateOnly today, DateTimeOffset now)
    {
        if (criteria.Count == 0) throw new DomainValidationException("criteria", "Cochez au moins un des critères de suspicion d'une forme héréditaire ([G] §1.1).");
        if (referredOn is not { } on) throw new DomainValidationException("referredOn", "Indiquez la date de la demande de consultation d'oncogénétique.");
        if (on > today) throw new DomainValidationException("referredOn", "La date de la demande ne peut pas être dans le futur.");
        return new OncogeneticsReferral
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            EpisodeId = episodeId,
            CriteriaCodes = string.Join(',', criteria.Distinct().Order().Select(EnumCodes.Code)),
            Note = Text(note, 1000, "note"),
            ReferredOn = on,
            ReferredBy = by,
            RecordedAt = now,
        };
    }

    public void EnsureRevision(int? expected)
    {
        if (expected is { } r && r != Revision) throw new StaleVersionException("revision", r, Revision);
    }

    /// <summary>The oncogenetics consultation took place (the index case seen, the family tree drawn [G] §1.1).</summary>
    public void RecordConsultation(DateOnly? on, DateOnly today)
    {
        if (Result is not null) throw new DomainValidationException("status", "Le résultat est déjà enregistré.");
        if (on is not { } date) throw new DomainValidationException("consultationOn", "Indiquez la date de la consultation d'oncogénétique.");
        if (date > today) throw new DomainValidationException("consultationOn", "La date de la consultation ne peut pas être dans le futur.");
        if (date < ReferredOn) throw new DomainValidationException("consultationOn", "La consultation ne peut pas précéder la demande.");
        ConsultationOn = date;
        Revision++;
    }

    /// <summary>The result of the work-up, once, after the consultation: it closes the referral on the worklist.</summary>
    public void RecordResult(GeneticResult result, DateOnly? on, Guid by, DateOnly today)
    {
        if (!Enum.IsDefined(result)) throw new DomainValidationException("result", "Résultat inconnu.");
        if (Result is not null) throw new DomainValidationException("result", "Le résultat est déjà enregistré.");
        if (ConsultationOn is not { } consultation) throw new DomainValidationException("consultationOn", "Enregistrez d'abord la consultation d'oncogénétique.");
        if (on is not { } date) throw new DomainValidationException("resultOn", "Indiquez la date du résultat.");
        if (date > today) throw new DomainValidationException("resultOn", "La date du résultat ne peut pas être dans le futur.");
        if (date < consultation) throw new DomainValidationException("resultOn", "Le résultat ne peut pas précéder la consultation.");
        Result = result;
        ResultOn = date;
        ResultRecordedBy = by;
        Revision++;
    }

    /// <summary>
    /// The relatives were told of the alteration and of the targeted test they may have [G] §1.1 ("apparentés"): recorded
    /// as the team or the patient did it, Relais contacts nobody.
    /// </summary>
    public void RecordRelativesInformed(DateOnly? on, string? note, DateOnly today)
    {
        if (Result is not { } result || !GeneticResults.IsPredisposition(result))
            throw new DomainValidationException("result", "L'information des apparentés suit un résultat qui identifie une altération génétique.");
        if (on is not { } date) throw new DomainValidationException("relativesInformedOn", "Indiquez la date de l'information des apparentés.");
        if (date > today) throw new DomainValidationException("relativesInformedOn", "La date ne peut pas être dans le futur.");
        if (date < ResultOn) throw new DomainValidationException("relativesInformedOn", "L'information des apparentés ne peut pas précéder le résultat.");
        RelativesInformedOn = date;
        RelativesNote = Text(note, 1000, "relativesNote")
            ?? throw new DomainValidationException("relativesNote", "Indiquez quels apparentés ont été informés, et comment.");
        Revision++;
    }

    private static string? Text(string? value, int max, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length <= max ? text : throw new DomainValidationException(field, $"Ce texte est limité à {max} caractères.");
    }
}

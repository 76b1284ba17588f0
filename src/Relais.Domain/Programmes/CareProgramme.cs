namespace Relais.Domain.Programmes;

public enum ProgrammeKind
{
    /// <summary>Programme personnalisé de soins: the treatment plan, from the RCP decision [G][P].</summary>
    Pps,
    /// <summary>Programme personnalisé de l'après-cancer: follow-up after active treatment [G].</summary>
    Ppac,
}

public enum TreatmentKind { Surgery, Chemotherapy, Radiotherapy, Hormone, Targeted, Immunotherapy, OralAtHome }

public sealed record TreatmentPhase(
    int Order,
    TreatmentKind Kind,
    string Description,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    string? Place,
    int? ExpectedStayDays,
    string? FrequentComplications,
    string? Advice,
    DateOnly? StartedOn);

public sealed record PlannedAssessment(string What, string Frequency);

public sealed record ProgrammeContact(string Name, string Role, string? Organisation, string? Phone);

/// <summary>
/// What an author enters for a programme version; <see cref="Trials"/> (the clinical trials the patient takes part in or
/// decides on, [G] §1.3) and <see cref="SocialSteps"/> (the PPAC's dated work and social steps, issue 15 point 3) are
/// read from the record when the version is written.
/// </summary>
public sealed record ProgrammeContent(
    IReadOnlyList<TreatmentPhase> Phases,
    IReadOnlyList<PlannedAssessment> Assessments,
    string? SupportiveCare,
    string? Social,
    IReadOnlyList<ProgrammeContact> Contacts,
    AfterCancerPart? AfterCancer = null,
    IReadOnlyList<string>? Trials = null,
    IReadOnlyList<string>? SocialSteps = null);

/// <summary>
/// One version of a patient's PPS (or PPAC): written, handed to the patient, sent to the GP. It evolves
/// during care [P]: every revision is a new version, sent again.
/// </summary>
public sealed class CareProgramme
{
    private CareProgramme() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public ProgrammeKind Kind { get; private set; }
    public Guid LineageId { get; private set; }
    public int Version { get; private set; }
    public Guid? TumorBoardCaseId { get; private set; }
    public ProgrammeContent Content { get; private set; } = new([], [], null, null, []);
    public Guid AuthorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? HandedToPatientOn { get; private set; }
    public Guid? DocumentId { get; private set; }
    public Guid? TransmissionId { get; private set; }
    public bool Superseded { get; private set; }
    public bool GpAgreed { get; private set; }
    public DateTimeOffset? GpAgreedAt { get; private set; }

    public static CareProgramme Draft(Guid patientId, Guid episodeId, ProgrammeKind kind, Guid? caseId, ProgrammeContent content, Guid author, DateTimeOffset now, CareProgramme? previous = null)
    {
        Validate(kind, content);
        if (previous is not null && (previous.PatientId != patientId || previous.Kind != kind))
            throw new DomainValidationException("previousVersionId", "Une révision porte sur le même patient et le même programme.");
        var id = Guid.CreateVersion7(now);
        return new CareProgramme
        {
            Id = id, PatientId = patientId, EpisodeId = episodeId, Kind = kind, LineageId = previous?.LineageId ?? id,
            Version = (previous?.Version ?? 0) + 1, TumorBoardCaseId = caseId ?? previous?.TumorBoardCaseId,
            Content = content with { Phases = content.Phases.OrderBy(p => p.Order).ToList() }, AuthorId = author, CreatedAt = now,
        };
    }

    private static void Validate(ProgrammeKind kind, ProgrammeContent content)
    {
        if (kind == ProgrammeKind.Pps && content.Phases.Count == 0)
            throw new DomainValidationException("phases", "Le PPS décrit au moins une étape de traitement.");
        for (var i = 0; i < content.Phases.Count; i++)
        {
            var p = content.Phases[i];
            if (string.IsNullOrWhiteSpace(p.Description)) throw new DomainValidationException($"phases[{i}].description", "Décrivez l'étape de traitement.");
            if (p.PlannedEnd < p.PlannedStart) throw new DomainValidationException($"phases[{i}].plannedEnd", "La fin prévue précède le début.");
            if (p.ExpectedStayDays is < 0 or > 365) throw new DomainValidationException($"phases[{i}].expectedStayDays", "Durée d'hospitalisation invraisemblable.");
        }
        for (var i = 0; i < content.Assessments.Count; i++)
            if (string.IsNullOrWhiteSpace(content.Assessments[i].What))
                throw new DomainValidationException($"assessments[{i}].what", "Indiquez le bilan prévu.");
        if (content.Contacts.Count == 0) throw new DomainValidationException("contacts", "Le programme indique les contacts utiles, le médecin traitant parmi eux.");
    }

    public void MarkSuperseded() => Superseded = true;

    /// <summary>The signed PDF (none when no Chromium could render it) and the transmission that sent the programme.</summary>
    public void Rendered(Guid? documentId, Guid? transmissionId)
    {
        DocumentId = documentId;
        TransmissionId = transmissionId;
    }

    public void HandedToPatient(DateOnly on, DateOnly today)
    {
        if (on > today) throw new DomainValidationException("handedToPatientOn", "La remise ne peut pas être datée dans le futur.");
        if (on < DateOnly.FromDateTime(CreatedAt.UtcDateTime)) throw new DomainValidationException("handedToPatientOn", "La remise ne peut précéder la rédaction du programme.");
        HandedToPatientOn = on;
    }

    /// <summary>The PPAC is drawn up by the specialist team together with the GP [G]: the GP's agreement is recorded.</summary>
    public void RecordGpAgreement(DateTimeOffset now)
    {
        GpAgreed = true;
        GpAgreedAt = now;
    }

    /// <summary>
    /// The GP records his own agreement to the PPAC in force [G] 3 ("élaboré avec le médecin traitant"). Agreeing twice
    /// changes nothing (the first date stays); a replaced version or a PPS is refused.
    /// </summary>
    public void AgreeAsGp(DateTimeOffset now)
    {
        if (Kind != ProgrammeKind.Ppac) throw new DomainValidationException("programmeId", "Le médecin traitant donne son accord sur le PPAC.");
        if (Superseded) throw new DomainValidationException("programmeId", "Cette version a été remplacée : donnez votre accord sur la version en cours.");
        if (GpAgreed) return;
        RecordGpAgreement(now);
    }

    /// <summary>Marks a treatment phase as started; returns true when it is the first phase to start (C8).</summary>
    public bool StartPhase(int order, DateOnly on, DateOnly today)
    {
        if (on > today) throw new DomainValidationException("startedOn", "Le début ne peut pas être daté dans le futur.");
        var phases = Content.Phases.ToList();
        var index = phases.FindIndex(p => p.Order == order);
        if (index < 0) throw new DomainValidationException("order", "Cette étape n'existe pas dans le programme.");
        if (phases[index].StartedOn is not null) throw new DomainValidationException("order", "Cette étape a déjà commencé.");
        var first = phases.All(p => p.StartedOn is null);
        phases[index] = phases[index] with { StartedOn = on };
        Content = Content with { Phases = phases };
        return first;
    }
}

namespace Relais.Domain.TumorBoards;

public enum CaseKind
{
    /// <summary>Discussed by the board: needs the quorum.</summary>
    Discussed,
    /// <summary>Only registered: allowed when a guideline gives a validated treatment, or in an emergency; never in paediatric oncology [G].</summary>
    RegisteredOnly,
}

public enum RegisteredOnlyReason { ValidatedGuideline, Emergency }

public enum CaseStatus { Registered, Decided, Withdrawn }

/// <summary>
/// A patient's case at a meeting: the question asked, who presents it, then the decision — the proposal,
/// the guideline (référentiel) it follows and who decided [G].
/// </summary>
public sealed class TumorBoardCase
{
    private TumorBoardCase() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public Guid MeetingId { get; private set; }
    public string Question { get; private set; } = "";
    public Guid PresentingPhysicianId { get; private set; }
    public CaseKind Kind { get; private set; }
    public RegisteredOnlyReason? RegisteredOnlyReason { get; private set; }
    /// <summary>Strategy at recurrence is discussed in RCP [G]; the case then links to the episode's history.</summary>
    public bool IsRecurrence { get; private set; }
    public Guid? G8AssessmentId { get; private set; }
    /// <summary>
    /// Why a patient over 75 was registered without a G8: only in an emergency registration [G] 1.3; the
    /// G8 is then due before the next step, and listed on the RCP worklists until it is recorded.
    /// </summary>
    public string? G8WaiverReason { get; private set; }
    /// <summary>Why the case is registered on a board whose specialty does not cover the cancer's site (<see cref="BoardSites"/>).</summary>
    public string? SiteMismatchReason { get; private set; }
    public string? GpContribution { get; private set; }
    public Guid? GpContributionBy { get; private set; }
    public DateTimeOffset? GpContributionAt { get; private set; }
    public CaseStatus Status { get; private set; }
    public string? Proposal { get; private set; }
    public string? Guideline { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? QuorumAtDecision { get; private set; }
    public Guid? ReportDocumentId { get; private set; }
    public Guid RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>How long a G8 stays valid for a presentation [R].</summary>
    public static readonly int G8ValidityMonths = 3;

    /// <summary>The reasons a registration may carry: a board of another site, a G8 waived in an emergency.</summary>
    public sealed record Reasons(string? SiteMismatch, string? G8Waiver)
    {
        public static readonly Reasons None = new(null, null);
    }

    public static TumorBoardCase Register(Guid patientId, Guid episodeId, string primarySite, TumorBoardMeeting meeting, TumorBoard board, string? question, Guid presentingPhysician,
        CaseKind kind, RegisteredOnlyReason? reason, bool recurrence, int ageAtMeeting, G8Assessment? latestG8, DateOnly meetingDay, Guid by, DateTimeOffset now,
        Reasons? reasons = null)
    {
        reasons ??= Reasons.None;
        var text = question?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("question", "La question posée à la RCP est obligatoire.");
        if (text.Length > 2000) throw new DomainValidationException("question", "La question est limitée à 2000 caractères.");
        if (meeting.BoardId != board.Id) throw new DomainValidationException("meetingId", "Cette réunion n'appartient pas à cette RCP.");
        if (meeting.Status != MeetingStatus.Planned) throw new DomainValidationException("meetingId", "Cette réunion n'accepte plus de dossiers.");
        if (kind == CaseKind.RegisteredOnly)
        {
            // [G]: discussion is mandatory in paediatric oncology.
            if (board.IsPaediatric || ageAtMeeting < 18)
                throw new DomainValidationException("kind", "En oncologie pédiatrique, le dossier doit toujours être discuté : l'enregistrement simple est impossible.");
            if (reason is null)
                throw new DomainValidationException("registeredOnlyReason", "L'enregistrement simple suppose un traitement validé par le référentiel, ou l'urgence.");
        }
        if (latestG8 is not null && latestG8.PatientId != patientId)
            throw new DomainValidationException("g8", "Ce dépistage G8 concerne un autre patient.");
        // [G] 1.3: RCPs are organised by specialty; a case on a board of another site says why.
        var siteMismatch = Text(reasons.SiteMismatch, "siteMismatchReason");
        var fits = board.Fits(primarySite);
        if (!fits && siteMismatch is null)
            throw new DomainValidationException("siteMismatchReason",
                $"La {board.Name} ({board.Specialty}) ne traite pas la localisation {primarySite} : indiquez pourquoi le dossier y est inscrit.");
        // [G]: every patient over 75 has an oncogeriatric screening before the case is presented; an emergency
        // registration may come first, with its reason, and the G8 is then due before the next step.
        var g8Valid = latestG8 is not null && latestG8.AssessedOn >= meetingDay.AddMonths(-G8ValidityMonths);
        var waiver = Text(reasons.G8Waiver, "g8WaiverReason");
        var emergency = kind == CaseKind.RegisteredOnly && reason == TumorBoards.RegisteredOnlyReason.Emergency;
        if (G8.Required(ageAtMeeting) && !g8Valid && (waiver is null || !emergency))
            throw new DomainValidationException(waiver is null ? "g8" : "g8WaiverReason", waiver is null
                ? $"Patient de {ageAtMeeting} ans : un dépistage oncogériatrique G8 de moins de {G8ValidityMonths} mois est requis avant l'inscription. Une inscription en urgence peut s'en passer, en disant pourquoi."
                : "Seule une inscription en urgence peut se faire sans G8.");
        return new TumorBoardCase
        {
            SiteMismatchReason = fits ? null : siteMismatch,
            G8WaiverReason = G8.Required(ageAtMeeting) && !g8Valid ? waiver : null,
            Id = Guid.CreateVersion7(now), PatientId = patientId, EpisodeId = episodeId, MeetingId = meeting.Id, Question = text,
            PresentingPhysicianId = presentingPhysician, Kind = kind, RegisteredOnlyReason = kind == CaseKind.RegisteredOnly ? reason : null,
            IsRecurrence = recurrence, G8AssessmentId = G8.Required(ageAtMeeting) && g8Valid ? latestG8!.Id : null, Status = CaseStatus.Registered,
            RegisteredBy = by, RegisteredAt = now,
        };
    }

    public void AddGpContribution(string? text, Guid by, DateTimeOffset now)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) throw new DomainValidationException("contribution", "La contribution est vide.");
        if (value.Length > 4000) throw new DomainValidationException("contribution", "La contribution est limitée à 4000 caractères.");
        if (Status != CaseStatus.Registered) throw new DomainValidationException("contribution", "La décision est déjà rendue.");
        GpContribution = value;
        GpContributionBy = by;
        GpContributionAt = now;
    }

    /// <summary>
    /// The decision, at the meeting [G] 1.3: not before it starts; refused without the quorum for a discussed
    /// case, with the missing specialties named; recorded by a physician of a decision specialty — for a
    /// discussed case, one attending the meeting. The invited GP contributes, he does not decide.
    /// </summary>
    public void Decide(string? proposal, string? guideline, Decider by, TumorBoardMeeting meeting, IReadOnlyCollection<Professionals.Specialty> decisionSpecialties, DateTimeOffset now)
    {
        if (meeting.Id != MeetingId) throw new DomainValidationException("meeting", "Ce dossier est inscrit à une autre réunion.");
        if (Status != CaseStatus.Registered) throw new DomainValidationException("status", "Une décision a déjà été rendue pour ce dossier.");
        if (!meeting.HasStarted(now))
            throw new DomainValidationException("meeting", "La réunion n'a pas encore commencé : la décision se saisit en séance.");
        var text = proposal?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("proposal", "La proposition thérapeutique est obligatoire.");
        var quorum = meeting.Quorum(decisionSpecialties);
        if (Kind == CaseKind.Discussed && !quorum.Reached) throw new DomainValidationException("quorum", quorum.Message);
        var decides = Kind == CaseKind.Discussed ? meeting.AttendsAsDecider(by.Id, decisionSpecialties) : Quorum.IsDecisionSpecialty(by.Specialty);
        if (!decides)
            throw new DomainValidationException("decidedBy", Kind == CaseKind.Discussed
                ? "La décision est enregistrée par un médecin présent à la réunion, d'une spécialité qui prend la décision (le médecin traitant invité contribue, il ne décide pas)."
                : "La décision est enregistrée par un médecin d'une spécialité qui prend la décision.");
        if (Kind == CaseKind.RegisteredOnly && string.IsNullOrWhiteSpace(guideline) && RegisteredOnlyReason == TumorBoards.RegisteredOnlyReason.ValidatedGuideline)
            throw new DomainValidationException("guideline", "Citez le référentiel qui valide ce traitement.");
        Proposal = text;
        Guideline = string.IsNullOrWhiteSpace(guideline) ? null : guideline.Trim();
        DecidedBy = by.Id;
        DecidedAt = now;
        QuorumAtDecision = quorum.Message;
        Status = CaseStatus.Decided;
    }

    public void ReportFiled(Guid documentId) => ReportDocumentId = documentId;

    private static string? Text(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return text.Length > 1000 ? throw new DomainValidationException(field, "Limité à 1000 caractères.") : text;
    }
}

/// <summary>Who records a decision, with the specialty the decision rule looks at.</summary>
public sealed record Decider(Guid Id, Professionals.Specialty Specialty);

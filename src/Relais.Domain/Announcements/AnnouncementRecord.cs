namespace Relais.Domain.Announcements;

public enum NursingTime { NotYetOffered, Offered, Accepted, Declined }

public enum TobaccoStatus { Unknown, Never, Former, Current }

public sealed record ChecklistItem(string Code, string Label, bool Done, bool Applicable);

/// <summary>
/// The announcement scheme (dispositif d'annonce) of one episode [G][P]: the GP contacted beforehand
/// (C4) and the context the GP gave back, the medical time, the nursing time (offered, never imposed),
/// supportive-care needs, social fragility (EPICES) with orientation to the social worker, fertility
/// information at reproductive age, tobacco cessation offered to every smoker, and information on the
/// trusted person and advance directives. The checklist shows what is missing.
/// </summary>
public sealed class AnnouncementRecord
{
    private AnnouncementRecord() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public DateTimeOffset? GpContactedAt { get; private set; }
    public string? GpContext { get; private set; }
    public DateTimeOffset? GpContextAt { get; private set; }
    public DateOnly? MedicalTimeOn { get; private set; }
    public Guid? MedicalTimePhysicianId { get; private set; }
    public string? MedicalTimeExplained { get; private set; }
    public NursingTime NursingTime { get; private set; }
    public DateOnly? NursingTimeOn { get; private set; }
    public string? SupportiveCareNeeds { get; private set; }
    public string? EpicesAnswers { get; private set; }
    public decimal? EpicesScore { get; private set; }
    public bool? SocialWorkerOriented { get; private set; }
    public bool FertilityInformed { get; private set; }
    /// <summary>The oncofertility referral (CECOS / fertility preservation platform), proposed before any gonadotoxic treatment [G] 4.</summary>
    public FertilityReferral FertilityReferral { get; private set; } = FertilityReferral.NotProposed;
    public DateOnly? FertilityReferralOn { get; private set; }
    public string? FertilityCentre { get; private set; }
    /// <summary>The contraception advised during and after the treatment [G] 4; null until recorded.</summary>
    public string? ContraceptionAdvice { get; private set; }
    public TobaccoStatus Tobacco { get; private set; }
    public bool CessationOffered { get; private set; }
    public bool TrustedPersonInformed { get; private set; }
    public bool AdvanceDirectivesInformed { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsPrecarious => EpicesScore >= Epices.PrecariousFrom;

    public static AnnouncementRecord Open(Guid patientId, Guid episodeId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), PatientId = patientId, EpisodeId = episodeId, UpdatedAt = now };

    public void GpContacted(DateTimeOffset at) => GpContactedAt ??= at;

    public void RecordGpContext(string? text, DateTimeOffset now)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value)) throw new DomainValidationException("gpContext", "Le contexte transmis par le médecin traitant est vide.");
        GpContext = value.Length > 4000 ? throw new DomainValidationException("gpContext", "Limité à 4000 caractères.") : value;
        GpContextAt = now;
        UpdatedAt = now;
    }

    public void RecordMedicalTime(DateOnly on, Guid physicianId, string? explained, DateOnly today, DateTimeOffset now)
    {
        if (on > today) throw new DomainValidationException("medicalTimeOn", "Le temps médical ne peut pas être daté dans le futur.");
        var text = explained?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("medicalTimeExplained", "Indiquez ce qui a été expliqué (diagnostic, traitement proposé, bénéfices, effets indésirables).");
        MedicalTimeOn = on;
        MedicalTimePhysicianId = physicianId;
        MedicalTimeExplained = text;
        UpdatedAt = now;
    }

    /// <summary>The nursing time is offered, and the patient accepts or declines it: it is never imposed [G].</summary>
    public void RecordNursingTime(NursingTime state, DateOnly? on, DateOnly today, DateTimeOffset now)
    {
        if (state == NursingTime.Accepted && on is null) throw new DomainValidationException("nursingTimeOn", "Indiquez la date du temps soignant.");
        if (on > today) throw new DomainValidationException("nursingTimeOn", "Le temps soignant ne peut pas être daté dans le futur.");
        NursingTime = state;
        NursingTimeOn = on;
        UpdatedAt = now;
    }

    public void RecordSupportiveCareNeeds(string? needs, DateTimeOffset now)
    {
        SupportiveCareNeeds = string.IsNullOrWhiteSpace(needs) ? null : needs.Trim();
        UpdatedAt = now;
    }

    /// <summary>Social fragility screened with EPICES; a precarious score calls for the social worker.</summary>
    public Epices.Result RecordEpices(IReadOnlyList<bool> answers, bool socialWorkerOriented, DateTimeOffset now)
    {
        var result = Epices.Score(answers);
        if (result.Precarious && !socialWorkerOriented)
            throw new DomainValidationException("socialWorkerOriented", $"Score EPICES {result.Score} (≥ {Epices.PrecariousFrom}) : orientez le patient vers l'assistant(e) social(e).");
        EpicesAnswers = string.Concat(answers.Select(a => a ? '1' : '0'));
        EpicesScore = result.Score;
        SocialWorkerOriented = socialWorkerOriented;
        UpdatedAt = now;
        return result;
    }

    public void RecordInformation(bool fertility, TobaccoStatus tobacco, bool cessationOffered, bool trustedPerson, bool advanceDirectives, DateTimeOffset now)
    {
        FertilityInformed = fertility;
        Tobacco = tobacco;
        CessationOffered = tobacco == TobaccoStatus.Current && cessationOffered;
        TrustedPersonInformed = trustedPerson;
        AdvanceDirectivesInformed = advanceDirectives;
        UpdatedAt = now;
    }

    /// <summary>
    /// The oncofertility referral moves one step at a time: proposed, then accepted or declined by the patient,
    /// then (accepted) referred to the centre, then done [G] 4. A declined proposal may be made again.
    /// </summary>
    public void RecordFertilityReferral(FertilityReferral step, DateOnly on, string? centre, DateOnly today, DateTimeOffset now)
    {
        if (on > today) throw new DomainValidationException("on", "L'étape ne peut pas être datée dans le futur.");
        if (FertilityReferralOn is { } previous && on < previous) throw new DomainValidationException("on", "L'étape ne peut pas précéder la précédente.");
        if (!Fertility.NextSteps(FertilityReferral).Contains(step))
            throw new DomainValidationException("step", $"Après « {Fertility.Label(FertilityReferral)} », l'étape suivante est : {string.Join(" ou ", Fertility.NextSteps(FertilityReferral).Select(Fertility.Label))}.");
        var place = centre?.Trim();
        if (step == FertilityReferral.Referred && string.IsNullOrEmpty(place) && FertilityCentre is null)
            throw new DomainValidationException("centre", "Indiquez le centre (CECOS ou plateforme de préservation de la fertilité).");
        FertilityReferral = step;
        FertilityReferralOn = on;
        if (!string.IsNullOrEmpty(place)) FertilityCentre = place.Length > 300 ? throw new DomainValidationException("centre", "Limité à 300 caractères.") : place;
        UpdatedAt = now;
    }

    public void RecordContraceptionAdvice(string? advice, DateTimeOffset now)
    {
        var text = advice?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("contraceptionAdvice", "Indiquez la contraception conseillée et sa durée.");
        ContraceptionAdvice = text.Length > 2000 ? throw new DomainValidationException("contraceptionAdvice", "Limité à 2000 caractères.") : text;
        UpdatedAt = now;
    }

    /// <summary>What the announcement still lacks, in the order of the guide.</summary>
    public IReadOnlyList<ChecklistItem> Checklist(int age, FertilityAgeBounds bounds) =>
    [
        new("gp-contacted", "Médecin traitant contacté avant l'annonce (C4)", GpContactedAt is not null, true),
        new("gp-context", "Contexte socio-professionnel, familial et psychologique reçu du médecin traitant", GpContext is not null, true),
        new("medical-time", "Temps médical d'annonce", MedicalTimeOn is not null, true),
        new("nursing-time", "Temps soignant proposé (accepté ou refusé)", NursingTime is NursingTime.Accepted or NursingTime.Declined, true),
        new("supportive-care", "Besoins en soins de support évalués", SupportiveCareNeeds is not null, true),
        new("social-fragility", "Fragilité sociale dépistée (EPICES)", EpicesScore is not null, true),
        new("social-worker", "Orientation vers l'assistant(e) social(e)", SocialWorkerOriented == true, IsPrecarious),
        new("fertility", "Information sur la fertilité et sa préservation", FertilityInformed, bounds.Contains(age)),
        new("fertility-referral", "Préservation de la fertilité proposée (CECOS, plateforme)", FertilityReferral != FertilityReferral.NotProposed, bounds.Contains(age)),
        new("contraception", "Conseil de contraception", ContraceptionAdvice is not null, bounds.Contains(age)),
        new("tobacco", "Statut tabagique renseigné", Tobacco != TobaccoStatus.Unknown, true),
        new("cessation", "Aide au sevrage tabagique proposée", CessationOffered, Tobacco == TobaccoStatus.Current),
        new("trusted-person", "Information sur la personne de confiance", TrustedPersonInformed, true),
        new("advance-directives", "Information sur les directives anticipées", AdvanceDirectivesInformed, true),
    ];

    public bool IsComplete(int age, FertilityAgeBounds bounds) => Checklist(age, bounds).All(i => i.Done || !i.Applicable);
}

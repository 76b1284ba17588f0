namespace Relais.Domain.SupportiveCare;

/// <summary>The categories of supportive-care needs, [G] §2.2 "soins de support" (pain, psychological support, nutrition, fatigue and adapted physical activity, addictions, sexual health, social support, relatives) and the oncofertility referral [G][P].</summary>
public enum NeedCategory
{
    Pain,
    Psychological,
    Nutrition,
    FatiguePhysicalActivity,
    TobaccoAlcohol,
    SexualHealth,
    SocialWork,
    Caregivers,
    Fertility,
}

/// <summary>How much the need weighs on the patient, as the assessing professional judges it.</summary>
public enum NeedSeverity { Mild, Moderate, Severe }

/// <summary>When the needs were assessed: [G] §2.2 at the announcement, re-assessed at the end-of-treatment consultation and at any visit.</summary>
public enum AssessmentMoment { Announcement, EndOfTreatment, Visit }

/// <summary>One need of a patient, assessed on a day by a professional ([G] §2.2: quality of life assessed, then re-assessed).</summary>
public sealed class SupportiveNeed
{
    private SupportiveNeed() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public NeedCategory Category { get; private set; }
    public NeedSeverity Severity { get; private set; }
    public AssessmentMoment Moment { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public string? Note { get; private set; }
    public Guid AssessedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static SupportiveNeed Record(Guid patientId, NeedCategory category, NeedSeverity severity, AssessmentMoment moment, DateOnly assessedOn,
        string? note, Guid by, DateOnly today, DateTimeOffset now)
    {
        if (assessedOn > today) throw new DomainValidationException("assessedOn", "L'évaluation ne peut pas être datée dans le futur.");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 2000 }) throw new DomainValidationException("note", "La note est limitée à 2000 caractères.");
        return new SupportiveNeed
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, Category = category, Severity = severity, Moment = moment,
            AssessedOn = assessedOn, Note = text, AssessedBy = by, RecordedAt = now,
        };
    }

    /// <summary>The service of the directory that answers a need of this category, the one a referral proposes first.</summary>
    public static SupportiveService ServiceFor(NeedCategory category) => category switch
    {
        NeedCategory.Pain => SupportiveService.Pain,
        NeedCategory.Psychological => SupportiveService.Psychology,
        NeedCategory.Nutrition => SupportiveService.Dietetics,
        NeedCategory.FatiguePhysicalActivity => SupportiveService.AdaptedPhysicalActivity,
        NeedCategory.TobaccoAlcohol => SupportiveService.TobaccoAlcohol,
        NeedCategory.SexualHealth => SupportiveService.SexualHealth,
        NeedCategory.SocialWork => SupportiveService.SocialWork,
        NeedCategory.Caregivers => SupportiveService.Caregivers,
        NeedCategory.Fertility => SupportiveService.Fertility,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}

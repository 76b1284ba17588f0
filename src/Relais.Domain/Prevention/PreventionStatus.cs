namespace Relais.Domain.Prevention;

/// <summary>
/// One review of the status that bears on a second cancer (issue 16 point 4, [G] §3.6–3.7): tobacco and the cessation
/// support offered, alcohol and the support offered, weight and height, physical activity. Kept up after treatment: each
/// review is a new row, the latest is in force.
/// </summary>
public sealed class PreventionStatus
{
    private PreventionStatus() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public TobaccoStatus Tobacco { get; private set; }
    public bool CessationSupportOffered { get; private set; }
    public AlcoholUse Alcohol { get; private set; }
    public bool AlcoholSupportOffered { get; private set; }
    public decimal? WeightKg { get; private set; }
    public int? HeightCm { get; private set; }
    public PhysicalActivityLevel Activity { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public LifestyleStatus Status => new(Tobacco, CessationSupportOffered, Alcohol, AlcoholSupportOffered, WeightKg, HeightCm, Activity);

    public static PreventionStatus Record(Guid patientId, LifestyleStatus status, DateOnly? assessedOn, Guid by, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (assessedOn is not { } on) throw new DomainValidationException("assessedOn", "Indiquez la date du point de prévention.");
        if (on > today) throw new DomainValidationException("assessedOn", "La date ne peut pas être dans le futur.");
        if (!Enum.IsDefined(status.Tobacco)) throw new DomainValidationException("tobacco", "Statut tabagique inconnu.");
        if (!Enum.IsDefined(status.Alcohol)) throw new DomainValidationException("alcohol", "Consommation d'alcool inconnue.");
        if (!Enum.IsDefined(status.Activity)) throw new DomainValidationException("activity", "Niveau d'activité physique inconnu.");
        if (status.WeightKg is { } w && w is < 20 or > 400) throw new DomainValidationException("weightKg", "Le poids va de 20 à 400 kg.");
        if (status.HeightCm is { } h && h is < 100 or > 250) throw new DomainValidationException("heightCm", "La taille va de 100 à 250 cm.");
        return new PreventionStatus
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            AssessedOn = on,
            Tobacco = status.Tobacco,
            CessationSupportOffered = status.Tobacco == TobaccoStatus.Current && status.CessationSupportOffered,
            Alcohol = status.Alcohol,
            AlcoholSupportOffered = status.Alcohol == AlcoholUse.Excessive && status.AlcoholSupportOffered,
            WeightKg = status.WeightKg,
            HeightCm = status.HeightCm,
            Activity = status.Activity,
            RecordedBy = by,
            RecordedAt = now,
        };
    }

    /// <summary>The status in one line, as the PPAC prints it.</summary>
    public string Describe()
    {
        var tobacco = Tobacco switch
        {
            TobaccoStatus.Current => CessationSupportOffered ? "fumeur, accompagnement à l'arrêt proposé" : "fumeur",
            TobaccoStatus.Former => "ancien fumeur",
            _ => "non-fumeur",
        };
        var alcohol = Alcohol switch
        {
            AlcoholUse.Excessive => AlcoholSupportOffered ? "consommation excessive, accompagnement proposé" : "consommation excessive",
            AlcoholUse.WithinGuidelines => "consommation modérée",
            _ => "aucune",
        };
        var activity = Activity switch
        {
            PhysicalActivityLevel.Sufficient => "suffisante",
            PhysicalActivityLevel.Insufficient => "insuffisante",
            _ => "sédentarité",
        };
        var bmi = SecondCancerPrevention.Bmi(WeightKg, HeightCm) is { } b ? $" ; IMC {b.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}" : "";
        return $"Point du {AssessedOn:dd/MM/yyyy} : tabac : {tobacco} ; alcool : {alcohol}{bmi} ; activité physique : {activity}";
    }
}

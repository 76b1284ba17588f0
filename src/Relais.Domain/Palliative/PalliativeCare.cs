using System.Globalization;

namespace Relais.Domain.PalliativeCare;

/// <summary>The symptoms a shared palliative symptom plan says what to do about ([G] §2.6: « prévenir et soulager la douleur et les autres symptômes »).</summary>
public enum Symptom { Pain, Breathlessness, Anxiety, NauseaVomiting, Agitation, Haemorrhage, Constipation, Other }

/// <summary>
/// The limits of treatment the team and the patient agreed on ([G] §2.6: the physician « s'abstient de toute obstination
/// déraisonnable » and « peut renoncer à entreprendre ou poursuivre des traitements » ; CSP L.1110-5-1, loi Claeys-Leonetti 2016).
/// </summary>
public enum TreatmentLimit { NotDiscussed, FullCare, NoResuscitation, NoIntensiveCare, ComfortCareOnly }

/// <summary>The rules of the palliative phase, each with its source.</summary>
public static class PalliativeRules
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const string LiaisonSource = "[G] §2.6 « Les soins palliatifs » : le médecin généraliste assure les soins en ambulatoire, en particulier les traitements symptomatiques, "
        + "en lien avec l'équipe spécialisée (obligation C15) ; objectifs : « limiter la survenue de complications, en développant les prescriptions personnalisées anticipées »";

    public const string LimitsSource = "[G] §2.6 : « il s'abstient de toute obstination déraisonnable » ; [R] CSP L.1110-5-1 (obstination déraisonnable), "
        + "L.1111-11 (directives anticipées), L.1111-6 (personne de confiance), loi n° 2016-87 du 2 février 2016";

    /// <summary>[G] §2.6 HAD: « une prescription médicale écrite, pour une durée limitée dans le temps d'un à vingt jours renouvelables, avec l'accord du patient et/ou celui de sa famille ».</summary>
    public const int MinStayDays = 1, MaxStayDays = 20;

    /// <summary>[R] The prescriber is reminded three days before the stay ends, time to renew the written prescription.</summary>
    public const int RenewalReminderDays = 3;

    public const string HadSource = "[G] §2.6 « L'hospitalisation à domicile » : demande par le médecin généraliste ou le médecin hospitalier (avec l'accord du médecin généraliste), "
        + "prescription écrite d'un à vingt jours renouvelables, accord du patient et/ou de sa famille ; admission décidée par le médecin coordinateur de l'HAD après évaluation";

    public const int MaxText = 4000, MaxShort = 200;

    public static string Label(Symptom symptom) => symptom switch
    {
        Symptom.Pain => "Douleur",
        Symptom.Breathlessness => "Dyspnée",
        Symptom.Anxiety => "Anxiété, angoisse",
        Symptom.NauseaVomiting => "Nausées, vomissements",
        Symptom.Agitation => "Agitation, confusion",
        Symptom.Haemorrhage => "Hémorragie",
        Symptom.Constipation => "Constipation, occlusion",
        _ => "Autre",
    };

    public static string Label(TreatmentLimit limit) => limit switch
    {
        TreatmentLimit.FullCare => "Prise en charge complète, réanimation comprise",
        TreatmentLimit.NoResuscitation => "Pas de réanimation cardio-respiratoire",
        TreatmentLimit.NoIntensiveCare => "Pas d'admission en réanimation ni d'intubation",
        TreatmentLimit.ComfortCareOnly => "Soins de confort exclusivement, pas de transfert sauf confort",
        _ => "Non discutées",
    };

    internal static string? Text(string? text, string field, int max)
    {
        if (text is { } t && t.Trim().Length > max) throw new DomainValidationException(field, $"Le texte dépasse {max} caractères.");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    internal static string Required(string? text, string field, int max, string message) =>
        Text(text, field, max) ?? throw new DomainValidationException(field, message);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", French);
}

/// <summary>
/// What to do for one symptom, written by the team (oncology, palliative team) or the GP and read by the care team, the
/// GP and the nurses at home: the shared symptom plan of the C15 liaison ([G] §2.6). One entry per symptom, revised in place.
/// </summary>
public sealed class SymptomPlanEntry
{
    private SymptomPlanEntry() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Symptom Symptom { get; private set; }
    public string Instructions { get; private set; } = "";
    public Guid WrittenBy { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
    public int Version { get; private set; }

    public static SymptomPlanEntry Write(Guid patientId, Symptom symptom, string? instructions, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), PatientId = patientId, Symptom = symptom,
        Instructions = PalliativeRules.Required(instructions, "instructions", PalliativeRules.MaxText, "Indiquez la conduite à tenir pour ce symptôme."),
        WrittenBy = by, WrittenAt = now, Version = 1,
    };

    public void Revise(string? instructions, Guid by, DateTimeOffset now)
    {
        Instructions = PalliativeRules.Required(instructions, "instructions", PalliativeRules.MaxText, "Indiquez la conduite à tenir pour ce symptôme.");
        WrittenBy = by;
        WrittenAt = now;
        Version++;
    }
}

/// <summary>The fields of the urgent-care plan, as written.</summary>
public sealed record UrgentCareFields(string? AnticipatedPrescriptions, TreatmentLimit Limit, string? LimitsNote, DateOnly? DiscussedOn, string? EmergencyNote);

/// <summary>
/// What whoever is called out of hours (the GP on call, the SAMU regulator) must find at once on the record ([G] §2.6):
/// the anticipated personalised prescriptions (PAP), the limits of treatment agreed with the patient, what to do when called.
/// The advance directives and the trusted person stay where the identity keeps them (<see cref="Patients.Patient.AdvanceDirectives"/>,
/// <see cref="Patients.Patient.TrustedPerson"/>) and are shown with it. One per patient, revised in place, every read audited by the caller.
/// </summary>
public sealed class UrgentCarePlan
{
    private UrgentCarePlan() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string? AnticipatedPrescriptions { get; private set; }
    public TreatmentLimit Limit { get; private set; }
    public string? LimitsNote { get; private set; }
    /// <summary>The day the limits were discussed with the patient (or, if they cannot say, with the trusted person).</summary>
    public DateOnly? DiscussedOn { get; private set; }
    public string? EmergencyNote { get; private set; }
    public Guid UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static UrgentCarePlan Write(Guid patientId, UrgentCareFields fields, DateOnly today, Guid by, DateTimeOffset now)
    {
        var plan = new UrgentCarePlan { Id = Guid.CreateVersion7(now), PatientId = patientId };
        plan.Apply(fields, today, by, now);
        plan.Version = 1;
        return plan;
    }

    public void Revise(UrgentCareFields fields, DateOnly today, Guid by, DateTimeOffset now)
    {
        Apply(fields, today, by, now);
        Version++;
    }

    private void Apply(UrgentCareFields f, DateOnly today, Guid by, DateTimeOffset now)
    {
        var pap = PalliativeRules.Text(f.AnticipatedPrescriptions, "anticipatedPrescriptions", PalliativeRules.MaxText);
        var note = PalliativeRules.Text(f.LimitsNote, "limitsNote", PalliativeRules.MaxText);
        var emergency = PalliativeRules.Text(f.EmergencyNote, "emergencyNote", PalliativeRules.MaxText);
        if (f.Limit != TreatmentLimit.NotDiscussed && f.DiscussedOn is null)
            throw new DomainValidationException("discussedOn", "Des limites de soins se datent : indiquez le jour où elles ont été discutées avec le patient ou ses proches.");
        if (f.DiscussedOn > today) throw new DomainValidationException("discussedOn", "La date de discussion ne peut pas être dans le futur.");
        if (pap is null && f.Limit == TreatmentLimit.NotDiscussed && emergency is null)
            throw new DomainValidationException("anticipatedPrescriptions", "Rien à enregistrer : donnez au moins les prescriptions anticipées, les limites de soins ou la conduite à tenir.");
        AnticipatedPrescriptions = pap;
        Limit = f.Limit;
        LimitsNote = note;
        DiscussedOn = f.DiscussedOn;
        EmergencyNote = emergency;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}

/// <summary>
/// A caregiver (aidant) of the patient, identified on the record ([G] §2.6 « La place des aidants est déterminante »;
/// PRODUCT.md §9): name, link, contact, whether they are the personne de confiance. Removed, never deleted.
/// </summary>
public sealed class CaregiverContact
{
    private CaregiverContact() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public string Name { get; private set; } = "";
    public string Relationship { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public bool IsTrustedPerson { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }

    public static CaregiverContact Record(Guid patientId, string? name, string? relationship, string? phone, string? email, bool isTrustedPerson, string? note,
        Guid by, DateTimeOffset now)
    {
        var mail = PalliativeRules.Text(email, "email", PalliativeRules.MaxShort);
        if (mail is not null && (!mail.Contains('@', StringComparison.Ordinal) || mail.StartsWith('@') || mail.EndsWith('@')))
            throw new DomainValidationException("email", "L'adresse électronique n'est pas valide.");
        var tel = PalliativeRules.Text(phone, "phone", 30);
        if (tel is not null && tel.Count(char.IsAsciiDigit) < 4) throw new DomainValidationException("phone", "Le numéro de téléphone n'est pas valide.");
        if (tel is null && mail is null) throw new DomainValidationException("phone", "Donnez au moins un moyen de joindre l'aidant : téléphone ou adresse électronique.");
        return new CaregiverContact
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId,
            Name = PalliativeRules.Required(name, "name", PalliativeRules.MaxShort, "Le nom de l'aidant est obligatoire."),
            Relationship = PalliativeRules.Required(relationship, "relationship", PalliativeRules.MaxShort, "Le lien avec le patient est obligatoire (conjoint, enfant, ami...)."),
            Phone = tel, Email = mail, IsTrustedPerson = isTrustedPerson, Note = PalliativeRules.Text(note, "note", 1000), RecordedBy = by, RecordedAt = now,
        };
    }

    public void Remove(DateTimeOffset now)
    {
        if (RemovedAt is not null) throw new DomainValidationException("caregiver", "Cet aidant a déjà été retiré.");
        RemovedAt = now;
    }
}

/// <summary>A leave right of a caregiver, as data with its source and the day the source was last checked.</summary>
public sealed record CaregiverLeaveRight(string Code, string Title, string Purpose, string Duration, string Allowance, string Source, string SourceUrl, DateOnly CheckedOn);

/// <summary>
/// The caregivers' leave rights, shown to them and to the team ([G] §2.6, PRODUCT.md §9). The guide [G] (2016) says the
/// congé de proche aidant is unpaid unless an agreement provides for it: that is no longer current — since 1 October 2020
/// the daily allowance AJPA pays it (LFSS 2020, art. 68; décret n° 2020-1208). Dated so that whoever reads it knows how current it is.
/// </summary>
public static class CaregiverLeaveRights
{
    public static readonly DateOnly CheckedOn = new(2026, 11, 30);

    public static readonly IReadOnlyList<CaregiverLeaveRight> All =
    [
        new("conge-proche-aidant", "Congé de proche aidant",
            "Pour assister un proche, même sans lien de parenté, handicapé ou présentant une perte d'autonomie d'une particulière gravité.",
            "3 mois au plus, renouvelable, dans la limite d'un an sur l'ensemble de la carrière ; possible à temps partiel ou fractionné.",
            "Allocation journalière du proche aidant (AJPA), versée par la CAF ou la MSA depuis le 1er octobre 2020, dans la limite de 66 jours sur la carrière.",
            "[G] §2.6 ; Code du travail L.3142-16 à L.3142-27 ; Code de la sécurité sociale L.168-8 à L.168-16 (AJPA, LFSS 2020 art. 68, décret n° 2020-1208)",
            "https://www.service-public.fr/particuliers/vosdroits/F16920", CheckedOn),
        new("conge-solidarite-familiale", "Congé de solidarité familiale",
            "Pour assister un proche gravement malade en fin de vie (pronostic vital engagé ou phase avancée d'une affection grave et incurable).",
            "3 mois, renouvelable une fois ; possible à temps partiel ou fractionné avec l'accord de l'employeur.",
            "Allocation journalière d'accompagnement d'une personne en fin de vie (AJAP), versée par l'assurance maladie pendant 21 jours au plus.",
            "[G] §2.6 ; Code du travail L.3142-6 à L.3142-15 ; Code de la sécurité sociale L.168-1 à L.168-7 (AJAP)",
            "https://www.service-public.fr/particuliers/vosdroits/F1767", CheckedOn),
    ];
}

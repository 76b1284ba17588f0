using System.Globalization;

namespace Relais.Domain.Steps;

/// <summary>The administrative and social steps Relais tracks (issue 15 point 3, PRODUCT.md §9, [G] §1.4 and §2.7).</summary>
public enum StepKind
{
    OccupationalExposureSearch,
    OccupationalCertificate,
    OccupationalDeclaration,
    EnteralNutritionFirstRenewal,
    EnteralNutritionRenewal,
    SickLeaveEnd,
    TherapeuticPartTime,
    Invalidity,
    Redeployment,
    LoanInsurance,
}

/// <summary>Who the step falls to: whom the reminder goes to.</summary>
public enum StepOwner { HospitalTeam, Gp, Patient }

public enum StepStatus { Planned, Done, Cancelled }

/// <summary>
/// The rules of the administrative and social steps: what each is, whose it is, when it is due and reminded, and what
/// its completion calls for next. Sources: [G] §1.4 (occupational disease: systematic search for some sites, the
/// initial medical certificate, two years to declare; enteral nutrition: first prescription and first renewal by the
/// hospital service, later renewals by the GP), [G] §2.7 and PRODUCT.md §9 (work and social steps, AERAS).
/// </summary>
public static class AdministrativeSteps
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>[G] §1.4: « Le patient dispose de deux ans pour déclarer sa maladie à partir de la date du certificat médical ».</summary>
    public const int DeclarationYears = 2;

    /// <summary>[R] The GP writes the initial certificate within a month of the doubt; the patient is reminded three months before the two years end.</summary>
    public const int CertificateDays = 30, DeclarationReminderDays = 90;

    /// <summary>
    /// [R] Home enteral nutrition (LPPR, arrêté du 16 juin 2014): a first prescription for 14 days, a first renewal for
    /// three months, then renewals for a year. [G] §1.4 gives who: the hospital service for the first two, the GP after.
    /// </summary>
    public const int EnteralFirstDays = 14, EnteralFirstRenewalMonths = 3, EnteralRenewalMonths = 12;

    /// <summary>The source of each kind's rule, shown beside it.</summary>
    public static string Source(StepKind kind) => kind switch
    {
        StepKind.OccupationalExposureSearch => OccupationalExposure.Source,
        StepKind.OccupationalCertificate => "[G] §1.4 : « Tout doute sur une exposition professionnelle doit faire l'objet d'un certificat médical initial »",
        StepKind.OccupationalDeclaration => "[G] §1.4 : « Le patient dispose de deux ans pour déclarer sa maladie à partir de la date du certificat médical »",
        StepKind.EnteralNutritionFirstRenewal or StepKind.EnteralNutritionRenewal =>
            "[G] §1.4 : première prescription et premier renouvellement par le service hospitalier, renouvellements suivants par le médecin traitant ; durées [R] LPPR (arrêté du 16 juin 2014) : 14 jours, 3 mois, puis 1 an",
        _ => "[G] §2.7 « L'accompagnement médico-social » ; PRODUCT.md §9 (travail, invalidité, reclassement, convention AERAS)",
    };

    public static string Label(StepKind kind) => kind switch
    {
        StepKind.OccupationalExposureSearch => "Rechercher une exposition professionnelle",
        StepKind.OccupationalCertificate => "Certificat médical initial de maladie professionnelle",
        StepKind.OccupationalDeclaration => "Déclaration de maladie professionnelle à la caisse d'assurance maladie",
        StepKind.EnteralNutritionFirstRenewal => "Nutrition entérale : premier renouvellement (service hospitalier)",
        StepKind.EnteralNutritionRenewal => "Nutrition entérale : renouvellement (médecin traitant)",
        StepKind.SickLeaveEnd => "Fin de l'arrêt de travail : prolonger ou préparer la reprise",
        StepKind.TherapeuticPartTime => "Temps partiel thérapeutique",
        StepKind.Invalidity => "Demande de pension d'invalidité",
        StepKind.Redeployment => "Reclassement professionnel (médecin du travail)",
        StepKind.LoanInsurance => "Assurance d'un prêt (convention AERAS, droit à l'oubli)",
        _ => kind.ToString(),
    };

    /// <summary>Who a kind falls to by default.</summary>
    public static StepOwner DefaultOwner(StepKind kind) => kind switch
    {
        StepKind.OccupationalExposureSearch or StepKind.EnteralNutritionFirstRenewal => StepOwner.HospitalTeam,
        StepKind.OccupationalDeclaration or StepKind.LoanInsurance => StepOwner.Patient,
        _ => StepOwner.Gp,
    };

    /// <summary>How many days before its due day a step is reminded.</summary>
    public static int ReminderDays(StepKind kind) => kind switch
    {
        StepKind.OccupationalDeclaration => DeclarationReminderDays,
        StepKind.EnteralNutritionFirstRenewal => 3,
        StepKind.OccupationalExposureSearch or StepKind.OccupationalCertificate => 7,
        _ => 14,
    };

    /// <summary>The kinds a team records by hand (the others follow from a completion or a start).</summary>
    public static readonly IReadOnlyList<StepKind> Recordable =
        [StepKind.OccupationalExposureSearch, StepKind.SickLeaveEnd, StepKind.TherapeuticPartTime, StepKind.Invalidity, StepKind.Redeployment, StepKind.LoanInsurance];

    /// <summary>
    /// The step the completion of <paramref name="done"/> on <paramref name="doneOn"/> calls for, if any:
    /// a doubt on exposure → the certificate (GP, within a month); the certificate → the patient's declaration
    /// (two years from the certificate's date); an enteral-nutrition renewal → the next one, by the GP.
    /// </summary>
    public static (StepKind Kind, DateOnly Due)? Next(StepKind done, DateOnly doneOn, bool exposureSuspected) => done switch
    {
        StepKind.OccupationalExposureSearch when exposureSuspected => (StepKind.OccupationalCertificate, doneOn.AddDays(CertificateDays)),
        StepKind.OccupationalCertificate => (StepKind.OccupationalDeclaration, doneOn.AddYears(DeclarationYears).AddDays(-1)),
        StepKind.EnteralNutritionFirstRenewal => (StepKind.EnteralNutritionRenewal, doneOn.AddMonths(EnteralFirstRenewalMonths)),
        StepKind.EnteralNutritionRenewal => (StepKind.EnteralNutritionRenewal, doneOn.AddMonths(EnteralRenewalMonths)),
        _ => null,
    };

    /// <summary>What the reminder says to its owner.</summary>
    public static string ReminderText(StepKind kind, DateOnly due) => kind == StepKind.OccupationalDeclaration
        ? $"La déclaration de maladie professionnelle doit parvenir à la caisse d'assurance maladie au plus tard le {due.ToString("dd/MM/yyyy", French)} (deux ans après le certificat médical initial)."
        : $"{Label(kind)} : échéance le {due.ToString("dd/MM/yyyy", French)}.";
}

/// <summary>
/// The cancer sites for which the discovery of a cancer must systematically lead to searching for an occupational
/// exposure ([G] §1.4 says "certaines localisations" without listing them): the list is data, from the sites the
/// occupational-disease tables (régime général, INRS) and the INCa guide name most often.
/// </summary>
public static class OccupationalExposure
{
    public const string Source = "[G] §1.4 : « Dans certaines localisations, la découverte d'un cancer doit systématiquement faire rechercher une exposition professionnelle » ; "
        + "liste [R] : tableaux de maladies professionnelles du régime général (INRS) et INCa, « Détection des cancers professionnels : quelques clés pour agir »";

    public sealed record Site(string From, string To, string Label, string Agents);

    public static readonly IReadOnlyList<Site> Sites =
    [
        new("C45", "C45", "Mésothéliome", "amiante (tableau 30)"),
        new("C30", "C31", "Cancers des cavités nasales et des sinus", "poussières de bois, nickel, chrome (tableaux 47, 37, 10 ter)"),
        new("C33", "C34", "Cancers de la trachée, des bronches et du poumon", "amiante, silice, rayonnements ionisants, goudrons, chrome, nickel (tableaux 30 bis, 25, 6, 16 bis, 10 ter, 37 ter)"),
        new("C65", "C68", "Cancers du rein (voies excrétrices), de l'uretère et de la vessie", "amines aromatiques, goudrons (tableaux 15 ter, 16 bis)"),
        new("C22.3", "C22.3", "Angiosarcome du foie", "chlorure de vinyle (tableau 52)"),
        new("C91.0", "C91.0", "Leucémie aiguë lymphoblastique", "benzène, rayonnements ionisants (tableaux 4, 6)"),
        new("C92.0", "C92.0", "Leucémie aiguë myéloïde", "benzène, rayonnements ionisants (tableaux 4, 6)"),
    ];

    /// <summary>The listed site an ICD-10 code falls in, if any (by category, or by subcategory where the list names one).</summary>
    public static Site? For(string? icd10)
    {
        if (string.IsNullOrWhiteSpace(icd10)) return null;
        var code = icd10.Trim().ToUpperInvariant();
        return Sites.FirstOrDefault(s => s.From.Contains('.', StringComparison.Ordinal)
            ? code.StartsWith(s.From, StringComparison.Ordinal)
            : string.CompareOrdinal(code[..Math.Min(3, code.Length)], s.From) >= 0 && string.CompareOrdinal(code[..Math.Min(3, code.Length)], s.To) <= 0);
    }
}

/// <summary>One administrative or social step of a patient: dated, owned, reminded once before its day, done or cancelled.</summary>
public sealed class AdministrativeStep
{
    public const int MaxNote = 1000;

    private AdministrativeStep() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public StepKind Kind { get; private set; }
    public StepOwner Owner { get; private set; }
    public DateOnly DueOn { get; private set; }
    /// <summary>The day the owner is reminded, kept so that the reminder scan reads an index.</summary>
    public DateOnly RemindOn { get; private set; }
    public StepStatus Status { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    /// <summary>For the search of an occupational exposure: whether a doubt remains (it calls for the certificate).</summary>
    public bool? ExposureSuspected { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The step whose completion called for this one.</summary>
    public Guid? FollowsId { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public static AdministrativeStep Plan(Guid patientId, StepKind kind, StepOwner? owner, DateOnly? dueOn, string? note, Guid? follows,
        DateOnly today, Guid by, DateTimeOffset now)
    {
        if (dueOn is not { } due) throw new DomainValidationException("dueOn", "L'échéance de la démarche est obligatoire.");
        if (due < today.AddYears(-5)) throw new DomainValidationException("dueOn", "L'échéance est plus de cinq ans avant aujourd'hui : vérifiez la saisie.");
        if (due > today.AddYears(10)) throw new DomainValidationException("dueOn", "L'échéance est plus de dix ans après aujourd'hui : vérifiez la saisie.");
        return new AdministrativeStep
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, Kind = kind, Owner = owner ?? AdministrativeSteps.DefaultOwner(kind), DueOn = due,
            RemindOn = due.AddDays(-AdministrativeSteps.ReminderDays(kind)), Status = StepStatus.Planned, Note = Bounded(note), FollowsId = follows,
            CreatedBy = by, CreatedAt = now, Version = 1,
        };
    }

    /// <summary>Marks the step done; returns the step it calls for, if any (<see cref="AdministrativeSteps.Next"/>).</summary>
    public AdministrativeStep? Complete(DateOnly? doneOn, bool? exposureSuspected, string? note, DateOnly today, Guid by, DateTimeOffset now)
    {
        if (Status != StepStatus.Planned) throw new DomainValidationException("status", "Cette démarche n'est plus à faire.");
        if (doneOn is not { } done) throw new DomainValidationException("doneOn", "La date de réalisation est obligatoire.");
        if (done > today) throw new DomainValidationException("doneOn", "La date de réalisation ne peut pas être dans le futur.");
        if (Kind == StepKind.OccupationalExposureSearch && exposureSuspected is null)
            throw new DomainValidationException("exposureSuspected", "Indiquez si un doute sur une exposition professionnelle subsiste.");
        Status = StepStatus.Done;
        DoneOn = done;
        ExposureSuspected = Kind == StepKind.OccupationalExposureSearch ? exposureSuspected : null;
        if (!string.IsNullOrWhiteSpace(note)) Note = Bounded(note);
        Version++;
        return AdministrativeSteps.Next(Kind, done, exposureSuspected == true) is { } next
            ? Plan(PatientId, next.Kind, null, next.Due, null, Id, today, by, now)
            : null;
    }

    public void Cancel(string? reason)
    {
        if (Status != StepStatus.Planned) throw new DomainValidationException("status", "Cette démarche n'est plus à faire.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainValidationException("reason", "Le motif d'annulation est obligatoire.");
        Status = StepStatus.Cancelled;
        Note = Bounded(reason);
        Version++;
    }

    public void Reminded(DateTimeOffset now) => RemindedAt = now;

    private static string? Bounded(string? text)
    {
        if (text is { Length: > MaxNote }) throw new DomainValidationException("note", $"La note dépasse {MaxNote} caractères.");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

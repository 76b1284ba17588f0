using System.Globalization;
using Relais.Domain.Professionals;

namespace Relais.Domain.SupportiveCare;

/// <summary>The disciplines of the post-cancer package (CSP R.1415-1-11): assessments in all three, follow-up consultations in two.</summary>
public enum PackageDiscipline { AdaptedPhysicalActivity, Dietetics, Psychology }

/// <summary>An assessment (bilan, one hour) or a follow-up consultation (thirty minutes).</summary>
public enum PackageActKind { Assessment, Consultation }

/// <summary>
/// The figures of the post-cancer package ("parcours de soins global après le traitement d'un cancer",
/// décret n° 2020-1665 du 22 décembre 2020, CSP art. R.1415-1-11 to R.1415-1-14; amounts set by the arrêté
/// du 24 décembre 2020): configuration, with these defaults. Issue 13 point 3 restates them.
/// </summary>
public sealed record PostCancerPackageLimits
{
    /// <summary>An assessment — adapted physical activity (functional and motivational), dietetic, psychological —: one hour, 45 EUR.</summary>
    public decimal AssessmentEur { get; init; } = 45m;

    /// <summary>A dietetic or psychological follow-up consultation: thirty minutes, 22.50 EUR.</summary>
    public decimal ConsultationEur { get; init; } = 22.50m;

    /// <summary>At most six follow-up consultations in all, the two disciplines together.</summary>
    public int MaxConsultations { get; init; } = 6;

    /// <summary>At most 180 EUR per patient and per year.</summary>
    public decimal CeilingEur { get; init; } = 180m;

    /// <summary>Prescribed from the end of active treatment and at most twelve months after it.</summary>
    public int PrescriptionWindowMonths { get; init; } = 12;

    /// <summary>Delivered within twelve months of the first assessment.</summary>
    public int DeliveryMonths { get; init; } = 12;

    public decimal Price(PackageActKind kind) => kind == PackageActKind.Assessment ? AssessmentEur : ConsultationEur;
}

/// <summary>One act delivered under a package, as the provider recorded it.</summary>
public sealed record PackageAct(PackageActKind Kind, PackageDiscipline Discipline, DateOnly On);

/// <summary>What is left of a package: money, consultations, and the date by which it must be delivered (none before the first assessment).</summary>
public sealed record PackageBalance(decimal SpentEur, decimal RemainingEur, int ConsultationsUsed, int RemainingConsultations, DateOnly? DeliverBy);

/// <summary>
/// The rules of the post-cancer package, checked at prescription and at each act, so that an act beyond the
/// budget, the consultation cap or a window is refused with its reason — whoever records it, page or API.
/// </summary>
public static class PostCancerPackage
{
    /// <summary>
    /// Who prescribes (CSP R.1415-1-12): the physician specialised in medical oncology, radiotherapy or
    /// haematology, the specialist of the organ treated (the surgeon of that organ included), a paediatrician,
    /// or the patient's médecin traitant — another GP does not.
    /// </summary>
    public static bool MayPrescribe(Specialty specialty, bool isTreatingGp) => specialty switch
    {
        Specialty.MedicalOncology or Specialty.Radiotherapy or Specialty.Haematology => true,
        Specialty.Surgery or Specialty.Gynaecology or Specialty.Gastroenterology or Specialty.Pulmonology or Specialty.Urology
            or Specialty.Dermatology or Specialty.OtherOrganSpecialty => true,
        Specialty.Paediatrics => true,
        Specialty.GeneralPractice => isTreatingGp,
        _ => false,
    };

    /// <summary>
    /// Checks a prescription: the patient is in ALD on that day, active treatment has ended, the day falls
    /// within the window after its end, and no other package was prescribed in the year before. Throws
    /// naming the field at fault.
    /// </summary>
    public static void CheckPrescription(DateOnly prescribedOn, DateOnly today, DateOnly? endOfActiveTreatment, bool inAldOnThatDay,
        IReadOnlyCollection<DateOnly> earlierPrescriptions, PostCancerPackageLimits limits)
    {
        if (prescribedOn > today) throw new DomainValidationException("prescribedOn", "La prescription ne peut pas être datée de demain ou plus tard.");
        if (!inAldOnThatDay)
            throw new DomainValidationException("ald", "Le forfait post-cancer est réservé aux patients en affection de longue durée (ALD) : enregistrez d'abord l'ALD du patient.");
        if (endOfActiveTreatment is not { } end)
            throw new DomainValidationException("prescribedOn", "Le forfait post-cancer se prescrit après la fin des traitements actifs : la fin de traitement n'est pas enregistrée.");
        if (prescribedOn < end)
            throw new DomainValidationException("prescribedOn", $"Le forfait post-cancer se prescrit à partir de la fin des traitements actifs ({Date(end)}).");
        var last = end.AddMonths(limits.PrescriptionWindowMonths);
        if (prescribedOn > last)
            throw new DomainValidationException("prescribedOn",
                $"Le forfait post-cancer se prescrit au plus tard {limits.PrescriptionWindowMonths} mois après la fin des traitements actifs, soit le {Date(last)}.");
        // 180 EUR "par patient et par an": one package a year, whatever the structure.
        if (earlierPrescriptions.Where(e => e <= prescribedOn).Select(e => (DateOnly?)e).Max() is { } previous && prescribedOn < previous.AddYears(1))
            throw new DomainValidationException("prescribedOn",
                $"Un forfait post-cancer a déjà été prescrit le {Date(previous)} : un seul forfait par an, le suivant à partir du {Date(previous.AddYears(1))}.");
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    private static string Eur(decimal amount) => amount.ToString("0.00", French) + " EUR";

    /// <summary>The balance of a package after these acts.</summary>
    public static PackageBalance Balance(IReadOnlyCollection<PackageAct> acts, PostCancerPackageLimits limits)
    {
        var spent = acts.Sum(a => limits.Price(a.Kind));
        var consultations = acts.Count(a => a.Kind == PackageActKind.Consultation);
        var firstAssessment = acts.Where(a => a.Kind == PackageActKind.Assessment).Select(a => (DateOnly?)a.On).Min();
        return new PackageBalance(spent, Math.Max(0, limits.CeilingEur - spent), consultations, Math.Max(0, limits.MaxConsultations - consultations),
            firstAssessment?.AddMonths(limits.DeliveryMonths));
    }

    /// <summary>
    /// Checks one more act against the package: follow-up consultations only in dietetics and psychology,
    /// one assessment per discipline, a consultation only after that discipline's assessment, no act before
    /// the prescription, after the delivery deadline or in the future, at most the consultation cap, and
    /// never beyond the ceiling. Throws naming the field and the limit reached.
    /// </summary>
    public static void CheckAct(IReadOnlyCollection<PackageAct> acts, PackageAct act, DateOnly prescribedOn, DateOnly today, PostCancerPackageLimits limits)
    {
        if (act.On > today) throw new DomainValidationException("on", "Un acte ne peut pas être daté de demain ou plus tard.");
        if (act.On < prescribedOn)
            throw new DomainValidationException("on", $"Un acte du forfait ne peut précéder sa prescription ({Date(prescribedOn)}).");
        if (act.Kind == PackageActKind.Consultation && act.Discipline == PackageDiscipline.AdaptedPhysicalActivity)
            throw new DomainValidationException("discipline",
                "Les séances d'activité physique adaptée ne sont pas prises en charge par le forfait : seul le bilan l'est. Les consultations de suivi sont diététiques ou psychologiques.");
        if (act.Kind == PackageActKind.Assessment && acts.Any(a => a.Kind == PackageActKind.Assessment && a.Discipline == act.Discipline))
            throw new DomainValidationException("discipline", "Ce bilan a déjà été réalisé dans ce forfait : un seul bilan par discipline.");
        if (act.Kind == PackageActKind.Consultation && !acts.Any(a => a.Kind == PackageActKind.Assessment && a.Discipline == act.Discipline))
            throw new DomainValidationException("discipline", "Une consultation de suivi vient après le bilan de la même discipline : enregistrez d'abord le bilan.");
        var balance = Balance(acts, limits);
        if (balance.DeliverBy is { } deliverBy && act.On > deliverBy)
            throw new DomainValidationException("on",
                $"Le forfait devait être réalisé dans les {limits.DeliveryMonths} mois suivant le premier bilan, soit au plus tard le {Date(deliverBy)}.");
        if (act.Kind == PackageActKind.Consultation && balance.RemainingConsultations == 0)
            throw new DomainValidationException("kind", $"Les {limits.MaxConsultations} consultations de suivi du forfait ont toutes été réalisées.");
        if (limits.Price(act.Kind) > balance.RemainingEur)
            throw new DomainValidationException("kind",
                $"Le plafond du forfait ({Eur(limits.CeilingEur)} par an) serait dépassé : il reste {Eur(balance.RemainingEur)}, l'acte en coûte {Eur(limits.Price(act.Kind))}.");
    }
}

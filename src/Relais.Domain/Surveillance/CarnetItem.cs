using System.Security.Cryptography;

namespace Relais.Domain.Surveillance;

public enum CarnetItemStatus { Planned, Done, Cancelled }

/// <summary>
/// One dated line of a patient's Carnet de Surveillance Alternée [B]: a visit or an examination, who
/// performs it, and what became of it (planned, done with its result, cancelled). "Overdue" is not
/// stored: it is a planned item past its due date by more than the tolerance window.
/// </summary>
public sealed class CarnetItem
{
    private CarnetItem() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid EnrolmentId { get; private set; }
    public DateOnly Due { get; private set; }
    public int Month { get; private set; }
    public SurveillanceKind Kind { get; private set; }
    public Performer Performer { get; private set; }
    public CarnetItemStatus Status { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string? Result { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset? PatientRemindedAt { get; private set; }
    /// <summary>The monitoring module (code and version) the item comes from; null for the items of the site's protocol.</summary>
    public string? ModuleCode { get; private set; }
    public int? ModuleVersion { get; private set; }
    /// <summary>The continuing treatment that added the module; null for a module a genetic result added (issue 16 point 3).</summary>
    public Guid? ContinuingTreatmentId { get; private set; }

    /// <summary>Default tolerance before a planned item counts as overdue [R]; configurable.</summary>
    public const int DefaultOverdueDays = 30;

    public static CarnetItem Plan(Guid patientId, Guid enrolmentId, CarnetEntry entry, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patientId,
        EnrolmentId = enrolmentId,
        Due = entry.Due,
        Month = entry.Month,
        Kind = entry.Kind,
        Performer = entry.Performer,
        Status = CarnetItemStatus.Planned,
    };

    /// <summary>
    /// An item of a monitoring module a treatment (issue 16 point 2) or a genetic result (point 3) added, counted from the treatment's start or the result; it
    /// belongs to the patient's follow-up enrolment and says which module, and which version, it comes from.
    /// </summary>
    public static CarnetItem PlanFromModule(Guid patientId, Guid enrolmentId, SurveillanceProtocol module, Guid? treatmentId, CarnetEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!module.Definition.IsModule) throw new DomainValidationException("module", $"« {module.Code} » n'est pas un module de surveillance.");
        var item = Plan(patientId, enrolmentId, entry, now);
        item.ModuleCode = module.Code;
        item.ModuleVersion = module.Version;
        item.ContinuingTreatmentId = treatmentId;
        return item;
    }

    public bool IsOverdue(DateOnly today, int overdueDays) => Status == CarnetItemStatus.Planned && today > Due.AddDays(overdueDays);

    public void Done(DateOnly on, string? result, DateOnly today)
    {
        if (Status == CarnetItemStatus.Cancelled) throw new DomainValidationException("status", "Cet examen a été annulé.");
        if (on > today) throw new DomainValidationException("doneOn", "La date de réalisation ne peut pas être dans le futur.");
        var text = result?.Trim();
        if (text is { Length: > 2000 }) throw new DomainValidationException("result", "Le résultat est limité à 2000 caractères.");
        Status = CarnetItemStatus.Done;
        DoneOn = on;
        Result = string.IsNullOrEmpty(text) ? null : text;
    }

    public void Cancel(string? reason)
    {
        if (Status == CarnetItemStatus.Done) throw new DomainValidationException("status", "Un examen réalisé ne s'annule pas.");
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) throw new DomainValidationException("reason", "Indiquez pourquoi l'examen est annulé.");
        Status = CarnetItemStatus.Cancelled;
        CancelReason = text.Length > 500 ? text[..500] : text;
    }

    public void PatientReminded(DateTimeOffset now) => PatientRemindedAt ??= now;

    /// <summary>
    /// A new due date after a deferral (PRODUCT.md §10): still planned, reminded again a week before its new date.
    /// </summary>
    public void Reschedule(DateOnly due)
    {
        if (Status != CarnetItemStatus.Planned) throw new DomainValidationException("item", "Seul un examen prévu se reprogramme.");
        Due = due;
        PatientRemindedAt = null;
    }
}

public enum FeedOwner { Patient, GeneralPractitioner }

/// <summary>
/// A secret iCalendar address: a patient's carnet, or all the items of a GP's patients. Whoever holds
/// the URL reads the calendar, so it is long, random, shown once, and revocable.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    public Guid Id { get; private set; }
    public string Token { get; private set; } = "";
    public FeedOwner Owner { get; private set; }
    public Guid? PatientId { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool Active => RevokedAt is null;

    public static CalendarFeed ForPatient(Guid patientId, Guid by, DateTimeOffset now) => New(FeedOwner.Patient, patientId, by, now);

    public static CalendarFeed ForGeneralPractitioner(Guid gp, DateTimeOffset now) => New(FeedOwner.GeneralPractitioner, null, gp, now);

    private static CalendarFeed New(FeedOwner owner, Guid? patientId, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        Owner = owner,
        PatientId = patientId,
        CreatedBy = by,
        CreatedAt = now,
    };

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

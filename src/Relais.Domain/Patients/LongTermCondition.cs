using System.Globalization;

namespace Relais.Domain.Patients;

/// <summary>
/// The patient's admission in ALD 30 (affection de longue durée), as the health-insurance fund notified it:
/// from <see cref="From"/> to <see cref="To"/> (none: not notified). <see cref="EmergencyProtocol"/>: the
/// hospital physician drew up the care protocol in an emergency.
/// </summary>
public sealed record AldPeriod(DateOnly From, DateOnly? To, bool EmergencyProtocol);

/// <summary>
/// The rules of the ALD 30 record ([G] §1.4 "La demande d'admission en ALD 30"): the GP who is the médecin
/// traitant requests it, with the team's early information; exceptionally, in an emergency, the hospital
/// physician draws up the protocol and the admission is opened for six months, during which the GP writes
/// the new protocol that extends it. Relais reminds the GP before that expiry — or, otherwise, before the
/// end date the fund notified.
/// </summary>
public static class LongTermCondition
{
    /// <summary>[G] §1.4: an emergency protocol opens the ALD for six months.</summary>
    public const int EmergencyAdmissionMonths = 6;

    /// <summary>The GP is reminded this many days before the ALD expires: time to see the patient and write the protocol.</summary>
    public const int ReminderDaysBefore = 30;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Checks a period as entered: its end after its start, a start not years away.</summary>
    public static AldPeriod Create(DateOnly? from, DateOnly? to, bool emergencyProtocol, DateOnly today)
    {
        if (from is not { } start) throw new DomainValidationException("from", "La date d'ouverture de l'ALD est obligatoire.");
        if (start > today.AddYears(1)) throw new DomainValidationException("from", "La date d'ouverture de l'ALD est plus d'un an après aujourd'hui : vérifiez la saisie.");
        if (start < today.AddYears(-30)) throw new DomainValidationException("from", "La date d'ouverture de l'ALD est trop ancienne : vérifiez la saisie.");
        if (to is { } end && end <= start)
            throw new DomainValidationException("to", $"La fin de l'ALD doit suivre son ouverture ({start.ToString("dd/MM/yyyy", French)}).");
        if (to is { } far && far > start.AddYears(20)) throw new DomainValidationException("to", "La fin de l'ALD est plus de 20 ans après son ouverture : vérifiez la saisie.");
        return new AldPeriod(start, to, emergencyProtocol);
    }

    /// <summary>The last day the admission holds: six months for an emergency protocol (or the notified end if sooner), otherwise the notified end.</summary>
    public static DateOnly? Expires(AldPeriod period)
    {
        if (!period.EmergencyProtocol) return period.To;
        var emergencyEnd = period.From.AddMonths(EmergencyAdmissionMonths).AddDays(-1);
        return period.To is { } to && to < emergencyEnd ? to : emergencyEnd;
    }

    /// <summary>Whether the patient is in ALD on that day.</summary>
    public static bool Covers(AldPeriod period, DateOnly day) => day >= period.From && (Expires(period) is not { } end || day <= end);

    /// <summary>The day the GP is reminded to write (or renew) the protocol; none when nothing expires.</summary>
    public static DateOnly? ReminderOn(AldPeriod period) => Expires(period)?.AddDays(-ReminderDaysBefore);

    /// <summary>What the reminder asks of the GP.</summary>
    public static string ReminderText(AldPeriod period) => period.EmergencyProtocol
        ? $"L'ALD ouverte en urgence par l'hôpital expire le {Expires(period)!.Value.ToString("dd/MM/yyyy", French)} : rédigez le protocole de soins qui la prolonge."
        : $"L'ALD expire le {Expires(period)!.Value.ToString("dd/MM/yyyy", French)} : demandez son renouvellement si les soins continuent.";
}

/// <summary>One ALD 30 admission of a patient as recorded in Relais (a renewal is a new record).</summary>
public sealed class AldRecord
{
    private AldRecord() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public bool EmergencyProtocol { get; private set; }
    /// <summary>The last day the admission holds (<see cref="LongTermCondition.Expires"/>), kept so that the reminder scan reads an index.</summary>
    public DateOnly? ExpiresOn { get; private set; }
    public DateOnly? RemindOn { get; private set; }
    public DateTimeOffset? GpRemindedAt { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public AldPeriod Period => new(From, To, EmergencyProtocol);

    public static AldRecord Record(Guid patientId, DateOnly? from, DateOnly? to, bool emergencyProtocol, DateOnly today, Guid by, DateTimeOffset now)
    {
        var period = LongTermCondition.Create(from, to, emergencyProtocol, today);
        return new AldRecord
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, From = period.From, To = period.To, EmergencyProtocol = emergencyProtocol,
            ExpiresOn = LongTermCondition.Expires(period), RemindOn = LongTermCondition.ReminderOn(period), RecordedBy = by, RecordedAt = now,
        };
    }

    public void GpReminded(DateTimeOffset now) => GpRemindedAt = now;
}

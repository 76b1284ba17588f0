namespace Relais.Domain.Questionnaires;

/// <summary>
/// The numbers and opening hours of a care team's unit (configuration per team or centre): the unit's own number in
/// its opening hours, the centre's on-call number otherwise. Days are ISO (Monday first).
/// </summary>
public sealed record UnitContact(string UnitName, string UnitPhone, string OnCallPhone, IReadOnlyList<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>Whether the unit answers at <paramref name="local"/> (French wall-clock time): opening included, closing excluded.</summary>
    public bool IsOpen(DateTime local) => Days.Contains(local.DayOfWeek) && TimeOnly.FromDateTime(local) >= Opens && TimeOnly.FromDateTime(local) < Closes;
}

public enum CallKind
{
    /// <summary>The unit, in its opening hours.</summary>
    Unit,
    /// <summary>The centre's on-call number, outside them.</summary>
    OnCall,
}

/// <summary>Whom the patient calls, now: the number, and the sentence that says it.</summary>
public sealed record CallAdvice(CallKind Kind, string Number, string Text);

/// <summary>
/// Tells the patient at once whom to call, whatever the hour (issue 14, point 2): in opening hours the unit, with its
/// number; otherwise the centre's on-call number, or the 15 (SAMU) in distress. Answers are not watched around the
/// clock, so an alert never waits for the team to read it.
/// </summary>
public static class WhomToCall
{
    /// <summary>The SAMU, reached from anywhere in France at any hour.</summary>
    public const string Samu = "15";

    public static CallAdvice At(UnitContact contact, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.IsOpen(local)
            ? new CallAdvice(CallKind.Unit, contact.UnitPhone,
                $"Appelez maintenant {contact.UnitName} au {contact.UnitPhone}. En cas de détresse (difficulté à respirer, malaise, confusion), appelez le {Samu}.")
            : new CallAdvice(CallKind.OnCall, contact.OnCallPhone,
                $"Le service est fermé : appelez maintenant la permanence médicale du centre au {contact.OnCallPhone}, ou le {Samu} en cas de détresse (difficulté à respirer, malaise, confusion).");
    }
}

/// <summary>A physician's on-call shift for a centre (a per-team rota): from <see cref="Starts"/> included to <see cref="Ends"/> excluded.</summary>
public sealed class OnCallShift
{
    private OnCallShift() { }

    public Guid Id { get; private set; }
    /// <summary>The centre (organisation) whose patients the physician answers for.</summary>
    public Guid OrganisationId { get; private set; }
    public Guid PhysicianId { get; private set; }
    public DateTimeOffset Starts { get; private set; }
    public DateTimeOffset Ends { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static OnCallShift Plan(Guid organisationId, Guid physicianId, DateTimeOffset starts, DateTimeOffset ends, Guid by, DateTimeOffset now)
    {
        if (ends <= starts) throw new DomainValidationException("ends", "La garde se termine après son début.");
        if (ends - starts > TimeSpan.FromDays(14)) throw new DomainValidationException("ends", "Une garde dure au plus 14 jours.");
        return new OnCallShift { Id = Guid.CreateVersion7(now), OrganisationId = organisationId, PhysicianId = physicianId, Starts = starts, Ends = ends, CreatedBy = by, CreatedAt = now };
    }

    public bool Covers(DateTimeOffset instant) => Starts <= instant && instant < Ends;

    /// <summary>The physician on call at <paramref name="instant"/>: of overlapping shifts, the one planned last (a replacement).</summary>
    public static Guid? PhysicianAt(IEnumerable<OnCallShift> shifts, DateTimeOffset instant) =>
        shifts.Where(s => s.Covers(instant)).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(s => (Guid?)s.PhysicianId).FirstOrDefault();
}

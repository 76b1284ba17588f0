namespace Relais.Domain.Patients;

/// <summary>The part a professional plays in one patient's care team [G][P].</summary>
public enum CareTeamRole
{
    ReferringOncologist,
    OrganSpecialist,
    Surgeon,
    Radiotherapist,
    Pathologist,
    Geriatrician,
    NurseCoordinator,
    GeneralPractitioner,
    Pharmacist,
    SupportiveCare,
    TumorBoardSecretary,
    OtherPhysician,
}

/// <summary>French names of the care-team roles, as documents and screens print them.</summary>
public static class CareTeamRoleLabels
{
    public static string French(CareTeamRole role) => role switch
    {
        CareTeamRole.ReferringOncologist => "Oncologue référent",
        CareTeamRole.OrganSpecialist => "Spécialiste d'organe",
        CareTeamRole.Surgeon => "Chirurgien",
        CareTeamRole.Radiotherapist => "Radiothérapeute",
        CareTeamRole.Pathologist => "Anatomopathologiste",
        CareTeamRole.Geriatrician => "Gériatre",
        CareTeamRole.NurseCoordinator => "Infirmier(e) de coordination",
        CareTeamRole.GeneralPractitioner => "Médecin traitant",
        CareTeamRole.Pharmacist => "Pharmacien",
        CareTeamRole.SupportiveCare => "Soins de support",
        CareTeamRole.TumorBoardSecretary => "Secrétariat RCP",
        _ => "Autre médecin",
    };
}

/// <summary>
/// Membership of a professional in a patient's care team, for a period. The access rule of
/// PRODUCT.md §2 reads only these periods: membership ends, it is never deleted, so that who could
/// read the record on a given day stays answerable.
/// </summary>
public sealed class CareTeamMember
{
    private CareTeamMember() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public CareTeamRole Role { get; private set; }
    public DateOnly From { get; private set; }
    /// <summary>Last day of membership, inclusive; null while open.</summary>
    public DateOnly? To { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
    /// <summary>
    /// When a membership ended on or before today took effect: at once, at that instant, not after its last
    /// day is over (review M4: a wrongly added member kept full access until midnight).
    /// </summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public static CareTeamMember Add(Guid patientId, Guid professionalId, CareTeamRole role, DateOnly from, DateOnly? to, Guid addedBy, DateTimeOffset now)
    {
        if (to is { } end && end < from)
            throw new DomainValidationException("to", "La fin de participation ne peut pas précéder son début.");
        return new CareTeamMember
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ProfessionalId = professionalId,
            Role = role,
            From = from,
            To = to,
            AddedBy = addedBy,
            AddedAt = now,
        };
    }

    public bool IsActiveOn(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>Active now: within its days, and not ended at an instant already passed.</summary>
    public bool IsActiveNow(DateOnly today) => IsActiveOn(today) && EndedAt is null;

    /// <summary><see cref="IsActiveNow"/> as a query the database runs (the one definition the queries use).</summary>
    public static System.Linq.Expressions.Expression<Func<CareTeamMember, bool>> ActiveNow(DateOnly today) =>
        m => m.From <= today && (m.To == null || m.To >= today) && m.EndedAt == null;

    /// <summary>Concurrency token: every change adds one, and a change made from an older version is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Refuses a change made from another version than the current one (a concurrent edit).</summary>
    public void EnsureVersion(int? expected)
    {
        if (expected is { } v && v != Version) throw new StaleVersionException("version", v, Version);
    }

    /// <summary>
    /// Ends the membership after <paramref name="lastDay"/>. A last day that is today or already past takes
    /// effect at once: the member reads nothing more from this instant on.
    /// </summary>
    public void End(DateOnly lastDay, DateOnly today, DateTimeOffset now)
    {
        if (lastDay < From)
            throw new DomainValidationException("to", "La fin de participation ne peut pas précéder son début.");
        To = lastDay;
        if (lastDay <= today) EndedAt ??= now;
        Version++;
    }
}

/// <summary>The patient's objection to sharing the record with a named professional (PRODUCT.md §2).</summary>
public sealed class AccessObjection
{
    private AccessObjection() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public static AccessObjection Record(Guid patientId, Guid professionalId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PatientId = patientId,
        ProfessionalId = professionalId,
        RecordedAt = now,
    };

    public void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;
}

namespace Relais.Domain.Access;

/// <summary>The parts of a record a scoped grant may open (<see cref="Capabilities.SectionOf"/>).</summary>
[Flags]
public enum RecordSections
{
    None = 0,
    /// <summary>Identity, care team, episodes and pathway.</summary>
    Identity = 1,
    Documents = 2,
    Treatment = 4,
    Labs = 8,
    Events = 16,
    Messages = 32,
    Pathology = 64,
    TumorBoard = 128,
    PsychologicalNotes = 256,
    /// <summary>Registering the case at a meeting, without clinical writes (the tumor-board secretary).</summary>
    TumorBoardOrganisation = 512,
    /// <summary>The follow-up calendar: appointments and the carnet (a caregiver's delegation).</summary>
    Carnet = 1024,
    /// <summary>Supportive-care needs and referrals: what a provider named in a referral reads and writes back on (issue 13).</summary>
    SupportiveCare = 2048,
    /// <summary>The palliative phase: symptom plan, anticipated prescriptions and limits of treatment, HAD, caregivers (issue 13 point 6).</summary>
    Palliative = 4096,
}

/// <summary>A grant as the access rule sees it: its sections and its days, both ends included (<see cref="Until"/> null while open).</summary>
public sealed record GrantWindow(RecordSections Sections, DateOnly From, DateOnly? Until, bool Revoked)
{
    public bool Covers(DateOnly day) => !Revoked && From <= day && (Until is null || day <= Until);
}

/// <summary>
/// A scoped access to one patient's record for a professional outside the care team: who, which patient,
/// which parts, from, until, why (PRODUCT.md §2: a professional reads "named in an open referral, for its
/// scope"). A supportive-care referral grants what the patient agreed to share; the tumor-board secretary of
/// another site organises the case without clinical writes. Revoked, never deleted, so that who could read
/// what on a given day stays answerable.
/// </summary>
public sealed class AccessGrant
{
    private AccessGrant() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public RecordSections Sections { get; private set; }
    public DateOnly From { get; private set; }
    /// <summary>Last day of the grant, inclusive; null while open.</summary>
    public DateOnly? Until { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public const int MinimumReasonLength = 10;

    public static AccessGrant Grant(Guid patientId, Guid professionalId, RecordSections sections, DateOnly from, DateOnly? until, string? reason, Guid grantedBy, DateTimeOffset now)
    {
        if (sections == RecordSections.None)
            throw new DomainValidationException("sections", "Choisissez au moins une partie du dossier.");
        if (until is { } end && end < from)
            throw new DomainValidationException("until", "La fin de l'accès ne peut pas précéder son début.");
        var text = reason?.Trim() ?? "";
        if (text.Length < MinimumReasonLength)
            throw new DomainValidationException("reason", $"Le motif de l'accès est obligatoire (au moins {MinimumReasonLength} caractères).");
        if (text.Length > 1000)
            throw new DomainValidationException("reason", "Le motif est limité à 1000 caractères.");
        return new AccessGrant
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, ProfessionalId = professionalId, Sections = sections,
            From = from, Until = until, Reason = text, GrantedBy = grantedBy, GrantedAt = now,
        };
    }

    public GrantWindow Window => new(Sections, From, Until, RevokedAt is not null);

    public void Revoke(Guid by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
            throw new DomainValidationException("grant", "Cet accès est déjà révoqué.");
        RevokedBy = by;
        RevokedAt = now;
    }
}

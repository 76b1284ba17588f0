namespace Relais.Domain.Access;

/// <summary>
/// Emergency access outside the care team ("bris de glace"): a written reason, a limited duration,
/// flagged for review and shown to the patient (PRODUCT.md §2).
/// </summary>
public sealed class BreakGlassGrant
{
    private BreakGlassGrant() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid ProfessionalId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewNote { get; private set; }

    public const int MinimumReasonLength = 15;

    public static BreakGlassGrant Open(Guid patientId, Guid professionalId, string? reason, DateTimeOffset now)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinimumReasonLength)
            throw new DomainValidationException("reason", $"Le motif de l'accès d'urgence doit être rédigé (au moins {MinimumReasonLength} caractères).");
        if (text.Length > 1000)
            throw new DomainValidationException("reason", "Le motif est limité à 1000 caractères.");
        return new BreakGlassGrant
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            ProfessionalId = professionalId,
            Reason = text,
            GrantedAt = now,
            ExpiresAt = now + AccessRule.BreakGlassDuration,
        };
    }

    public BreakGlassWindow Window => new(GrantedAt, ExpiresAt);

    public void Review(Guid reviewer, string? note, DateTimeOffset now)
    {
        if (ReviewedAt is not null)
            throw new DomainValidationException("review", "Cet accès d'urgence a déjà été revu.");
        ReviewedBy = reviewer;
        ReviewedAt = now;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

using Relais.Domain.Access;

namespace Relais.Domain.SupportiveCare;

/// <summary>The life of a referral to supportive care ([L]: proposed, accepted, in progress, completed, declined, renounced with a reason).</summary>
public enum ReferralStatus { Proposed, Accepted, InProgress, Completed, Declined, Renounced }

/// <summary>Why the patient renounced ([L]: 19% of those oriented gave up for financial or geographic reasons; waiting time and health too).</summary>
public enum RenunciationReason { Financial, Distance, WaitingTime, Health, Other }

/// <summary>What the provider writes back on a referral (no inverted circuit [L]).</summary>
public enum ReferralEntryKind { FirstContact, Session, Report }

/// <summary>
/// The referral state machine ([L] statuses): proposed → accepted → in progress → completed; a proposed referral
/// may be declined by the provider; the patient may renounce at any step before completion. Terminal: completed,
/// declined, renounced.
/// </summary>
public static class ReferralTransitions
{
    public static bool IsTerminal(ReferralStatus status) => status is ReferralStatus.Completed or ReferralStatus.Declined or ReferralStatus.Renounced;

    public static bool Allowed(ReferralStatus from, ReferralStatus to) => (from, to) switch
    {
        (ReferralStatus.Proposed, ReferralStatus.Accepted or ReferralStatus.Declined or ReferralStatus.Renounced) => true,
        (ReferralStatus.Accepted, ReferralStatus.InProgress or ReferralStatus.Renounced) => true,
        (ReferralStatus.InProgress, ReferralStatus.Completed or ReferralStatus.Renounced) => true,
        _ => false,
    };
}

/// <summary>
/// A need turned into a referral to a provider of the directory ([L]: the prescription goes straight to the
/// provider). The provider's members read the record through a scoped grant of <see cref="SharedSections"/> — what
/// the patient agreed to share — and write back first contact, sessions and report.
/// </summary>
public sealed class SupportiveReferral
{
    private readonly List<ReferralEntry> entries = [];

    private SupportiveReferral() { }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid? NeedId { get; private set; }
    public SupportiveService Service { get; private set; }
    public Guid ProviderId { get; private set; }
    public string? Note { get; private set; }
    public RecordSections SharedSections { get; private set; }
    public ReferralStatus Status { get; private set; }
    public RenunciationReason? Reason { get; private set; }
    public string? StatusNote { get; private set; }
    public Guid ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateOnly? FirstContactOn { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ReferralEntry> Entries => entries;

    /// <summary>What a referral always opens to the provider: the patient's identity (to contact them) and this section.</summary>
    public const RecordSections MinimumSections = RecordSections.Identity | RecordSections.SupportiveCare;

    public static SupportiveReferral Propose(Guid patientId, SupportiveNeed? need, SupportiveService service, SupportiveCareProvider provider, string? note,
        RecordSections shared, Guid by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!provider.Active) throw new DomainValidationException("providerId", "Ce prestataire n'est plus actif dans l'annuaire.");
        if (!provider.Offers(service)) throw new DomainValidationException("service", $"{provider.Name} ne propose pas ce service.");
        if (need is not null && need.PatientId != patientId) throw new DomainValidationException("need", "Ce besoin n'est pas celui de ce patient.");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > 2000 }) throw new DomainValidationException("note", "La note est limitée à 2000 caractères.");
        return new SupportiveReferral
        {
            Id = Guid.CreateVersion7(now), PatientId = patientId, NeedId = need?.Id, Service = service, ProviderId = provider.Id, Note = text,
            SharedSections = shared | MinimumSections, Status = ReferralStatus.Proposed, ProposedBy = by, ProposedAt = now, StatusChangedAt = now,
        };
    }

    /// <summary>Moves the referral on; renouncing requires its reason ([L]), "other" a note saying which.</summary>
    public void MoveTo(ReferralStatus to, RenunciationReason? reason, string? note, DateTimeOffset now)
    {
        if (!ReferralTransitions.Allowed(Status, to))
            throw new DomainValidationException("status", $"Une orientation « {EnumCodes.Code(Status)} » ne peut pas passer à « {EnumCodes.Code(to)} ».");
        if (to == ReferralStatus.Renounced && reason is null)
            throw new DomainValidationException("reason", "Indiquez pourquoi le patient renonce : financial, distance, waiting-time, health ou other.");
        if (to != ReferralStatus.Renounced && reason is not null)
            throw new DomainValidationException("reason", "Un motif ne s'indique que pour un renoncement.");
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (reason == RenunciationReason.Other && text is null)
            throw new DomainValidationException("note", "Précisez le motif du renoncement.");
        if (text is { Length: > 1000 }) throw new DomainValidationException("note", "La note est limitée à 1000 caractères.");
        Status = to;
        Reason = reason;
        StatusNote = text;
        StatusChangedAt = now;
        Version++;
    }

    /// <summary>
    /// The provider writes back. The first contact accepts a proposed referral; a session puts it in progress; the
    /// report completes it. Nothing is written on a closed referral.
    /// </summary>
    public ReferralEntry Write(ReferralEntryKind kind, DateOnly on, string? text, Guid by, DateOnly today, DateTimeOffset now)
    {
        if (ReferralTransitions.IsTerminal(Status)) throw new DomainValidationException("status", "Cette orientation est close.");
        if (on > today) throw new DomainValidationException("on", "La date ne peut pas être dans le futur.");
        if (on < DateOnly.FromDateTime(ProposedAt.UtcDateTime).AddDays(-1)) throw new DomainValidationException("on", "La date précède l'orientation.");
        var body = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (body is { Length: > 4000 }) throw new DomainValidationException("text", "Le texte est limité à 4000 caractères.");
        if (kind == ReferralEntryKind.Report && body is null) throw new DomainValidationException("text", "Le compte rendu est obligatoire.");
        if (kind != ReferralEntryKind.FirstContact && FirstContactOn is null)
            throw new DomainValidationException("kind", "Enregistrez d'abord le premier contact.");
        if (kind == ReferralEntryKind.FirstContact)
        {
            if (FirstContactOn is not null) throw new DomainValidationException("kind", "Le premier contact est déjà enregistré.");
            FirstContactOn = on;
            if (Status == ReferralStatus.Proposed) MoveTo(ReferralStatus.Accepted, null, null, now);
        }
        if (kind == ReferralEntryKind.Session && Status == ReferralStatus.Accepted) MoveTo(ReferralStatus.InProgress, null, null, now);
        if (kind == ReferralEntryKind.Report)
        {
            if (Status == ReferralStatus.Accepted) MoveTo(ReferralStatus.InProgress, null, null, now);
            MoveTo(ReferralStatus.Completed, null, null, now);
        }
        var entry = new ReferralEntry(Id, PatientId, kind, on, body, by, now);
        entries.Add(entry);
        Version++;
        return entry;
    }
}

/// <summary>One thing the provider wrote back on a referral.</summary>
public sealed class ReferralEntry
{
    private ReferralEntry() { }

    internal ReferralEntry(Guid referralId, Guid patientId, ReferralEntryKind kind, DateOnly on, string? text, Guid by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ReferralId = referralId;
        PatientId = patientId;
        Kind = kind;
        On = on;
        Text = text;
        WrittenBy = by;
        WrittenAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    /// <summary>The referral's patient: every clinical row carries it (the distribution key of docs/scale-out.md).</summary>
    public Guid PatientId { get; private set; }
    public ReferralEntryKind Kind { get; private set; }
    public DateOnly On { get; private set; }
    public string? Text { get; private set; }
    public Guid WrittenBy { get; private set; }
    public DateTimeOffset WrittenAt { get; private set; }
}

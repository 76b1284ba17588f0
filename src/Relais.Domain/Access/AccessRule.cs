namespace Relais.Domain.Access;

public enum AccessKind
{
    Read,
    Write,
}

public enum AccessorKind
{
    Professional,
    Patient,
    TrustedPerson,
    /// <summary>A caregiver with a delegation of the patient (<see cref="PortalDelegation"/>).</summary>
    Caregiver,
    QualityCoordinator,
    Administrator,
}

/// <summary>Why access was granted; <see cref="None"/> when it was denied.</summary>
public enum AccessBasis
{
    None,
    CareTeam,
    Self,
    BreakGlass,
    /// <summary>A scoped grant (<see cref="AccessGrant"/>): only its sections.</summary>
    Grant,
}

/// <summary>
/// A membership of the patient's care team, both ends included (<see cref="To"/> null while open), unless it
/// was ended at an instant (<see cref="EndedAt"/>): a removal takes effect at once, not at midnight (review M4).
/// </summary>
public sealed record CareTeamPeriod(DateOnly From, DateOnly? To, DateTimeOffset? EndedAt = null)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    public bool CoversNow(DateOnly today, DateTimeOffset now) => Covers(today) && (EndedAt is null || now < EndedAt);
}

/// <summary>An emergency access outside the team; <see cref="ExpiresAt"/> is excluded.</summary>
public sealed record BreakGlassWindow(DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt)
{
    public bool IsActiveAt(DateTimeOffset instant) => GrantedAt <= instant && instant < ExpiresAt;
}

/// <summary>
/// Who asks to read or write one patient's record. <paramref name="IsThePatient"/> says whether
/// the accessor is that patient; <paramref name="Memberships"/> and <paramref name="BreakGlass"/>
/// are the accessor's own periods and grants for this patient; <paramref name="HasObjection"/>
/// says the patient objected to sharing with this accessor; <paramref name="Grants"/> are the accessor's
/// scoped grants on this record.
/// </summary>
public sealed record AccessRequest(
    AccessorKind Accessor,
    AccessKind Kind,
    bool IsThePatient,
    IReadOnlyList<CareTeamPeriod> Memberships,
    bool HasObjection,
    IReadOnlyList<BreakGlassWindow> BreakGlass,
    IReadOnlyList<GrantWindow>? Grants = null);

/// <summary>
/// <paramref name="Reason"/> is a short stable code written to the audit row; <paramref name="Sections"/>
/// are the parts a scoped grant opens (null: the whole record, as the capabilities allow).
/// </summary>
public sealed record AccessDecision(bool Granted, AccessBasis Basis, string Reason, RecordSections? Sections = null)
{
    public static AccessDecision Denied(string reason) => new(false, AccessBasis.None, reason);
}

/// <summary>
/// The one place that decides whether someone may read or write a patient's nominative record
/// (PRODUCT.md §2). Every decision, granted or denied, is audited by the caller.
/// </summary>
public static class AccessRule
{
    /// <summary>
    /// How long an emergency access outside the team lasts. Break-the-glass "requires a reason
    /// and is flagged for review" (PRODUCT.md §2); a few hours cover an emergency or on-call
    /// shift without leaving a standing access [R].
    /// </summary>
    public static readonly TimeSpan BreakGlassDuration = TimeSpan.FromHours(4);

    /// <summary>The reason of a write refused under break-the-glass.</summary>
    public const string BreakGlassReadOnly = "break-glass-read-only";

    public static AccessDecision Decide(AccessRequest request, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Accessor switch
        {
            // PRODUCT.md §2: quality coordinators see aggregate indicators only, and
            // administrators never see clinical content without a care relationship.
            AccessorKind.QualityCoordinator or AccessorKind.Administrator => AccessDecision.Denied("no-nominative-access"),
            AccessorKind.Patient => DecideForPatient(request),
            // PRODUCT.md §2: a trusted person sees "what the patient grants"; until the patient
            // grants a scope, nothing.
            AccessorKind.TrustedPerson => AccessDecision.Denied("not-granted"),
            AccessorKind.Caregiver => DecideForCaregiver(request, today),
            AccessorKind.Professional => DecideForProfessional(request, today, now),
            _ => AccessDecision.Denied("unknown-accessor"),
        };
    }

    private static AccessDecision DecideForPatient(AccessRequest request)
    {
        if (!request.IsThePatient)
        {
            return AccessDecision.Denied("not-the-patient");
        }

        // The patient sees their own record and reports symptoms through their own forms;
        // the clinical record itself is written by professionals.
        return request.Kind == AccessKind.Read
            ? new AccessDecision(true, AccessBasis.Self, "self")
            : AccessDecision.Denied("patient-read-only");
    }

    /// <summary>
    /// A caregiver sees what the patient delegated (PRODUCT.md §2 "what the patient grants"): the sections of their
    /// delegations open today, read only as the patient's portal is — the messages they write go through the read
    /// right, as the patient's do. No delegation, or only revoked or ended ones: the answer of a missing record.
    /// </summary>
    private static AccessDecision DecideForCaregiver(AccessRequest request, DateOnly today)
    {
        var sections = (request.Grants ?? []).Where(g => g.Covers(today)).Aggregate(RecordSections.None, (all, g) => all | g.Sections);
        if (sections == RecordSections.None) return AccessDecision.Denied("not-granted");
        return request.Kind == AccessKind.Read
            ? new AccessDecision(true, AccessBasis.Grant, "delegation", sections)
            : AccessDecision.Denied("caregiver-read-only");
    }

    private static AccessDecision DecideForProfessional(AccessRequest request, DateOnly today, DateTimeOffset now)
    {
        // PRODUCT.md §2: "the patient can object to sharing with a given professional"; the
        // objection outranks team membership and emergency access alike [B]: sharing only
        // "avec l'accord du patient".
        if (request.HasObjection)
        {
            return AccessDecision.Denied("objection");
        }

        if (request.Memberships.Any(period => period.CoversNow(today, now)))
        {
            return new AccessDecision(true, AccessBasis.CareTeam, "care-team");
        }

        // Break the glass to read in an emergency (the whole record: an emergency is not scoped), never to
        // change the record of a patient one does not treat (issue 11: an outsider erased the declared GP and
        // the trusted person with one PUT).
        var breakGlass = request.BreakGlass.Any(window => window.IsActiveAt(now));
        if (breakGlass && request.Kind == AccessKind.Read)
        {
            return new AccessDecision(true, AccessBasis.BreakGlass, "break-glass");
        }

        // A scoped grant opens its sections, no more (PRODUCT.md §2: "named in an open referral, for its
        // scope"); whether an act falls in them is Opens' question.
        var sections = (request.Grants ?? []).Where(g => g.Covers(today)).Aggregate(RecordSections.None, (all, g) => all | g.Sections);
        if (sections != RecordSections.None)
        {
            return new AccessDecision(true, AccessBasis.Grant, "grant", sections);
        }

        if (breakGlass)
        {
            return AccessDecision.Denied(BreakGlassReadOnly);
        }

        return AccessDecision.Denied("not-in-team");
    }

    /// <summary>
    /// Whether an access already granted opens this capability: a break-glass access only reads, a scoped
    /// grant only its sections; the care team and the patient as the capability table says.
    /// </summary>
    public static bool Opens(AccessDecision decision, Capability capability)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Basis switch
        {
            AccessBasis.None => false,
            AccessBasis.BreakGlass => Capabilities.IsRead(capability),
            AccessBasis.Grant => Capabilities.SectionOf(capability) is { } section && (decision.Sections ?? RecordSections.None).HasFlag(section),
            _ => true,
        };
    }
}

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
}

/// <summary>A membership of the patient's care team, both ends included (<see cref="To"/> null while open).</summary>
public sealed record CareTeamPeriod(DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);
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
/// says the patient objected to sharing with this accessor.
/// </summary>
public sealed record AccessRequest(
    AccessorKind Accessor,
    AccessKind Kind,
    bool IsThePatient,
    IReadOnlyList<CareTeamPeriod> Memberships,
    bool HasObjection,
    IReadOnlyList<BreakGlassWindow> BreakGlass);

/// <summary><paramref name="Reason"/> is a short stable code written to the audit row.</summary>
public sealed record AccessDecision(bool Granted, AccessBasis Basis, string Reason)
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

    private static AccessDecision DecideForProfessional(AccessRequest request, DateOnly today, DateTimeOffset now)
    {
        // PRODUCT.md §2: "the patient can object to sharing with a given professional"; the
        // objection outranks team membership and emergency access alike [B]: sharing only
        // "avec l'accord du patient".
        if (request.HasObjection)
        {
            return AccessDecision.Denied("objection");
        }

        if (request.Memberships.Any(period => period.Covers(today)))
        {
            return new AccessDecision(true, AccessBasis.CareTeam, "care-team");
        }

        if (request.BreakGlass.Any(window => window.IsActiveAt(now)))
        {
            return new AccessDecision(true, AccessBasis.BreakGlass, "break-glass");
        }

        return AccessDecision.Denied("not-in-team");
    }
}

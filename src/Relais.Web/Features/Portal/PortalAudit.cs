using Relais.Domain.Audit;
using Relais.Web.Features.Access;

namespace Relais.Web.Features.Portal;

/// <summary>
/// The audited events of the patient's portal and of the caregivers' delegations (issue 11: "the record keeps who,
/// when, what"). Unlike the professional account events, each row names the patient it concerns.
/// </summary>
public static class PortalAudit
{
    public const string Opened = "portal-account-opened";
    public const string Reinvited = "portal-account-reinvited";
    public const string ActivationRefused = "portal-activation-refused";
    public const string Activated = "portal-account-activated";
    public const string Delegated = "caregiver-delegated";
    public const string DelegationRevoked = "caregiver-delegation-revoked";

    public static AuditEntry Entry(DateTimeOffset now, Guid? actorId, string? actorRole, Guid patientId, string action, string resource, string detail) =>
        AuditEntry.Create(now, actorId, actorRole, patientId, action, resource, AuditOutcomes.Allowed, detail);
}

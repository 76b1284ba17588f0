using Relais.Domain;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>The patient record of a patient's own account, resolved from the session, never from the request.</summary>
public static class OwnRecord
{
    public static Guid Of(CurrentUser user) =>
        user.OwnPatientId ?? throw new DomainValidationException("patient", "Ce compte n'est relié à aucun dossier patient.");
}

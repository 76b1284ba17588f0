using Relais.Domain.Coordination;
using Relais.Domain.Documents;
using Relais.Web.Features.Coordination.Documents;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Delegates to <see cref="SignDocument"/> for the page of another feature that still calls it
/// (PatientView); to be removed once it calls the use case itself.
/// </summary>
public sealed class CoordinationCommands(SignDocument sign)
{
    public async Task<(Document? Document, Transmission? Transmission)> SignAsync(CurrentUser user, Guid patientId, Guid documentId, CancellationToken ct) =>
        await sign.HandleAsync(user, patientId, documentId, ct) is { } signed ? (signed.Document, signed.Transmission) : (null, null);
}

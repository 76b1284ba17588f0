using Relais.Web.Features.Coordination.Documents;
using Relais.Web.Features.Coordination.Inbox;
using Relais.Web.Features.Coordination.Transmissions;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination;

/// <summary>
/// Delegates to the coordination queries for the pages of other features that still call it
/// (Home, PatientView); to be removed once they call the queries themselves.
/// </summary>
public sealed class CoordinationReader(DocumentsQuery documents, TransmissionsQuery transmissions, InboxQuery inbox)
{
    public Task<IReadOnlyList<DocumentDto>> DocumentsAsync(Guid patientId, CancellationToken ct) => documents.ListAsync(patientId, ct);

    public Task<IReadOnlyList<TransmissionDto>> TransmissionsAsync(Guid patientId, CancellationToken ct) => transmissions.ListAsync(patientId, ct);

    public Task<InboxPage> InboxAsync(CurrentUser user, InboxFilter filter, int page, int pageSize, CancellationToken ct) =>
        inbox.HandleAsync(user, filter, page, pageSize, ct);
}

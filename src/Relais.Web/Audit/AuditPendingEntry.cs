namespace Relais.Web.Audit;

/// <summary>
/// The sealer's queue: one row per audit row not yet sealed, inserted by the database itself (a trigger on
/// <c>AuditEntries</c>, so that no way of writing an audit row escapes it) in the transaction of the row, and deleted by
/// the sealer in the transaction that inserts the row's seal. Every audit row is therefore pending or sealed, never
/// neither: the verification reports a row that is (<see cref="AuditChainService.VerifyAsync"/>).
/// </summary>
public sealed class AuditPendingEntry
{
    private AuditPendingEntry() { }

    public long EntryId { get; private set; }
    public Guid? PatientId { get; private set; }
}

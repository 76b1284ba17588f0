using Microsoft.EntityFrameworkCore;
using Relais.Domain.Messaging;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Messages;

/// <summary>Moves the user's read mark on a patient's threads: what was sent up to then is no longer new to them.</summary>
public sealed class MarkThreadRead(RelaisDb db)
{
    public async Task HandleAsync(CurrentUser user, Guid patientId, IEnumerable<ThreadKind> threads, DateTimeOffset upTo, CancellationToken ct)
    {
        foreach (var thread in threads) await MarkAsync(user, patientId, thread, upTo, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the mark in the caller's unit of work, without saving (for <see cref="PostMessage"/>).</summary>
    internal async Task MarkAsync(CurrentUser user, Guid patientId, ThreadKind thread, DateTimeOffset upTo, CancellationToken ct)
    {
        var mark = await db.ThreadReadMarks.FirstOrDefaultAsync(m => m.UserId == user.Id && m.PatientId == patientId && m.Thread == thread, ct);
        if (mark is null) db.ThreadReadMarks.Add(ThreadReadMark.Create(patientId, thread, user.Id, upTo));
        else mark.MoveTo(upTo);
    }
}

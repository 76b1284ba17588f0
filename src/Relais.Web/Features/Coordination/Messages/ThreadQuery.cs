using Microsoft.EntityFrameworkCore;
using Relais.Domain.Messaging;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Coordination.Messages;

public sealed record MessageDto(Guid Id, ThreadKind Thread, string Author, Guid AuthorId, string Body, DateTimeOffset SentAt, bool Unread);

/// <summary>One of a patient's threads, oldest first, each message marked unread for this reader until they open the thread. Access was checked by the caller.</summary>
public sealed class ThreadQuery(RelaisDb db)
{
    public async Task<IReadOnlyList<MessageDto>> HandleAsync(CurrentUser user, Guid patientId, ThreadKind thread, CancellationToken ct)
    {
        var readUpTo = await db.ThreadReadMarks.AsNoTracking().Where(m => m.UserId == user.Id && m.PatientId == patientId && m.Thread == thread)
            .Select(m => (DateTimeOffset?)m.ReadUpTo).FirstOrDefaultAsync(ct);
        var rows = await (from m in db.ThreadMessages.AsNoTracking()
                          join u in db.Users on m.AuthorId equals u.Id
                          where m.PatientId == patientId && m.Thread == thread
                          orderby m.SentAt
                          select new { m, u.FirstName, u.LastName })
            .ToListAsync(ct);
        return rows.Select(x => new MessageDto(x.m.Id, x.m.Thread, RelaisUser.NameOf(x.FirstName, x.LastName), x.m.AuthorId, x.m.Body, x.m.SentAt,
            x.m.AuthorId != user.Id && (readUpTo is null || x.m.SentAt > readUpTo))).ToList();
    }
}

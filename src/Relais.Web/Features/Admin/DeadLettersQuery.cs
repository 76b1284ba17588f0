using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Messaging;

namespace Relais.Web.Features.Admin;

public sealed record DeadLetterDto(Guid Id, string ToAddress, string? Obligation, int Attempts, DateTimeOffset CreatedAt, string? LastError);

/// <summary>The e-mails the dispatcher gave up on, newest first: addresses and errors only, no clinical content.</summary>
public sealed class DeadLettersQuery(RelaisDb db)
{
    /// <summary>The most recent ones; <see cref="CountAsync"/> says how many there are in all.</summary>
    public const int MaxItems = 200;

    public async Task<IReadOnlyList<DeadLetterDto>> HandleAsync(CancellationToken ct) =>
        await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.DeadLetter).OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(MaxItems)
            .Select(m => new DeadLetterDto(m.Id, m.ToAddress, m.ObligationCode, m.Attempts, m.CreatedAt, m.LastError)).ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct) => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.DeadLetter, ct);
}

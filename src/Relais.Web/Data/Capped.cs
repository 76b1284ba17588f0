using Microsoft.EntityFrameworkCore;

namespace Relais.Web.Data;

/// <summary>
/// A list shown up to a named cap together with the count of everything that matched, so that a long list
/// says "only the first N of M" (Kit <c>MoreThanShown</c>) instead of being cut silently.
/// </summary>
public sealed record Capped<T>(IReadOnlyList<T> Items, int Total)
{
    public bool IsComplete => Items.Count == Total;
}

public static class CappedQueries
{
    /// <summary>The header by which an API list that keeps its plain-array shape says how many rows there are in all.</summary>
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>Returns the list's rows and tells the API client their total in <see cref="TotalCountHeader"/>.</summary>
    public static IReadOnlyList<T> WithTotalCount<T>(this HttpResponse response, Capped<T> capped)
    {
        response.Headers[TotalCountHeader] = capped.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return capped.Items;
    }

    /// <summary>The first <paramref name="max"/> rows of an ordered query; the count is asked only when the cap is reached.</summary>
    public static async Task<Capped<T>> ToCappedAsync<T>(this IQueryable<T> ordered, int max, CancellationToken ct)
    {
        var items = await ordered.Take(max).ToListAsync(ct);
        return new(items, items.Count < max ? items.Count : await ordered.CountAsync(ct));
    }

    /// <summary>
    /// For a rule that cannot run in SQL: reads the ordered query batch by batch, keeps what
    /// <paramref name="keep"/> returns for each batch, and stops at nothing short of the end, so the first
    /// <paramref name="max"/> kept rows are the first in order and the total counts every kept row.
    /// Taking a fixed number of rows and filtering them afterwards would drop matches lying further on.
    /// </summary>
    public static async Task<Capped<TOut>> FilterInBatchesAsync<T, TOut>(this IQueryable<T> ordered, int max,
        Func<List<T>, CancellationToken, Task<IEnumerable<TOut>>> keep, CancellationToken ct, int batchSize = 500)
    {
        var items = new List<TOut>();
        var total = 0;
        for (var skip = 0; ; skip += batchSize)
        {
            var batch = await ordered.Skip(skip).Take(batchSize).ToListAsync(ct);
            foreach (var kept in await keep(batch, ct))
            {
                if (items.Count < max) items.Add(kept);
                total++;
            }
            if (batch.Count < batchSize) return new(items, total);
        }
    }
}

public static class KeyPaging
{
    /// <summary>
    /// The ids of one page of a worklist's keys, read in one pass over the access rule's patients and ordered in the app (the
    /// same keys give the total): the page's rows are then read by id. Counting and paging in SQL probed every patient twice.
    /// </summary>
    public static List<Guid> PageIds<T>(this IOrderedEnumerable<T> ordered, int page, int pageSize, Func<T, Guid> id) =>
        ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(id).ToList();
}

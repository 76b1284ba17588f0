using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>
/// Every patient a list or a worklist shows is an audited read (SECURITY.md promise 3, review M5): "who accessed my
/// record" includes the professionals who saw the patient's name on their inbox, worklist or meeting. One row per
/// patient shown, added together and committed by one SaveChanges (one batch), so a page of 50 costs one round trip.
/// </summary>
public sealed class ListAudit(RelaisDb db, Clock clock)
{
    private readonly HashSet<Guid> recorded = [];

    /// <summary>
    /// The patients this instance (one per request) audited as listed in one INSERT, which the unit of work does not track:
    /// the list audits of the API and of the pages leave them out, as they do the rows tracked (<see cref="PageListAudit.ListedAlready"/>).
    /// </summary>
    public IReadOnlyCollection<Guid> Recorded => recorded;

    /// <summary>
    /// Runs the rest of the pipeline into a buffer and gives the response its own stream back, so that a list
    /// audit reads what was answered (the API's JSON, a page's HTML) before it leaves. The caller sends the buffer.
    /// </summary>
    internal static async Task<MemoryStream> RenderBufferedAsync(HttpContext http, RequestDelegate next)
    {
        var original = http.Response.Body;
        var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        return buffer;
    }

    /// <summary>Adds the rows to the caller's unit of work, for a use case that commits them with its own SaveChanges.</summary>
    public int Add(Guid? actorId, string? actorRole, IEnumerable<Guid> patientIds, string resource)
    {
        var now = clock.Now;
        var rows = patientIds.Distinct().Select(id => AuditEntry.Create(now, actorId, actorRole, id, AuditActions.List, resource, AuditOutcomes.Allowed)).ToList();
        db.AuditEntries.AddRange(rows);
        return rows.Count;
    }

    public async Task RecordAsync(CurrentUser user, IEnumerable<Guid> patientIds, string resource, CancellationToken ct)
    {
        var ids = patientIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        // On PostgreSQL, the rows of a list in one INSERT over the array of patients: the same rows as one INSERT each, which
        // cost ~20 µs of database time and as much of the app's each (a worklist of 224 patients paid 224 of them). Only when
        // the unit of work holds nothing else, so that what it commits stays what SaveChanges would have committed.
        if (db.IsPostgres && !db.ChangeTracker.HasChanges())
        {
            var at = AuditEntry.Create(clock.Now, user.Id, user.PrimaryRole, null, AuditActions.List, resource, AuditOutcomes.Allowed).At;
            var role = user.PrimaryRole;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEntries" ("Action", "ActorId", "ActorRole", "At", "Outcome", "PatientId", "Resource")
                SELECT {AuditActions.List}, {user.Id}, {role}, {at}, {AuditOutcomes.Allowed}, p.id, {resource}
                FROM unnest({ids}::uuid[]) WITH ORDINALITY AS p(id, n) ORDER BY p.n
                """, ct);
            recorded.UnionWith(ids);
            return;
        }
        if (Add(user.Id, user.PrimaryRole, ids, resource) > 0) await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Marks an endpoint whose use case already audits each patient it shows (the patient search, the identity-vigilance
/// worklist), so that <see cref="ListReadAudit"/> does not audit them twice.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditsEachPatientShownAttribute : Attribute;

/// <summary>
/// The API's lists audited whatever endpoint serves them, the ones added later included: a signed-in GET under
/// <c>/api</c> that names no patient in its route and answers JSON has every <c>patientId</c> of its answer audited
/// as shown (<see cref="ListAudit"/>), before the answer leaves, unless the request's use case audited them already. A
/// route naming a patient is audited by the access rule already.
/// </summary>
public static class ListReadAudit
{
    public static IApplicationBuilder UseListReadAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (!HttpMethods.IsGet(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api") || endpoint is null
            || endpoint.Metadata.GetMetadata<PatientScopedAttribute>() is not null || endpoint.Metadata.GetMetadata<AuditsEachPatientShownAttribute>() is not null
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        using var buffer = await ListAudit.RenderBufferedAsync(http, next);
        if (http.Response.StatusCode == StatusCodes.Status200OK && http.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && buffer.Length > 0)
        {
            var shown = new HashSet<Guid>();
            using (var json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)))
                Collect(json.RootElement, shown);
            if (shown.Count > 0 && CurrentUser.From(http.User) is { } user)
            {
                // A use case that audits its own list (the worklists, whose pages share it) has done so in this request.
                shown.ExceptWith(PageListAudit.ListedAlready(http.RequestServices.GetRequiredService<RelaisDb>(), user.Id));
                var audit = http.RequestServices.GetRequiredService<ListAudit>();
                shown.ExceptWith(audit.Recorded);
                await audit.RecordAsync(user, shown, $"GET {http.Request.Path}", http.RequestAborted);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    });

    private static void Collect(JsonElement element, HashSet<Guid> shown)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("patientId") && property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetGuid(out var id)) shown.Add(id);
                    else Collect(property.Value, shown);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, shown);
                break;
        }
    }
}

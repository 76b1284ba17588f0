using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Relais.Domain.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Access;

/// <summary>
/// The pages' lists audited whatever page shows them, as <see cref="ListReadAudit"/> does for the API (SECURITY.md
/// promise 3, review M5): every patient a page links to — a list, a worklist, a home panel, a tumor-board agenda,
/// a search names each patient by a link to the record, <c>/patients/{id}</c> — is an audited read, one row per
/// patient in one batch when the page has been rendered. A page about one patient ([PatientScoped]) is audited by the
/// access rule already; a patient read by a use case that audits its own list (the search, the worklists) in the same
/// request is not audited twice.
/// </summary>
public static partial class PageListAudit
{
    public static IApplicationBuilder UsePageListAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var endpoint = http.GetEndpoint();
        if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsPost(http.Request.Method)) || endpoint is null
            || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null || endpoint.Metadata.GetMetadata<PatientScopedAttribute>() is not null
            || http.User.Identity?.IsAuthenticated != true || CurrentUser.From(http.User) is not { } user)
        {
            await next(http);
            return;
        }
        var original = http.Response.Body;
        using var buffer = await ListAudit.RenderBufferedAsync(http, next);
        if (http.Response.StatusCode == StatusCodes.Status200OK && http.Response.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true && buffer.Length > 0)
        {
            var shown = PatientsLinkedFrom(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            // A patient's own record, linked from their portal, is not a read by someone else.
            if (user.OwnPatientId is { } own) shown.Remove(own);
            var db = http.RequestServices.GetRequiredService<RelaisDb>();
            shown.ExceptWith(ListedAlready(db, user.Id));
            shown.ExceptWith(http.RequestServices.GetRequiredService<ListAudit>().Recorded);
            if (shown.Count > 0)
            {
                // A unit of work of its own: whatever a page's form left unsaved in the request's (a refused input) is not committed with it.
                await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ListAudit>().RecordAsync(user, shown, $"{http.Request.Method} {http.Request.Path}", http.RequestAborted);
            }
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    });

    /// <summary>The patients a rendered page links to (a record's pages, and the API's documents of a record).</summary>
    public static HashSet<Guid> PatientsLinkedFrom(string html)
    {
        var shown = new HashSet<Guid>();
        foreach (Match m in PatientLink().Matches(html))
            if (Guid.TryParse(m.Groups[1].ValueSpan, out var id)) shown.Add(id);
        return shown;
    }

    /// <summary>The patients this request's use cases have already audited as listed by this user.</summary>
    internal static List<Guid> ListedAlready(RelaisDb db, Guid actorId) =>
        db.ChangeTracker.Entries<AuditEntry>()
            .Select(e => e.Entity)
            .Where(a => a.ActorId == actorId && a.Action == AuditActions.List && a.PatientId is not null)
            .Select(a => a.PatientId!.Value)
            .ToList();

    [GeneratedRegex(@"/patients/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})", RegexOptions.CultureInvariant)]
    private static partial Regex PatientLink();
}

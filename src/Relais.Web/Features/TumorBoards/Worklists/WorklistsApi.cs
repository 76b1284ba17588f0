using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.TumorBoards.Worklists;

public static class WorklistsApi
{
    public static IEndpointRouteBuilder MapWorklists(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/worklists/rcp", Rcp)
            .WithTags("RCP").RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .WithSummary("Listes de travail RCP : G8 attendus, réunions sans quorum, PPS non remis, annonces incomplètes.")
            .DeclareNoPatientData("worklists limited to the patients the access rule lets the caller see");
        return app;
    }

    private static async Task<Ok<RcpWorklists>> Rcp(CurrentUser user, RcpWorklistsQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, ct));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.Home;

public static class HomeApi
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/home", Actions).WithTags("Accueil").RequireAuthorization()
            .WithSummary("Ce que la personne connectée a à faire aujourd'hui, selon son rôle : chaque ligne avec son nombre et la page où le faire.")
            .DeclareNoPatientData("counts only, through the worklists limited to the patients the access rule lets the caller see; no patient is named");
        return app;
    }

    private static async Task<Ok<HomeActions>> Actions(CurrentUser user, MyHomeActions actions, CancellationToken ct) =>
        TypedResults.Ok(await actions.HandleAsync(user, ct));
}

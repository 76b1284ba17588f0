using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Features.Access;
using Relais.Web.Identity;

namespace Relais.Web.Features.SupportiveCare.Outreach;

public static class OutreachApi
{
    public static IEndpointRouteBuilder MapOutreach(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/worklists/outreach", List)
            .WithTags("Soins de support").RequireAuthorization(p => p.RequireRole(Roles.NurseCoordinator, Roles.SupportiveCare))
            .WithSummary("Aller-vers : besoins sans orientation, orientations abandonnées ou sans premier contact, avec le motif et l'action suivante.")
            .DeclareNoPatientData("worklist limited to the patients of the caller's care teams, or referred to the caller's providers; each listed patient audited");
        return app;
    }

    private static async Task<Ok<OutreachList>> List(CurrentUser user, OutreachWorklist worklist, CancellationToken ct) =>
        TypedResults.Ok(await worklist.HandleAsync(user, ct));
}

using Relais.Domain.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Web.Audit;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Access;

public sealed record ChainCheckResult(bool IsIntact, long Checked, long? FirstBrokenIndex, string? Problem, long LastIndex, string? LastHash);

/// <summary>Break-the-glass, the patient's objections, and the administrators' audit tools.</summary>
public static class AccessApi
{
    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/break-glass", BreakGlass).RequireCapability(Capability.OpenBreakGlass).WithTags("Accès")
            .WithSummary("Ouvre un accès d'urgence de quatre heures à un dossier, avec un motif écrit ; tracé et revu.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals))
            .DeclareNoPatientData("opens audited emergency access; answers alike whether the patient exists or not");

        var me = app.MapGroup("/api/me").WithTags("Mon dossier").RequireAuthorization(p => p.RequireRole(Roles.Patient));
        me.MapGet("/objections", Objections).WithSummary("Liste les oppositions du patient au partage de son dossier.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("the caller's own record, resolved from the session");
        me.MapPost("/objections", Object).WithSummary("Enregistre l'opposition du patient au partage de son dossier avec un professionnel.")
            .ProducesValidationProblem()
            .DeclareNoPatientData("the caller's own record, resolved from the session");
        me.MapDelete("/objections/{objectionId:guid}", Withdraw).WithSummary("Lève une opposition du patient.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("the caller's own record, resolved from the session");

        var admin = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapGet("/audit/verify", VerifyChain).RequireCapability(Capability.VerifyAudit).WithSummary("Vérifie la chaîne de hachage du journal d'audit.")
            .DeclareNoPatientData("checks hashes only");
        admin.MapPost("/audit/purge", PurgeAudit).RequireCapability(Capability.PurgeAudit)
            .WithSummary("Purge les lignes d'audit plus anciennes que la durée de conservation, en laissant un point de contrôle signé.")
            .DeclareNoPatientData("removes rows past retention; answers counts only");
        admin.MapGet("/break-glass", BreakGlassList).RequireCapability(Capability.ReviewBreakGlass).WithSummary("Liste les accès d'urgence, à revoir d'abord.")
            .DeclareNoPatientData("patient shown by identifier only, for review");
        admin.MapPost("/break-glass/{grantId:guid}/review", Review).RequireCapability(Capability.ReviewBreakGlass).WithSummary("Enregistre la revue d'un accès d'urgence.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("review of an emergency access");
        return app;
    }

    private static async Task<Ok<BreakGlassAnswer>> BreakGlass(BreakGlassInput input, CurrentUser user, OpenBreakGlass open, CancellationToken ct) =>
        TypedResults.Ok((await open.HandleAsync(user, input, ct)).Answer);

    private static async Task<Ok<List<ObjectionDto>>> Objections(CurrentUser user, ObjectionsQuery objections, CancellationToken ct) =>
        TypedResults.Ok(await objections.GetAsync(OwnRecord.Of(user), ct));

    private static async Task<Created<Guid>> Object(ObjectionInput input, CurrentUser user, RecordObjection record, CancellationToken ct)
    {
        var objection = await record.HandleAsync(user, input, ct);
        return TypedResults.Created($"/api/me/objections/{objection.Id}", objection.Id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(Guid objectionId, CurrentUser user, WithdrawObjection withdraw, CancellationToken ct) =>
        await withdraw.HandleAsync(user, objectionId, ct) ? TypedResults.NoContent() : Problems.NotFound("Opposition");

    private static async Task<Ok<ChainCheckResult>> VerifyChain(AuditChainService chain, CancellationToken ct)
    {
        var v = await chain.VerifyAsync(ct);
        return TypedResults.Ok(new ChainCheckResult(v.IsIntact, v.Checked, v.FirstBrokenIndex, v.Problem, v.LastIndex, v.LastHash));
    }

    private static async Task<Ok<Audit.AuditPurgeResult>> PurgeAudit(CurrentUser user, Audit.PurgeAuditTrail purge, CancellationToken ct) =>
        TypedResults.Ok(await purge.HandleAsync(user, ct));

    private static async Task<Ok<List<BreakGlassReviewItem>>> BreakGlassList(bool? pending, BreakGlassReviewQuery reviews, CancellationToken ct) =>
        TypedResults.Ok(await reviews.ListAsync(pending ?? true, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Review(Guid grantId, ReviewInput input, CurrentUser user, ReviewBreakGlass review, CancellationToken ct) =>
        await review.HandleAsync(user, grantId, input.Note, ct) ? TypedResults.NoContent() : Problems.NotFound("Accès d'urgence");
}

using Relais.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Access;
using Relais.Domain.SupportiveCare;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.SupportiveCare.Referrals;

public sealed record CreatedNeed(Guid Id, string Category, string Severity);

public sealed record ReferralStatusAnswer(Guid Id, string Status);

/// <summary>Needs and referrals to supportive care (issue 13 point 2): on the record, and the provider's own list.</summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapSupportiveCareReferrals(this IEndpointRouteBuilder app)
    {
        const string Route = "/api/patients/{patientId:guid}/supportive-care";
        var read = app.MapGroup(Route).WithTags("Soins de support").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Get).RequireCapability(Capability.ReadSupportiveCare)
            .WithSummary("Les besoins en soins de support du patient et ses orientations, avec ce que les prestataires y ont noté.");
        var write = app.MapGroup(Route).WithTags("Soins de support").RequireAuthorization().RequirePatientAccess(AccessKind.Write);
        write.MapPost("/needs", RecordNeed).RequireCapability(Capability.ManageSupportiveCare)
            .WithSummary("Enregistre un besoin en soins de support (catégorie, sévérité, moment de l'évaluation).").ProducesValidationProblem();
        write.MapPost("/referrals", Propose).RequireCapability(Capability.ManageSupportiveCare)
            .WithSummary("Oriente le patient vers un prestataire de l'annuaire : il la reçoit directement, avec un accès limité à ce que le patient accepte de partager.")
            .ProducesValidationProblem();
        write.MapPost("/referrals/{referralId:guid}/status", ChangeStatus).RequireCapability(Capability.ManageSupportiveCare, Capability.FollowSupportiveReferral)
            .WithSummary("Change le statut d'une orientation (accepted, in-progress, completed, declined, renounced avec son motif).")
            .ProducesValidationProblem();
        write.MapPost("/referrals/{referralId:guid}/entries", WriteBack).RequireCapability(Capability.FollowSupportiveReferral)
            .WithSummary("Le prestataire note le premier contact, une séance ou son compte rendu.").ProducesValidationProblem();

        app.MapGet("/api/supportive-care/my-referrals", Mine).WithTags("Soins de support").RequireAuthorization(p => p.RequireRole(Roles.SupportiveCare))
            .WithSummary("Les orientations adressées aux prestataires pour lesquels je travaille, les ouvertes d'abord.")
            .DeclareNoPatientData("only the referrals addressed to the caller's providers, each listed patient audited");
        return app;
    }

    private static async Task<Ok<SupportiveCareRecord>> Get(Guid patientId, CurrentUser user, SupportiveCareQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, patientId, ct));

    private static async Task<Created<CreatedNeed>> RecordNeed(Guid patientId, NeedInput input, CurrentUser user, RecordNeed record, CancellationToken ct)
    {
        var need = await record.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/supportive-care",
            new CreatedNeed(need.Id, EnumCodes.Code(need.Category), EnumCodes.Code(need.Severity)));
    }

    private static async Task<Created<ReferralStatusAnswer>> Propose(Guid patientId, ReferralInput input, CurrentUser user, ProposeReferral propose, CancellationToken ct)
    {
        var referral = await propose.HandleAsync(user, patientId, input, ct);
        return TypedResults.Created($"/api/patients/{patientId}/supportive-care", new ReferralStatusAnswer(referral.Id, EnumCodes.Code(referral.Status)));
    }

    private static async Task<Results<Ok<ReferralStatusAnswer>, ProblemHttpResult>> ChangeStatus(Guid patientId, Guid referralId, ReferralStatusInput input, CurrentUser user,
        ChangeReferralStatus change, CancellationToken ct) =>
        await change.HandleAsync(user, patientId, referralId, input, ct) is { } r
            ? TypedResults.Ok(new ReferralStatusAnswer(r.Id, EnumCodes.Code(r.Status))) : Problems.NotFound("Orientation");

    private static async Task<Results<Ok<ReferralStatusAnswer>, ProblemHttpResult>> WriteBack(Guid patientId, Guid referralId, EntryInput input, CurrentUser user,
        WriteBack write, CancellationToken ct) =>
        await write.HandleAsync(user, patientId, referralId, input, ct) is { } r
            ? TypedResults.Ok(new ReferralStatusAnswer(r.Id, EnumCodes.Code(r.Status))) : Problems.NotFound("Orientation");

    private static async Task<Ok<Capped<ProviderReferralItem>>> Mine(CurrentUser user, ProviderReferralsQuery query, CancellationToken ct) =>
        TypedResults.Ok(await query.HandleAsync(user, ct));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain.Access;
using Relais.Domain.Accounts;
using Relais.Web.Features.Access;
using Relais.Web.Features.Account;
using Relais.Web.Features.Portal.Release;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Portal;

/// <summary>The answer of POST /api/patients/{id}/portal-account; a letter carries what to print, once.</summary>
public sealed record PortalAccountAnswer(Guid Id, string Status, PortalChannel Channel, bool Reinvited)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Identifier { get; init; }
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CodeExpiresAt { get; init; }
    /// <summary>The printable letter (<see cref="ActivationLetter"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? LetterUrl { get; init; }
}

public sealed record LetterAnswer(string Token, string ActivationUrl);

public sealed record DelegationAnswer(Guid Id, Guid CaregiverId, IReadOnlyList<string> Sections, bool Invited);

/// <summary>The patient's portal account (opened by the team), its activation by letter, and the patient's delegations to caregivers.</summary>
public static class PortalApi
{
    private const string Own = "the caller's own record, resolved from the session";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/patients/{patientId:guid}/portal-account").WithTags("Portail patient").RequireAuthorization().RequirePatientAccess(AccessKind.Read);
        read.MapGet("/", Status).RequireCapability(Capability.ReadTransmissions)
            .WithSummary("Dit si le patient a un compte sur le portail, et ce qui l'attend sans lui être encore parvenu (C5, C11, rappels).");
        var write = app.MapGroup("/api/patients/{patientId:guid}/portal-account").WithTags("Portail patient")
            .RequireAuthorization(p => p.RequireRole(Roles.Professionals)).RequirePatientAccess(AccessKind.Write);
        write.MapPost("/", Open).RequireCapability(Capability.OpenPortalAccount)
            .WithSummary("Ouvre le compte du patient sur le portail : invitation par courriel, ou courrier d'activation avec un code (letter=true, ou sans adresse).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/auth/activate/letter", Redeem).WithTags("Compte").AllowAnonymous()
            .WithSummary("Échange l'identifiant et le code d'un courrier d'activation contre un lien d'activation (date de naissance, mot de passe, double authentification).")
            .ProducesValidationProblem().DeclareNoPatientData("an activation code; the same answer for an unknown identifier and a wrong code");

        var me = app.MapGroup("/api/me/delegations").WithTags("Mon dossier").RequireAuthorization(p => p.RequireRole(Roles.Patient));
        me.MapGet("/", Delegations).RequireCapability(Capability.DelegatePortalAccess)
            .WithSummary("Liste les délégations d'accès du patient à ses aidants : qui, quand, quelles parties.").DeclareNoPatientData(Own);
        me.MapPost("/", Delegate).RequireCapability(Capability.DelegatePortalAccess)
            .WithSummary("Délègue l'accès au portail à un aidant (carnet, documents, messages), invité par courriel.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).DeclareNoPatientData(Own);
        me.MapPost("/{grantId:guid}/revoke", Revoke).RequireCapability(Capability.DelegatePortalAccess)
            .WithSummary("Révoque une délégation d'accès à un aidant, avec effet immédiat.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).DeclareNoPatientData(Own);

        var gp = app.MapGroup("/api/me").WithTags("Mon dossier").RequireAuthorization(p => p.RequireRole(Roles.Patient));
        gp.MapGet("/general-practitioners", GpChoices).RequireCapability(Capability.ChooseOwnGeneralPractitioner)
            .WithSummary("Liste les médecins généralistes que le patient peut déclarer comme médecin traitant (par nom ou ville).")
            .DeclareNoPatientData("professionals of the directory, no patient");
        gp.MapPut("/general-practitioner", ChooseGp).RequireCapability(Capability.ChooseOwnGeneralPractitioner)
            .WithSummary("Le patient déclare ou change lui-même son médecin traitant : il rejoint l'équipe de soins, le précédent la quitte.")
            .ProducesValidationProblem().DeclareNoPatientData(Own);

        app.MapGet("/api/me/delegated-records", DelegatedRecords).WithTags("Aidant").RequireAuthorization(p => p.RequireRole(Roles.Caregiver))
            .WithSummary("Liste les dossiers qu'un patient a délégués à l'aidant connecté, avec les parties ouvertes.")
            .DeclareNoPatientData("the records delegated to the caller, each read checked and audited by the access rule");
        app.MapPortalRelease();
        return app;
    }

    private static async Task<Ok<List<Patients.Professionals.ProfessionalListItem>>> GpChoices(string? search, ChooseMyGeneralPractitioner choose, CancellationToken ct) =>
        TypedResults.Ok(await choose.ChoicesAsync(search, ct));

    private static async Task<NoContent> ChooseGp(GpChoice choice, CurrentUser user, ChooseMyGeneralPractitioner choose, CancellationToken ct)
    {
        await choose.HandleAsync(user, choice, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PortalAccountDto>> Status(Guid patientId, PortalQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.StatusAsync(patientId, ct));

    private static async Task<Results<Created<PortalAccountAnswer>, ProblemHttpResult>> Open(Guid patientId, PortalAccountRequest request, CurrentUser user,
        OpenPortalAccount open, CancellationToken ct)
    {
        var outcome = await open.HandleAsync(user, patientId, request, ct);
        if (outcome.Conflict is { } field) return TypedResults.Problem(Conflict(field));
        return TypedResults.Created($"/api/patients/{patientId}/portal-account", new PortalAccountAnswer(outcome.AccountId!.Value, "invited", outcome.Channel, outcome.Reinvited)
        {
            Code = outcome.Code, Identifier = outcome.Identifier, CodeExpiresAt = outcome.CodeExpiresAt,
            LetterUrl = outcome.Code is null ? null : ActivationLetter.Url(patientId, outcome.Code),
        });
    }

    public static ProblemDetails Conflict(string field) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = field == "account" ? "Compte déjà actif" : "Adresse déjà utilisée",
        Detail = field == "account"
            ? "Le patient a déjà activé son compte sur le portail : il se connecte, ou réinitialise son mot de passe."
            : "Un autre compte utilise déjà cette adresse électronique.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        Extensions = { ["field"] = field == "account" ? "patientId" : field },
    };

    private static async Task<Results<Ok<LetterAnswer>, ValidationProblem>> Redeem(LetterRequest request, RedeemLetter redeem, CancellationToken ct)
    {
        var (state, token) = await redeem.HandleAsync(request, ct);
        if (token is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [LetterRefusal(state)] });
        return TypedResults.Ok(new LetterAnswer(token, $"{Account.Invitations.AccountInvitations.ActivationPath}?jeton={token}"));
    }

    public static string LetterRefusal(InvitationState state) => state switch
    {
        InvitationState.Expired => "Ce courrier d'activation a expiré (il est valable 30 jours) : demandez-en un nouveau à votre équipe de soins.",
        InvitationState.Spent => "Ce compte est déjà activé, ou ce courrier a été remplacé : connectez-vous, ou demandez un nouveau courrier à votre équipe de soins.",
        _ => "Identifiant ou code incorrect.",
    };

    private static async Task<Ok<IReadOnlyList<DelegationDto>>> Delegations(CurrentUser user, PortalQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.DelegationsAsync(OwnRecord.Of(user), ct));

    private static async Task<Results<Created<DelegationAnswer>, ProblemHttpResult>> Delegate(DelegationRequest request, CurrentUser user, DelegatePortalAccess delegate_, CancellationToken ct)
    {
        var outcome = await delegate_.HandleAsync(user, request, ct);
        if (outcome.Grant is not { } grant)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Adresse déjà utilisée",
                Detail = "Cette adresse est celle d'un compte qui n'est pas un compte d'aidant : choisissez une autre adresse.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10", Extensions = { ["field"] = "email" },
            });
        return TypedResults.Created($"/api/me/delegations/{grant.Id}", new DelegationAnswer(grant.Id, grant.ProfessionalId, AccessGrants.Codes(grant.Sections), outcome.Invited));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid grantId, CurrentUser user, RevokeDelegation revoke, CancellationToken ct) =>
        await revoke.HandleAsync(user, grantId, ct) ? TypedResults.NoContent() : Problems.NotFound("Délégation");

    private static async Task<Ok<IReadOnlyList<DelegatedRecord>>> DelegatedRecords(CurrentUser user, PortalQueries queries, PatientAccess access, CancellationToken ct)
    {
        var records = await queries.DelegatedToAsync(user, ct);
        // Each patient named is a read of nominative data: the access rule decides and audits it.
        var decisions = await access.CheckManyAsync(user, records.Select(r => r.PatientId), AccessKind.Read, "GET /api/me/delegated-records", ct);
        return TypedResults.Ok((IReadOnlyList<DelegatedRecord>)records.Where(r => decisions.TryGetValue(r.PatientId, out var d) && d.Granted).ToList());
    }
}

public static class PortalServices
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<OpenPortalAccount>();
        services.AddScoped<RedeemLetter>();
        services.AddScoped<PortalActivation>();
        services.AddScoped<DelegatePortalAccess>();
        services.AddScoped<RevokeDelegation>();
        services.AddScoped<ChooseMyGeneralPractitioner>();
        services.AddScoped<PortalQueries>();
        services.AddScoped<Release.PortalViews>();
        services.AddScoped<Release.PortalReleaseQuery>();
        services.AddScoped<Release.ReleaseToPortal>();
        return services;
    }
}

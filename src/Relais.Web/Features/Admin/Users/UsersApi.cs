using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Relais.Domain.Accounts;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Operations;

namespace Relais.Web.Features.Admin.Users;

public sealed record CreatedUser(Guid Id, AccountStatus Status);

public sealed record UserStatusAnswer(Guid Id, AccountStatus Status);

/// <summary>Account administration (issue 11): create and invite, list and search, deactivate and reactivate.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapAdminUsers(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        admin.MapPost("/", Create).WithSummary("Crée le compte d'un professionnel et l'invite par courriel à l'activer.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .DeclareNoPatientData("professional accounts, no patient data");
        admin.MapGet("/", List).WithSummary("Liste les comptes, paginés, recherchés par nom, adresse électronique ou numéro RPPS/ADELI.")
            .DeclareNoPatientData("professional accounts, no patient data");
        admin.MapGet("/{userId:guid}", Get).WithSummary("Lit un compte.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("professional accounts, no patient data");
        admin.MapPost("/{userId:guid}/deactivate", Deactivate).WithSummary("Désactive un compte : chaque session et chaque jeton sont révoqués aussitôt.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("professional accounts, no patient data");
        admin.MapPost("/{userId:guid}/reactivate", Reactivate).WithSummary("Réactive un compte désactivé (une nouvelle invitation s'il n'avait jamais été activé).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("professional accounts, no patient data");
        admin.MapPost("/{userId:guid}/invite", Invite).WithSummary("Envoie une nouvelle invitation à un compte pas encore activé ; les liens précédents ne valent plus.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .DeclareNoPatientData("professional accounts, no patient data");
        return app;
    }

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> Create(CreateUserRequest request, CurrentUser user, CreateUser create, CancellationToken ct)
    {
        var outcome = await create.HandleAsync(user, request, ct);
        if (outcome.ConflictField is { } field)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Compte existant",
                Detail = field == "email" ? "Un compte existe déjà avec cette adresse électronique." : "Un compte existe déjà avec ce numéro RPPS/ADELI.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                Extensions = { ["field"] = field },
            });
        return TypedResults.Created($"/api/admin/users/{outcome.Id}", new CreatedUser(outcome.Id!.Value, outcome.Status));
    }

    private static async Task<Ok<UserPage>> List(string? search, int? page, int? pageSize, UsersQuery users, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(search, page ?? 1, pageSize ?? 50, ct));

    private static async Task<Results<Ok<UserListItem>, ProblemHttpResult>> Get(Guid userId, UsersQuery users, CancellationToken ct) =>
        await users.FindAsync(userId, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("Compte");

    private static async Task<Results<Ok<UserStatusAnswer>, ProblemHttpResult>> Deactivate(Guid userId, CurrentUser user, DeactivateUser deactivate, CancellationToken ct) =>
        Answer(userId, await deactivate.HandleAsync(user, userId, ct));

    private static async Task<Results<Ok<UserStatusAnswer>, ProblemHttpResult>> Reactivate(Guid userId, CurrentUser user, ReactivateUser reactivate, CancellationToken ct) =>
        Answer(userId, await reactivate.HandleAsync(user, userId, ct));

    private static async Task<Results<Ok<UserStatusAnswer>, ProblemHttpResult>> Invite(Guid userId, CurrentUser user, ResendInvitation invite, CancellationToken ct) =>
        Answer(userId, await invite.HandleAsync(user, userId, ct));

    private static Results<Ok<UserStatusAnswer>, ProblemHttpResult> Answer(Guid userId, AccountStatus? status) =>
        status is { } s ? TypedResults.Ok(new UserStatusAnswer(userId, s)) : Problems.NotFound("Compte");
}

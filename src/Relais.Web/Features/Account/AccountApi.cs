using Microsoft.AspNetCore.Http.HttpResults;
using Relais.Domain.Accounts;
using Relais.Web.Features.Access;
using Relais.Web.Features.Account.Invitations;
using Relais.Web.Features.Account.PasswordReset;
using Relais.Web.Operations;

namespace Relais.Web.Features.Account;

/// <summary>What an invitation link opens: the account's address and the authenticator key to enrol.</summary>
public sealed record InvitationAnswer(string Email, string DisplayName, string AuthenticatorKey, string AuthenticatorUri);

/// <summary>The self-service account endpoints that Relais does offer: activation from an invitation, and the password reset.</summary>
public static class AccountApi
{
    public static void MapAccountSelfService(RouteGroupBuilder auth)
    {
        auth.MapGet("/activate", OpenInvitation).WithSummary("Ouvre un lien d'invitation : l'adresse du compte et la clé d'authentification à enregistrer.")
            .AllowAnonymous().ProducesValidationProblem();
        auth.MapPost("/activate", Activate).WithSummary("Active un compte invité : mot de passe et double authentification (code TOTP).")
            .AllowAnonymous().ProducesValidationProblem();
        auth.MapPost("/password-reset", RequestReset).WithSummary("Envoie un lien de réinitialisation du mot de passe ; même réponse quelle que soit l'adresse.")
            .AllowAnonymous().ProducesValidationProblem();
        auth.MapPost("/password-reset/confirm", ConfirmReset).WithSummary("Choisit un nouveau mot de passe avec le lien reçu par courriel.")
            .AllowAnonymous().ProducesValidationProblem();
    }

    /// <summary>Why a link does not open the account, as a problem naming the token.</summary>
    public static string Refusal(InvitationState state) => state switch
    {
        InvitationState.Expired => "Ce lien d'invitation a expiré (il est valable 72 heures) : demandez une nouvelle invitation à votre administrateur.",
        InvitationState.Spent => "Ce lien d'invitation a déjà servi ou a été remplacé : connectez-vous, ou demandez une nouvelle invitation à votre administrateur.",
        _ => "Ce lien d'invitation n'est pas valide : vérifiez qu'il est complet, ou demandez une nouvelle invitation à votre administrateur.",
    };

    private static async Task<Results<Ok<InvitationAnswer>, ValidationProblem>> OpenInvitation(string? token, ActivateAccount activate, CancellationToken ct)
    {
        var (state, user, key) = await activate.OpenAsync(token, ct);
        if (user is null || key is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [Refusal(state)] });
        return TypedResults.Ok(new InvitationAnswer(user.Email!, user.DisplayName, key, Authenticator.Uri(user.Email, key)));
    }

    private static async Task<Results<NoContent, ValidationProblem>> Activate(ActivateAccountRequest request, ActivateAccount activate, CancellationToken ct)
    {
        var state = await activate.HandleAsync(request, ct);
        return state == InvitationState.Valid
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = [Refusal(state)] });
    }

    private static async Task<Accepted> RequestReset(PasswordResetRequest request, RequestPasswordReset reset, CancellationToken ct)
    {
        await reset.HandleAsync(request.Email, ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ConfirmReset(ConfirmPasswordReset request, ResetPassword reset, CancellationToken ct) =>
        await reset.HandleAsync(request, ct)
            ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Ce lien de réinitialisation n'est pas valide ou a déjà servi : demandez-en un nouveau."] });
}

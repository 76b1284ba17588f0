namespace Relais.Web.Features.Admin;

/// <summary>The use cases of the Admin feature, registered by <c>AddCoordination</c> until <c>AddRelaisServices</c> calls <see cref="AddAdmin"/> itself.</summary>
public static class AdminServices
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<DeadLettersQuery>();
        services.AddScoped<RetryDeadLetter>();
        services.AddScoped<Users.CreateUser>();
        services.AddScoped<Users.InviteFirstAdministrator>();
        services.AddScoped<Users.UsersQuery>();
        services.AddScoped<Users.DeactivateUser>();
        services.AddScoped<Users.ReactivateUser>();
        services.AddScoped<Users.ResendInvitation>();
        services.AddScoped<Identity.AccountStore>();
        services.AddScoped<Account.Invitations.AccountInvitations>();
        services.AddScoped<Account.Invitations.ActivateAccount>();
        services.AddScoped<Account.AddPasskey>();
        services.AddScoped<Account.PasswordReset.RequestPasswordReset>();
        services.AddScoped<Account.PasswordReset.ResetPassword>();
        return services;
    }
}

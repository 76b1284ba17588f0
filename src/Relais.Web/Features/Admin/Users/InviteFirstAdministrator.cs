using Microsoft.EntityFrameworkCore;
using Relais.Web.Data;
using Relais.Web.Identity;

namespace Relais.Web.Features.Admin.Users;

/// <summary>Who installs Relais: the person named in <c>Relais:FirstAdministrator</c>, before any account exists.</summary>
public sealed class FirstAdministratorOptions
{
    public const string Section = "Relais:FirstAdministrator";
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
}

/// <summary>
/// A fresh installation has no account, and accounts are created only by an administrator: at start, when
/// no active administrator exists and the configuration names one, the first administrator is invited like
/// any other account (the invitation goes through the outbox; the actor recorded in the audit is the
/// installation, <see cref="Installer"/>). Once an administrator exists the setting does nothing more, so
/// it can stay in place.
/// </summary>
public sealed class InviteFirstAdministrator(RelaisDb db, CreateUser create, IConfiguration configuration)
{
    /// <summary>The installation itself, acting once before any person can.</summary>
    public static readonly CurrentUser Installer = new(Guid.Empty, [Roles.Administrator], null);

    /// <summary>Invites the configured first administrator if there is none; returns the new account's id, or null when nothing was done.</summary>
    public async Task<Guid?> HandleAsync(CancellationToken ct)
    {
        var options = configuration.GetSection(FirstAdministratorOptions.Section).Get<FirstAdministratorOptions>();
        if (string.IsNullOrWhiteSpace(options?.Email)) return null;
        var administrators = from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.Administrator && u.IsActive
                             select u.Id;
        if (await administrators.AnyAsync(ct)) return null;
        var outcome = await create.HandleAsync(Installer,
            new CreateUserRequest(options.Email, options.FirstName, options.LastName, Roles.Administrator, null, null, null), ct);
        return outcome.Id;
    }
}

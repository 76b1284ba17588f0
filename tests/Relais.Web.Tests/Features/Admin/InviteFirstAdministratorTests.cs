using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Features.Admin.Users;
using Relais.Web.Identity;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Admin;

/// <summary>
/// A fresh installation has no one to create accounts: the configured first administrator is invited at
/// start, once, and only while no active administrator exists. The class's database is its own copy,
/// so deactivating the demo's administrator here touches no other test.
/// </summary>
public abstract class InviteFirstAdministratorTests(RelaisFactory factory)
{
    private static IConfiguration Settings(string? email) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Relais:FirstAdministrator:Email"] = email,
        ["Relais:FirstAdministrator:FirstName"] = "Inès",
        ["Relais:FirstAdministrator:LastName"] = "Premier",
    }).Build();

    private async Task<Guid?> RunAsync(string? email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new InviteFirstAdministrator(services.GetRequiredService<RelaisDb>(), services.GetRequiredService<CreateUser>(), Settings(email))
            .HandleAsync(CancellationToken.None);
    }

    [Fact]
    public async Task TheFirstAdministrator_IsInvitedOnlyWhenNoActiveAdministratorExists_AndOnlyOnce()
    {
        var email = Accounts.NewEmail("admin");
        Assert.Null(await RunAsync(email));
        Assert.Null(await RunAsync(null));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var adminRole = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync();
            var admins = await db.UserRoles.Where(ur => ur.RoleId == adminRole).Select(ur => ur.UserId).ToListAsync();
            Assert.NotEmpty(admins);
            await db.Users.Where(u => admins.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }
        Assert.Null(await RunAsync(null));

        var id = await RunAsync(email);
        Assert.NotNull(id);
        Assert.Null(await RunAsync(Accounts.NewEmail("admin")));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
            var user = await db.Users.SingleAsync(u => u.Id == id);
            Assert.Equal(email, user.Email);
            Assert.Equal("Premier", user.LastName);
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync();
            Assert.Equal([Roles.Administrator], roles);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.RecipientUserId == id && m.Kind == OutboxKind.Account));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == Guid.Empty && e.Resource == "POST /api/admin/users"));
        }
        // The invitation is an ordinary one: its link activates the account.
        var token = await factory.MailedTokenAsync(id.Value);
        await factory.CreateClient().ActivateAsync(token);
    }
}

[Collection("sqlite")]
public sealed class InviteFirstAdministratorSqliteTests(SqliteRelaisFactory factory) : InviteFirstAdministratorTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class InviteFirstAdministratorPostgresTests(PostgresRelaisFactory factory) : InviteFirstAdministratorTests(factory), IClassFixture<PostgresRelaisFactory>;

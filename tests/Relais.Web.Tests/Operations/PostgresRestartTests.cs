using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Identity;
using Relais.Web.Messaging;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// PostgreSQL restarted under load (issue 12 point 2; SECURITY.md promise 4): Relais.Web runs as a child process on a
/// PostgreSQL cluster of the test's own, administrators' account creations (the account, its role, its invitation in
/// the outbox and two audit rows, committed by one SaveChanges) run in parallel, and the server is stopped at once and
/// started again. Every answer is a success or an RFC 9457 problem (no bare 500, no dropped connection), no account is
/// half-written, and the app serves again once the server is back. PostgreSQL only: an embedded SQLite file cannot be
/// restarted under the app.
/// </summary>
[Collection("postgres")]
public sealed class PostgresRestartTests
{
    private const string Password = "Reprise-Sous-Charge-2026!";

    private sealed record Answer(HttpStatusCode? Status, string? MediaType, string? Error, DateTime At);

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task RequestsFailCleanly_NothingIsHalfWritten_AndTheAppRecovers()
    {
        var scratch = Directory.CreateTempSubdirectory("relais-restart-").FullName;
        await using var postgres = await PrivatePostgres.StartAsync();
        var connection = postgres.ConnectionString("relais");
        await using var app = await ChildRelais.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connection,
            ["Audit:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Audit:CheckpointFile"] = Path.Combine(scratch, "audit-checkpoints.log"),
            // The invitations are written as files: the outbox is exercised, no mail server is involved.
            ["Mail:Delivery"] = "files",
            ["Mail:PickupDirectory"] = Path.Combine(scratch, "mail"),
        });
        var adminEmail = await CreateAdministratorAsync(connection);
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = adminEmail, password = Password, twoFactorCode = Accounts.TotpNow(Relais.Web.Demo.DemoData.AuthenticatorKey) });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"{(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}\n{app.Output}");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());

        var run = Guid.NewGuid().ToString("N")[..8];
        var answers = new ConcurrentBag<Answer>();
        using var stop = new CancellationTokenSource();
        var counter = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref counter);
                try
                {
                    var response = await http.PostAsJsonAsync("/api/admin/users", new
                    {
                        email = $"charge{run}.{n}@relais.demo", firstName = "Charge", lastName = $"Essai{n}", role = "GeneralPractitioner",
                        specialty = "general-practice", rpps = Accounts.NewRpps(),
                    });
                    answers.Add(new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, DateTime.UtcNow));
                }
                catch (HttpRequestException ex)
                {
                    answers.Add(new Answer(null, null, ex.Message, DateTime.UtcNow));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        await postgres.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await postgres.StartServerAsync();
        var restarted = DateTime.UtcNow;
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(60) && !answers.Any(a => a.At > restarted.AddSeconds(1) && a.Status == HttpStatusCode.Created))
            await Task.Delay(200);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = answers.ToList();
        Assert.Empty(all.Where(a => a.Error is not null).Select(a => a.Error));
        // The outage was felt, and each refusal said so as a problem.
        Assert.Contains(all, a => a.Status != HttpStatusCode.Created);
        Assert.All(all.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal("application/problem+json", a.MediaType));
        // The app serves again once the server is back.
        Assert.Contains(all, a => a.At > restarted.AddSeconds(1) && a.Status == HttpStatusCode.Created);

        // The test's own pooled connection (the administrator's creation) died with the server.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var db = new PostgresRelaisDb(new DbContextOptionsBuilder<PostgresRelaisDb>().UseNpgsql(connection).Options);
        var prefix = $"charge{run}.";
        var created = await db.Users.Where(u => u.Email!.StartsWith(prefix)).Select(u => u.Id).ToListAsync();
        Assert.True(created.Count >= all.Count(a => a.Status == HttpStatusCode.Created));
        var invited = await db.OutboxMessages.Where(m => created.Contains(m.RecipientUserId) && m.Kind == OutboxKind.Account).Select(m => m.RecipientUserId).ToListAsync();
        var audited = await db.AuditEntries.Where(a => a.Resource == "POST /api/admin/users").Select(a => a.Detail).ToListAsync();
        var roles = await db.UserRoles.Where(r => created.Contains(r.UserId)).Select(r => r.UserId).ToListAsync();
        foreach (var id in created)
        {
            Assert.Equal(1, invited.Count(i => i == id));
            Assert.Equal(1, roles.Count(r => r == id));
        }
        Assert.True(audited.Count >= 2 * created.Count, $"{created.Count} accounts, {audited.Count} audit rows");
        await app.KillAsync();
        Directory.Delete(scratch, recursive: true);
    }

    /// <summary>The first administrator, written as the demo data writes its accounts, with the demo authenticator key.</summary>
    private static async Task<string> CreateAdministratorAsync(string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<RelaisDb, PostgresRelaisDb>(o => o.UseNpgsql(connection));
        services.AddIdentityCore<RelaisUser>().AddRoles<RelaisRole>().AddEntityFrameworkStores<RelaisDb>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        var email = $"admin.{Guid.NewGuid():N}@relais.demo";
        var admin = new RelaisUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FirstName = "Alice", LastName = "Reprise" };
        Assert.True((await users.CreateAsync(admin, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(admin, Roles.Administrator)).Succeeded);
        await Relais.Web.Demo.DemoData.EnrolAuthenticatorAsync(scope.ServiceProvider, admin);
        return email;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Identity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Admin;

/// <summary>
/// Issue 11, point 1: an administrator creates a professional's account, the person activates it from the
/// e-mailed link with a password and a TOTP second factor, and the administrator deactivates (revoking
/// every session at once), reactivates, lists and searches. Every account event is audited.
/// </summary>
public abstract class AccountLifecycleTests(RelaisFactory factory)
{
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task AnInvitedGp_ReceivesTheLink_SetsPasswordAndTotp_AndSignsInWithBoth()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var email = Accounts.NewEmail("mg");
        var id = await admin.InviteAsync(email);

        var token = await factory.MailedTokenAsync(id);
        var anonymous = factory.CreateClient();
        var key = await anonymous.ActivateAsync(token);

        var withoutCode = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("RequiresTwoFactor", (await withoutCode.JsonAsync()).GetProperty("detail").GetString());
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Accounts.NewPassword, twoFactorCode = Accounts.TotpNow(key) });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var gp = factory.CreateClient();
        gp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.JsonAsync()).GetProperty("accessToken").GetString());
        // A new GP is in no care team yet: no patient.
        Assert.Equal(0, (await gp.GetJsonAsync("/api/patients")).GetProperty("total").GetInt32());

        var listed = (await admin.GetJsonAsync($"/api/admin/users?search={Uri.EscapeDataString(email)}")).GetProperty("items");
        Assert.Equal("active", Assert.Single(listed.EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(["account-created", "account-invited", "password-set", "two-factor-enrolled", "account-activated"], await factory.AccountEventsAsync(id));
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task TheInvitationLink_OpensTheAccountOnce()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var id = await admin.InviteAsync(Accounts.NewEmail("ide"), "NurseCoordinator", "nursing");
        var token = await factory.MailedTokenAsync(id);
        var anonymous = factory.CreateClient();
        var key = await anonymous.ActivateAsync(token);

        var again = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = "Autre-Mot-de-passe-2026!", confirmation = "Autre-Mot-de-passe-2026!", code = Accounts.TotpNow(key) });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("déjà servi", (await again.JsonAsync()).GetProperty("errors").GetProperty("token")[0].GetString());
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/compte/activation?jeton={token}"));
        Assert.Contains("déjà servi", page);
        Assert.DoesNotContain(key, page);
        // The first password still holds.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = (await admin.GetJsonAsync($"/api/admin/users/{id}")).GetProperty("email").GetString(), password = Accounts.NewPassword, twoFactorCode = Accounts.TotpNow(key) })).StatusCode);
    }

    [Fact]
    public async Task ALinkOlderThan72Hours_SaysItExpired_AndANewInvitationReplacesIt()
    {
        // This test moves the clock: it runs on an app of its own (see RelaisFactory.Fresh).
        await using var app = factory.Fresh();
        var admin = await app.ClientAsAsync(Api.Admin);
        var id = await admin.InviteAsync(Accounts.NewEmail("pharma"), "Pharmacist", "pharmacy");
        var token = await app.MailedTokenAsync(id);
        var anonymous = app.CreateClient();

        app.Time.Advance(TimeSpan.FromHours(71));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/activate?token={token}")).StatusCode);
        app.Time.Advance(TimeSpan.FromHours(2));
        var expired = await anonymous.GetAsync($"/api/auth/activate?token={token}");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("expiré", (await expired.JsonAsync()).GetProperty("errors").GetProperty("token")[0].GetString());
        Assert.Contains("a expiré", WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/compte/activation?jeton={token}")));
        var refused = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = Accounts.NewPassword, confirmation = Accounts.NewPassword, code = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        admin = await app.ClientAsAsync(Api.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/users/{id}/invite", null)).StatusCode);
        var renewed = await app.MailedTokenAsync(id, expected: 2);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/auth/activate?token={renewed}")).StatusCode);
        // The new invitation voids the old link for good, not only by age.
        Assert.Contains("déjà servi", (await (await anonymous.GetAsync($"/api/auth/activate?token={token}")).JsonAsync()).GetProperty("errors").GetProperty("token")[0].GetString());
    }

    [Fact]
    public async Task Deactivation_RevokesCookieBearerAndRefreshTokensAtOnce_AndReactivationNeedsANewSignIn()
    {
        const string who = "radiotherapeute@relais.demo";
        var admin = await factory.ClientAsAsync(Api.Admin);
        var anonymous = factory.CreateClient();
        var login = await (await anonymous.LoginAsync(who)).JsonAsync();
        var refresh = login.GetProperty("refreshToken").GetString();
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var cookie = await factory.CookieClientAsync(who);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/inbox")).StatusCode);
        var id = (await admin.GetJsonAsync($"/api/admin/users?search={who}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var deactivated = await admin.PostAsync($"/api/admin/users/{id}/deactivate", null);
        Assert.Equal("deactivated", (await deactivated.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
        var signIn = await anonymous.LoginAsync(who);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        // Answered as a wrong password is: the answer does not tell that the address has an account.
        Assert.Equal("Failed", (await signIn.JsonAsync()).GetProperty("detail").GetString());

        Assert.Equal("active", (await (await admin.PostAsync($"/api/admin/users/{id}/reactivate", null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
        var again = await factory.ClientAsAsync(who);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(["account-deactivated", "account-reactivated"], await factory.AccountEventsAsync(id));
    }

    [Fact]
    public async Task ADeactivatedAccount_IsRefusedBySignInChecks_ProSanteConnectIncluded()
    {
        // Pro Santé Connect's return (AuthApi) signs in through ExternalLoginSignInAsync, whose pre-sign-in check is this one.
        await using var scope = factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<RelaisUser>>();
        var user = (await signIn.UserManager.FindByEmailAsync(Api.Secretary))!;
        Assert.True(await signIn.CanSignInAsync(user));
        user.IsActive = false; // in memory only, never saved
        Assert.False(await signIn.CanSignInAsync(user));
    }

    [Fact]
    public async Task AnAdministrator_DoesNotDeactivateTheirOwnAccount()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var me = (await admin.GetJsonAsync($"/api/admin/users?search={Api.Admin}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var response = await admin.PostAsync($"/api/admin/users/{me}/deactivate", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task TheList_IsSearchedByNameEmailOrIdentifier_AndPaged()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        static IEnumerable<string> Emails(System.Text.Json.JsonElement page) => page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()!);

        var dubois = await admin.GetJsonAsync("/api/admin/users?search=dubois");
        var gp = Assert.Single(dubois.GetProperty("items").EnumerateArray());
        Assert.Equal(Api.Gp, gp.GetProperty("email").GetString());
        Assert.Equal("general-practitioner", Assert.Single(gp.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal(["medecin.traitant@relais.demo"], Emails(await admin.GetJsonAsync("/api/admin/users?search=10000000041")));
        Assert.Equal(["psychologue@relais.demo"], Emails(await admin.GetJsonAsync("/api/admin/users?search=PSYCHOLOGUE@relais")));
        Assert.Equal(["oncologue@relais.demo"], Emails(await admin.GetJsonAsync("/api/admin/users?search=claire%20martin")));

        var paged = await admin.GetJsonAsync("/api/admin/users?pageSize=2&page=2");
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.True(paged.GetProperty("total").GetInt32() >= 16);
        Assert.Equal(100, (await admin.GetJsonAsync("/api/admin/users?pageSize=100000")).GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("rpps", "GeneralPractitioner", "general-practice", "10000000018")]
    [InlineData("rpps", "SupportiveCare", "adapted-physical-activity", "10000000017")]
    [InlineData("role", "Chef", "general-practice", null)]
    [InlineData("role", "Patient", "none", "")]
    [InlineData("specialty", "GeneralPractitioner", "astrologie", null)]
    [InlineData("email", "GeneralPractitioner", "general-practice", null)]
    public async Task RefusedInput_IsAProblemNamingTheField_AndCreatesNothing(string field, string role, string specialty, string? rpps)
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var before = (await admin.GetJsonAsync("/api/admin/users")).GetProperty("total").GetInt32();
        var email = field == "email" ? "pas-une-adresse" : Accounts.NewEmail("refus");
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { email, firstName = "Jean", lastName = "Refus", role, specialty, rpps = rpps ?? Accounts.NewRpps() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await admin.GetJsonAsync("/api/admin/users")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ATakenEmailOrRpps_IsAConflict()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var email = await admin.PostAsJsonAsync("/api/admin/users", new { email = Api.Gp.ToUpperInvariant(), firstName = "Jean", lastName = "Double", role = "GeneralPractitioner", specialty = "general-practice", rpps = Accounts.NewRpps() });
        Assert.Equal(HttpStatusCode.Conflict, email.StatusCode);
        Assert.Equal("email", (await email.JsonAsync()).GetProperty("field").GetString());
        var rpps = await admin.PostAsJsonAsync("/api/admin/users", new { email = Accounts.NewEmail("double"), firstName = "Jean", lastName = "Double", role = "general-practitioner", specialty = "general-practice", rpps = "10000000041" });
        Assert.Equal(HttpStatusCode.Conflict, rpps.StatusCode);
        Assert.Equal("rpps", (await rpps.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task OnlyAdministrators_ManageAccounts()
    {
        var someone = Guid.NewGuid();
        foreach (var who in new[] { Api.Gp, Api.Nurse, Api.Quality, Api.PatientAccount })
        {
            var client = await factory.ClientAsAsync(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/users", new { email = Accounts.NewEmail("x"), firstName = "X", lastName = "Y", role = "Administrator" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/users/{someone}/deactivate", null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/admin/users")).StatusCode);
    }
}

[Collection("sqlite")]
public sealed class AccountLifecycleSqliteTests(SqliteRelaisFactory factory) : AccountLifecycleTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class AccountLifecyclePostgresTests(PostgresRelaisFactory factory) : AccountLifecycleTests(factory), IClassFixture<PostgresRelaisFactory>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Portal;

/// <summary>
/// Issue 11, point 1: a care-team member opens the patient's portal account from the record, by e-mail or by a printed
/// letter; the patient confirms the birth date at activation; what was addressed to the patient before (the PPS, C5)
/// waited bound to the record, listed to the team as not yet received, and is the patient's once the account is active.
/// </summary>
public abstract class OpenPortalAccountTests(RelaisFactory factory)
{
    private static JsonElement PatientRow(JsonElement transmission) =>
        transmission.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "patient");

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task ThePpsIssuedBeforeTheAccount_WaitsForThePatient_WhoSeesItOnceActivated()
    {
        var (oncologist, patientId) = await factory.PatientWithPpsAsync();
        var c5 = (await oncologist.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c5");
        var waiting = PatientRow(c5);
        Assert.True(waiting.GetProperty("awaitingPortalAccount").GetBoolean());
        Assert.Equal(patientId, waiting.GetProperty("userId").GetGuid());
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("deliveredAt").ValueKind);
        var status = await oncologist.GetJsonAsync($"/api/patients/{patientId}/portal-account");
        Assert.Equal("none", status.GetProperty("status").GetString());
        Assert.Contains(status.GetProperty("awaiting").EnumerateArray(), a => a.GetProperty("obligation").GetString() == "c5");
        var page = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync($"/patients/{patientId}"));
        Assert.Contains("Pas encore reçu par le patient", page);

        var email = Accounts.NewEmail("patiente");
        var opened = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal("invited", (await opened.JsonAsync()).GetProperty("status").GetString());
        // A second click invites again, harmlessly: the earlier link stops working.
        var again = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email })).JsonAsync();
        Assert.True(again.GetProperty("reinvited").GetBoolean());
        var accountId = again.GetProperty("id").GetGuid();
        var token = await factory.MailedTokenAsync(accountId, expected: 2);

        var anonymous = factory.CreateClient();
        var key = (await anonymous.GetJsonAsync($"/api/auth/activate?token={token}")).GetProperty("authenticatorKey").GetString()!;
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = Accounts.NewPassword, confirmation = Accounts.NewPassword, code = Accounts.TotpNow(key), birthDate = "1962-02-21" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.JsonAsync()).GetProperty("errors").TryGetProperty("birthDate", out _));
        await anonymous.ActivateAsPatientAsync(token);

        var patient = await factory.SignInWithTotpAsync(email, key);
        var me = await patient.GetJsonAsync("/api/me");
        Assert.Equal(patientId, me.GetProperty("patientId").GetGuid());
        var mine = (await patient.GetJsonAsync($"/api/patients/{patientId}/transmissions")).EnumerateArray().Single(t => t.GetProperty("obligation").GetString() == "c5");
        var received = PatientRow(mine);
        Assert.Equal(accountId, received.GetProperty("userId").GetGuid());
        Assert.False(received.GetProperty("awaitingPortalAccount").GetBoolean());
        Assert.Contains((await patient.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray(), p => p.GetProperty("kind").GetString() == "pps");
        var after = await oncologist.GetJsonAsync($"/api/patients/{patientId}/portal-account");
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Empty(after.GetProperty("awaiting").EnumerateArray());
        Assert.Equal(["portal-account-opened", "portal-account-reinvited", "portal-activation-refused", "portal-account-activated"], await factory.PatientEventsAsync(patientId, "portal-"));

        // Once active, opening it again is a clear conflict.
        var active = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email });
        Assert.Equal(HttpStatusCode.Conflict, active.StatusCode);
        Assert.Equal("patientId", (await active.JsonAsync()).GetProperty("field").GetString());
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task APatientWithoutEMail_GetsAPrintableLetter_WhoseCodeOpensTheActivation()
    {
        var (oncologist, patientId) = await factory.PatientWithPpsAsync();
        var letter = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { letter = true })).JsonAsync();
        Assert.Equal("letter", letter.GetProperty("channel").GetString());
        var code = letter.GetProperty("code").GetString()!;
        var identifier = letter.GetProperty("identifier").GetString()!;
        var printed = WebUtility.HtmlDecode(await (await factory.CookieClientAsync(Api.Oncologist)).GetStringAsync(letter.GetProperty("letterUrl").GetString()));
        Assert.Contains(code, printed);
        Assert.Contains(identifier, printed);
        // No e-mail is written to an account without a mailbox.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
            var accountId = letter.GetProperty("id").GetGuid();
            Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.OutboxMessages, m => m.RecipientUserId == accountId));
        }

        var anonymous = factory.CreateClient();
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier = "personne@sans-courriel.invalid", code });
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code = "AAAA-BBBB-CCCC" });
        // An unknown identifier answers as a wrong code does.
        Assert.Equal((await unknown.JsonAsync()).GetProperty("errors").GetRawText(), (await wrong.JsonAsync()).GetProperty("errors").GetRawText());
        var redeemed = await (await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() })).JsonAsync();
        var key = await anonymous.ActivateAsPatientAsync(redeemed.GetProperty("token").GetString()!);
        var patient = await factory.SignInWithTotpAsync(identifier, key);
        Assert.Contains((await patient.GetJsonAsync($"/api/patients/{patientId}/programmes")).EnumerateArray(), p => p.GetProperty("kind").GetString() == "pps");
        var spent = await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code });
        Assert.Equal(HttpStatusCode.BadRequest, spent.StatusCode);
    }

    [Fact]
    public async Task WrongCodesAndBirthDates_SpendTheInvitation_AfterFiveAttempts()
    {
        var (oncologist, patientId) = await factory.PatientWithPpsAsync();
        var letter = await (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { letter = true })).JsonAsync();
        var (code, identifier) = (letter.GetProperty("code").GetString()!, letter.GetProperty("identifier").GetString()!);
        var anonymous = factory.CreateClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code = "AAAA-BBBB-CCCC" })).StatusCode);
        var token = (await (await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code })).JsonAsync()).GetProperty("token").GetString();
        for (var i = 0; i < 5; i++)
        {
            var refused = await anonymous.PostAsJsonAsync("/api/auth/activate", new { token, password = Accounts.NewPassword, confirmation = Accounts.NewPassword, code = "000000", birthDate = "1970-01-01" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        // The fifth wrong birth date spent the link and the letter: the right one no longer opens anything.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"/api/auth/activate?token={token}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsJsonAsync("/api/auth/activate/letter", new { identifier, code })).StatusCode);
        Assert.Equal(9, (await factory.PatientEventsAsync(patientId, "portal-activation-refused")).Count);
    }

    [Fact]
    public async Task OnlyACareTeamMember_OpensTheAccount_AndAnAddressInUseIsAConflict()
    {
        var marie = await factory.MarieDurandAsync();
        var pharmacist = await factory.ClientAsAsync(Architecture.EveryCapabilityTests.Pharmacist);
        var refused = await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/portal-account", new { email = Accounts.NewEmail("x") });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("open-portal-account", (await refused.JsonAsync()).GetProperty("capability").GetString());
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/patients/{marie}/portal-account", new { email = Accounts.NewEmail("x") })).StatusCode);

        var (oncologist, patientId) = await factory.PatientWithPpsAsync();
        var taken = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email = Api.Gp });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("email", (await taken.JsonAsync()).GetProperty("field").GetString());
        var invalid = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/portal-account", new { email = "pas-une-adresse" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class OpenPortalAccountSqliteTests(SqliteRelaisFactory factory) : OpenPortalAccountTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OpenPortalAccountPostgresTests(PostgresRelaisFactory factory) : OpenPortalAccountTests(factory), IClassFixture<PostgresRelaisFactory>;

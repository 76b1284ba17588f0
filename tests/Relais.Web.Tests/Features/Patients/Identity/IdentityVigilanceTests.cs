using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Patients;
using Relais.Web.Features.Patients.Identity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Patients.Identity;

/// <summary>The RNIV status of an identity, how it is reached, where it is shown, and what it lets leave Relais.</summary>
public abstract class IdentityVigilanceTests(RelaisFactory factory)
{
    [Fact]
    public async Task ANewIdentity_IsProvisional_AndTheUnreachableInsiTeleserviceLeavesItSo()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1972, 3, 3).CreateAsync(oncologist);
        var insi = await oncologist.PostAsync($"/api/patients/{id}/identity/insi", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, insi.StatusCode);
        Assert.Equal("provisional", (await oncologist.GetJsonAsync($"/api/patients/{id}")).GetProperty("identity").GetProperty("status").GetString());
    }

    [Fact]
    public async Task InsiRecovers_AHighTrustDocumentThenQualifies_ALowTrustOneValidatesNothing_AndTheBannerShowsTheStatus()
    {
        var insi = new InsiDouble(InsiOutcome.Verified, InsOids.NirTest);
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInsiTeleservice>(insi)));
        var oncologist = await SignInAsync(app, Api.Oncologist);
        var id = await A.Patient().Named("Insi", "Marthe Louise").Born(1973, 4, 4).CreateAsync(oncologist);

        var recovered = await (await oncologist.PostAsync($"/api/patients/{id}/identity/insi", null)).JsonAsync();
        Assert.Equal("recovered", recovered.GetProperty("status").GetString());
        Assert.Equal(InsOids.NirTest, recovered.GetProperty("insOid").GetString());
        Assert.Equal("Insi", Assert.Single(insi.Queries).BirthName);

        var lowTrust = await oncologist.PostAsJsonAsync($"/api/patients/{id}/identity/document", new { kind = "birth-certificate" });
        Assert.Equal(HttpStatusCode.BadRequest, lowTrust.StatusCode);
        Assert.True((await lowTrust.JsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        var qualified = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/identity/document", new { kind = "passport", checkedOn = "2026-11-23" })).JsonAsync();
        Assert.Equal("qualified", qualified.GetProperty("status").GetString());

        // The banner, on a page about the patient (a signed-in browser, on the same database).
        var browser = await factory.CookieClientAsync(Api.Oncologist);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/patients/{id}/acces"));
        Assert.Contains("Identité qualifiée", html);
        Assert.Contains("INSI", html);
        Assert.Contains("Marthe", html);

        // A trait changed by hand undoes both checks.
        Assert.Equal(HttpStatusCode.OK, (await oncologist.PutAsJsonAsync($"/api/patients/{id}", new { firstNames = "Marthe" })).StatusCode);
        Assert.Equal("provisional", (await oncologist.GetJsonAsync($"/api/patients/{id}")).GetProperty("identity").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnlyAQualifiedIns_LeavesRelais_InTheMailHeaderAndSubject()
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var id = await A.Patient().Born(1974, 5, 5).CreateAsync(oncologist);
        var sent = await oncologist.PostAsJsonAsync($"/api/patients/{id}/transmissions", new { obligation = "c6", message = "Dossier inscrit à la RCP sein du 1er décembre 2026." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var outbox = await factory.OutboxIdsAsync((await sent.JsonAsync()).GetProperty("id").GetGuid());
        await factory.DispatchAsync();
        var mail = Assert.Single(await Mailbox.WaitForAsync(outbox, 1));
        Assert.False(mail.Headers.Contains("X-Relais-Patient-INS"));
        Assert.DoesNotContain("INS", mail.Subject);
        Assert.Contains("ESSAI", mail.Subject);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.LoginAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

[Collection("sqlite")]
public sealed class IdentityVigilanceSqliteTests(SqliteRelaisFactory factory) : IdentityVigilanceTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class IdentityVigilancePostgresTests(PostgresRelaisFactory factory) : IdentityVigilanceTests(factory), IClassFixture<PostgresRelaisFactory>;

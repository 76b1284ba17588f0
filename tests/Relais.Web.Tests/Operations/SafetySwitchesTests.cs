using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

/// <summary>
/// Safety switches are settings, not environments (SECURITY.md promise 9): the app under test runs in the
/// Development environment, and each switch still does what its setting says.
/// </summary>
public abstract class SafetySwitchesTests(RelaisFactory factory)
{
    [Fact]
    public async Task TheDemoPassword_IsRefused_WhenTheSettingIsOff_EvenInDevelopment()
    {
        await using var app = factory.Sibling();
        app.Settings["Security:AcceptDemoPassword"] = "false";
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Api.Oncologist, password = Api.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task Hsts_FollowsItsSetting_OnByDefault(string? setting, bool expected)
    {
        await using var app = factory.Sibling();
        if (setting is not null) app.Settings["Security:Hsts"] = setting;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://relais.example") });
        var response = await client.GetAsync("/health/live");
        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
    }
}

[Collection("sqlite")]
public sealed class SafetySwitchesSqliteTests(SqliteRelaisFactory factory) : SafetySwitchesTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class SafetySwitchesPostgresTests(PostgresRelaisFactory factory) : SafetySwitchesTests(factory), IClassFixture<PostgresRelaisFactory>;

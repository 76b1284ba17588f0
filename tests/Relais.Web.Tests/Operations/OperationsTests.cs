using System.Net;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Operations;

public abstract class OperationsTests(RelaisFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswer(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesThePatientApi()
    {
        var client = factory.CreateClient();
        var text = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/patients/{patientId}/timeline", text);
        Assert.Contains("/api/auth/login", text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs")).StatusCode);
    }

    [Fact]
    public async Task SignInPageIsFrench()
    {
        var html = await factory.CreateClient().GetStringAsync("/connexion");
        Assert.Contains("lang=\"fr\"", html);
        Assert.Contains("Mot de passe", html);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task EnglishIsAvailableOnRequest()
    {
        var html = await factory.CreateClient().GetStringAsync("/connexion?culture=en");
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("Password", html);
        Assert.DoesNotContain("Mot de passe", html);
    }
}

[Collection("sqlite")]
public sealed class OperationsSqliteTests(SqliteRelaisFactory factory) : OperationsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class OperationsPostgresTests(PostgresRelaisFactory factory) : OperationsTests(factory), IClassFixture<PostgresRelaisFactory>;

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>Keeping the directory (issue 13 point 1): administrators and 3C/DSRC coordinators, by hand and by CSV import.</summary>
public abstract class MaintainDirectoryTests(RelaisFactory factory)
{
    private const string Header = "name;kind;services;address;postcode;commune;acceptsPostCancerPackage;free;phone;email";

    private static object Provider(string name) => new
    {
        name, kind = "association", services = new[] { "adapted-physical-activity", "socio-aesthetics" }, address = "3 quai de la Bourse",
        postcode = "76000", commune = "Rouen", acceptsPostCancerPackage = true, free = true,
    };

    [Fact]
    public async Task TheQualityCoordinator_AddsAProvider_ThatTheSearchFinds_AndTheAdministratorDeactivatesIt()
    {
        var quality = await factory.ClientAsAsync(Api.Quality);
        var name = $"Association Essai {Guid.NewGuid():N}"[..30];
        var created = await quality.PostAsJsonAsync("/api/supportive-care/providers", Provider(name));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var gp = await factory.ClientAsAsync(Api.Gp);
        var found = await gp.GetJsonAsync("/api/supportive-care/providers?service=socio-aesthetics&postcode=76000");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id && p.GetProperty("distanceKm").GetDouble() == 0);

        var admin = await factory.ClientAsAsync(Api.Admin);
        var body = new Dictionary<string, object?>
        {
            ["name"] = name, ["kind"] = "association", ["services"] = new[] { "socio-aesthetics" }, ["address"] = "3 quai de la Bourse",
            ["postcode"] = "76000", ["commune"] = "Rouen", ["active"] = false,
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/supportive-care/providers/{id}", body)).StatusCode);
        found = await gp.GetJsonAsync("/api/supportive-care/providers?service=socio-aesthetics&postcode=76000");
        Assert.DoesNotContain(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task AClinician_DoesNotMaintainTheDirectory_TheRefusalNamesTheCapability()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var refused = await gp.PostAsJsonAsync("/api/supportive-care/providers", Provider("Refusé"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("maintain-supportive-directory", (await refused.JsonAsync()).GetProperty("capability").GetString());
    }

    [Fact]
    public async Task AProviderOutsideTheGeography_IsRefused_NamingThePostcode()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var body = new { name = "Ailleurs", kind = "association", services = new[] { "psychology" }, address = "1 rue", postcode = "75001", commune = "Paris" };
        await SupportiveCarePatients.AssertProblemAsync(await admin.PostAsJsonAsync("/api/supportive-care/providers", body), HttpStatusCode.BadRequest, "postcode");
    }

    [Fact]
    public async Task AnImport_WithAFaultyLine_NamesEachFaultyLine_AndWritesNothing()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var before = await CountAsync();
        var csv = string.Join('\n', Header,
            "Cabinet A (import);private-practitioner;psychology;1 rue;76000;Rouen;oui;non;;",
            "Cabinet B (import);sorcerer;psychology;1 rue;76000;Rouen;oui;non;;",
            "Cabinet C (import);private-practitioner;dietetics;1 rue;75001;Paris;oui;non;;");

        var refused = await admin.PostAsJsonAsync("/api/supportive-care/providers/import", new { csv });

        await SupportiveCarePatients.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "lines[3].kind");
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lines[4].postcode", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("lines[2].kind", out _));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnImport_OfGoodLines_AddsThemAll()
    {
        var admin = await factory.ClientAsAsync(Api.Admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = string.Join("\r\n", Header,
            $"Kiné Dieppe {tag};private-practitioner;physiotherapy;2 quai Henri-IV;76200;Dieppe;non;non;02 35 84 00 00;",
            $"\"Psy; Eu {tag}\";private-practitioner;psychology, sexual-health;1 place;76260;Eu;oui;non;;psy@eu.test");

        var imported = await admin.PostAsJsonAsync("/api/supportive-care/providers/import", new { csv });

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await imported.JsonAsync()).GetProperty("imported").GetInt32());
        var found = await admin.GetJsonAsync("/api/supportive-care/providers?service=sexual-health&postcode=76200");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == $"Psy; Eu {tag}");
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RelaisDb>().SupportiveCareProviders.CountAsync();
    }
}

[Collection("sqlite")]
public sealed class MaintainDirectorySqliteTests(SqliteRelaisFactory factory) : MaintainDirectoryTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class MaintainDirectoryPostgresTests(PostgresRelaisFactory factory) : MaintainDirectoryTests(factory), IClassFixture<PostgresRelaisFactory>;

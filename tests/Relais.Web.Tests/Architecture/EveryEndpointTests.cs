using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Features.Access;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// Walks every endpoint the app exposes (API and pages). Each must declare whether it serves one
/// patient's data; every one that does is called by a GP outside the care team, with a real patient
/// id, and must answer exactly as for a patient that does not exist. A new endpoint that forgets the
/// rule fails here.
/// </summary>
public abstract class EveryEndpointTests(RelaisFactory factory)
{
    private List<RouteEndpoint> Endpoints()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static bool Scoped(Endpoint e) => e.Metadata.GetMetadata<PatientScopedAttribute>() is not null;

    [Fact]
    public void EveryEndpointDeclaresWhetherItServesPatientData()
    {
        var undeclared = Endpoints()
            .Where(e => !Scoped(e) && e.Metadata.GetMetadata<NoPatientDataAttribute>() is null && e.Metadata.GetMetadata<ChecksEachPatientAttribute>() is null)
            // The static-assets middleware adds, in Development, a fallback that serves files from wwwroot only.
            .Where(e => e.DisplayName != "Fallback {**path:file}")
            .Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})")
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void EveryRouteNamingAPatientIsGuardedByTheAccessRule()
    {
        var endpoints = Endpoints();
        var unguarded = endpoints
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name.Equals(PatientScope.RouteParameter, StringComparison.OrdinalIgnoreCase)) && !Scoped(e))
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unguarded);
        Assert.True(endpoints.Count(Scoped) >= 15, "the patient API and pages should all be found");
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public Task EveryPatientEndpoint_AnswersAnOutsiderAsForANonExistentPatient_AndAuditsTheDenial() => WalkAsOutsiderAsync(Api.OtherGp, Relais.Domain.Access.UserRoles.GeneralPractitioner);

    /// <summary>Issue 11: a caregiver (Marie Durand's son, her carnet delegated) is an outsider to every other patient's record.</summary>
    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public Task EveryPatientEndpoint_AnswersTheCaregiverOfAnotherPatientAsForANonExistentPatient() => WalkAsOutsiderAsync(EveryCapabilityTests.Caregiver, Relais.Domain.Access.UserRoles.Caregiver);

    private async Task WalkAsOutsiderAsync(string outsiderEmail, string role)
    {
        var dubois = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        var patientId = (await dubois.GetJsonAsync("/api/patients?pageSize=50")).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).First(id => id != marie);
        var timeline = await dubois.GetJsonAsync($"/api/patients/{patientId}/timeline");
        var episodeId = timeline[0].GetProperty("episodeId").GetGuid();
        var team = await dubois.GetJsonAsync($"/api/patients/{patientId}/care-team");
        var memberId = team[0].GetProperty("id").GetGuid();
        var outsider = await factory.ClientAsAsync(outsiderEmail);
        var cookieOutsider = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await cookieOutsider.LoginAsync(outsiderEmail, cookies: true);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(Scoped))
        {
            var isPage = endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is null
                || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in isPage ? ["GET"] : methods)
            {
                string Url(Guid patient) => Fill(endpoint.RoutePattern.RawText!, patient, episodeId, memberId);
                var client = isPage ? cookieOutsider : outsider;
                var denialsBefore = await DenialsAsync(patientId);
                var real = await SendAsync(client, method, Url(patientId));
                var audited = await DenialsAsync(patientId) - denialsBefore;
                var missing = await SendAsync(client, method, Url(Guid.NewGuid()));
                // Not found; or, for a page reserved to other roles, the access-denied redirect — for any patient, real or not.
                var roleRefusal = real.Status == HttpStatusCode.Redirect && real.Location?.StartsWith("/acces-refuse", StringComparison.Ordinal) == true;
                // An endpoint or page whose role policy excludes the caller's role (a caregiver on a professionals' endpoint)
                // refuses before the access rule looks at the patient: 403 or the access-denied page, alike for any patient,
                // and no patient's audit row.
                var policyRefusal = !EveryCapabilityTests.PolicyAdmits(endpoint, role) && (real.Status == HttpStatusCode.Forbidden || roleRefusal);
                Assert.True(real.Status == HttpStatusCode.NotFound || roleRefusal || policyRefusal, $"{method} {endpoint.RoutePattern.RawText} answered {(int)real.Status} to an outsider");
                Assert.True(audited == 1 || (policyRefusal && audited == 0), $"{method} {endpoint.RoutePattern.RawText}: {audited} denial(s) audited");
                Assert.Equal(missing.Location, real.Location);
                Assert.Equal(missing.Status, real.Status);
                Assert.True(missing.Body == real.Body, $"{method} {endpoint.RoutePattern.RawText} answers differently for a real and a missing patient");
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= 15);
    }

    [Fact]
    public async Task EveryEndpointNamingPatientsInItsBody_RefusesAnOutsider_AsForANonExistentPatient_AndAuditsTheDenial()
    {
        var dubois = await factory.ClientAsAsync(Api.Gp);
        var patientId = await dubois.FirstPatientIdAsync();
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var bodies = new Dictionary<string, object>
        {
            ["/api/observations/batch"] = new { results = new[] { new { patientId = Guid.Empty, code = "psa", value = 0.05m, unit = "ng/mL", effective = "2026-11-02", laboratory = "Laboratoire Cerballiance Caen" } } },
        };
        var endpoints = Endpoints().Where(e => e.Metadata.GetMetadata<ChecksEachPatientAttribute>() is not null).ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            Assert.True(bodies.ContainsKey(route), $"{route}: add a request body naming a patient to this test");
            string Body(Guid patient) => System.Text.Json.JsonSerializer.Serialize(bodies[route]).Replace(Guid.Empty.ToString(), patient.ToString());
            var before = await DenialsAsync(patientId);
            var real = await outsider.PostAsync(route, new StringContent(Body(patientId), Encoding.UTF8, "application/json"));
            var missing = await outsider.PostAsync(route, new StringContent(Body(Guid.NewGuid()), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
            Assert.Equal(missing.StatusCode, real.StatusCode);
            Assert.Equal(before + 1, await DenialsAsync(patientId));
        }
    }

    private async Task<int> DenialsAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Relais.Web.Data.RelaisDb>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.PatientId == patientId && a.Outcome == "denied");
    }

    private static string Fill(string pattern, Guid patientId, Guid episodeId, Guid memberId)
    {
        var url = "/" + pattern.TrimStart('/');
        foreach (var (name, value) in new[] { ("patientId", patientId), ("episodeId", episodeId), ("memberId", memberId) })
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + name + "(:[^}]*)?\\}", value.ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        // Any other identifier: the rule must refuse before it matters whether the item exists.
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[A-Za-z]+Id(:[^}]*)?\\}", Guid.NewGuid().ToString());
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{order(:[^}]*)?\\}", "1");
        return url;
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = url.EndsWith("/documents", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new StringContent("letter"), "kind" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // The trace id differs per request by design; everything else must be identical.
        body = System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
        body = System.Text.RegularExpressions.Regex.Replace(body, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");
        var location = response.Headers.Location?.OriginalString;
        if (location is not null && Uri.TryCreate(location, UriKind.Absolute, out var absolute)) location = absolute.PathAndQuery;
        // The return address names the page asked for, which differs by the identifier only.
        location = location is null ? null : System.Text.RegularExpressions.Regex.Replace(location, "[?&]retour=.*$", "");
        return (response.StatusCode, body, location);
    }
}

[Collection("sqlite")]
public sealed class EveryEndpointSqliteTests(SqliteRelaisFactory factory) : EveryEndpointTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EveryEndpointPostgresTests(PostgresRelaisFactory factory) : EveryEndpointTests(factory), IClassFixture<PostgresRelaisFactory>;

using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Relais.Domain.Access;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;
using Relais.Web.Data;
using Relais.Web.Features.Access;
using Relais.Web.Identity;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Architecture;

/// <summary>
/// Walks every endpoint and page that names a patient with every role, on the record of Marie Durand (whose
/// care team holds the oncologist, the nurse, the GP, the pharmacist and the tumor-board secretary, and here a
/// supportive-care professional): what the capability table refuses answers 403 naming the capability (the
/// pages send to the access-denied page); what it allows passes the check — every read answers 200. A walk
/// that denied everything, or allowed everything, fails.
/// </summary>
public abstract class EveryCapabilityTests(RelaisFactory factory)
{
    /// <summary><paramref name="Delegated"/>: the sections a patient's delegation opens to this account (a caregiver), which bound the table.</summary>
    private sealed record Account(string Email, string Role, Specialty Specialty, bool InTeam, RecordSections? Delegated = null)
    {
        public bool Allows(Capability c) => Capabilities.Allows([Role], Specialty, c)
            && (Delegated is not { } sections || (Capabilities.SectionOf(c) is { } section && sections.HasFlag(section)));
    }

    private static readonly Account[] Accounts =
    [
        new(Api.Oncologist, UserRoles.HospitalClinician, Specialty.MedicalOncology, true),
        new(Api.Nurse, UserRoles.NurseCoordinator, Specialty.Nursing, true),
        new(Api.Gp, UserRoles.GeneralPractitioner, Specialty.GeneralPractice, true),
        new(Pharmacist, UserRoles.Pharmacist, Specialty.Pharmacy, true),
        new(Api.Secretary, UserRoles.TumorBoardSecretary, Specialty.Administration, true),
        new(Psychologist, UserRoles.SupportiveCare, Specialty.Psychology, true),
        new(Api.PatientAccount, UserRoles.Patient, Specialty.None, false),
        new(Api.Quality, UserRoles.QualityCoordinator, Specialty.None, false),
        new(Api.Admin, UserRoles.Administrator, Specialty.None, false),
        // Marie Durand delegated her carnet to her son (the demo caregiver): that section of her record, nothing else.
        new(Caregiver, UserRoles.Caregiver, Specialty.None, false, RecordSections.Carnet),
    ];

    public const string Caregiver = "aidant@relais.demo";

    public const string Pharmacist = "pharmacien@relais.demo";
    private const string Psychologist = "psychologue.walk@relais.test";

    private List<RouteEndpoint> Endpoints()
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static bool NamesAPatient(RouteEndpoint e) =>
        e.RoutePattern.Parameters.Any(p => p.Name.Equals(PatientScope.RouteParameter, StringComparison.OrdinalIgnoreCase));

    private static bool IsPage(Endpoint e) => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;

    private static IReadOnlyList<Capability>? Required(Endpoint e)
    {
        if (e.Metadata.GetMetadata<RequiresCapabilityAttribute>() is { } onEndpoint) return onEndpoint.AnyOf;
        var component = e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type;
        return component?.GetCustomAttributes(typeof(RequiresCapabilityAttribute), true).OfType<RequiresCapabilityAttribute>().FirstOrDefault()?.AnyOf;
    }

    [Fact]
    public void EveryEndpointAndPageNamingAPatient_RequiresACapability()
    {
        var missing = Endpoints().Where(NamesAPatient).Where(e => Required(e) is null).Select(e => $"{e.RoutePattern.RawText} ({e.DisplayName})").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    [Trait(Clocks.Trait, Clocks.Machine)]
    public async Task EveryRole_OnEveryEndpointAndPage_GetsWhatTheTableSays()
    {
        var patientId = await factory.MarieDurandAsync();
        await AddPsychologistAsync(patientId);
        var endpoints = Endpoints().Where(NamesAPatient).ToList();
        var refusals = 0;
        var successes = new Dictionary<string, int>();
        var failures = new List<string>();
        foreach (var account in Accounts)
        {
            var api = await factory.ClientAsAsync(account.Email);
            var browser = await factory.CookieClientAsync(account.Email);
            foreach (var endpoint in endpoints)
            {
                var required = Required(endpoint)!;
                var allowed = required.Any(account.Allows);
                var page = IsPage(endpoint);
                var methods = page ? ["GET"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    var url = Fill(endpoint.RoutePattern.RawText!, patientId);
                    var (status, body, location) = await SendAsync(page ? browser : api, method, url);
                    var where = $"{account.Role} {method} {endpoint.RoutePattern.RawText} → {(int)status} {location} {body[..Math.Min(body.Length, 200)]}";
                    var capability = Capability(body);
                    var accessRuleRefusal = status == HttpStatusCode.NotFound && body.Contains("Patient introuvable", StringComparison.Ordinal);
                    var denied = page
                        ? status == HttpStatusCode.Redirect && location?.StartsWith("/acces-refuse", StringComparison.Ordinal) == true
                        : status == HttpStatusCode.Forbidden;
                    if (!account.InTeam)
                    {
                        // Outside the team (the 3C, the administrator) or on a write (the patient): the access rule or the role policy answers first.
                        if (allowed && !denied && !accessRuleRefusal && (int)status < 300) successes[account.Role] = successes.GetValueOrDefault(account.Role) + 1;
                        if (!allowed && !(denied || accessRuleRefusal || (page && status == HttpStatusCode.NotFound))) failures.Add("not refused: " + where);
                        continue;
                    }
                    if (allowed)
                    {
                        // A structure's member only (the table's narrowed lines): the walk's psychologist is in no palliative team or HAD.
                        var narrowed = denied && !page && required.Any(c => Capabilities.NarrowedToAStructure.Contains((account.Role, c)) && capability == Capabilities.Code(c));
                        if (narrowed) refusals++;
                        else if (denied || accessRuleRefusal) failures.Add("refused: " + where);
                        else if (method == "GET" && !HasOtherIdentifier(endpoint) && status != HttpStatusCode.OK) failures.Add("read failed: " + where);
                        else if ((int)status < 300) successes[account.Role] = successes.GetValueOrDefault(account.Role) + 1;
                    }
                    else if (!denied)
                    {
                        failures.Add("not refused: " + where);
                    }
                    else if (!page && PolicyAdmits(endpoint, account.Role))
                    {
                        // Past the role policy, the refusal is the capability table's: 403 naming the capability.
                        if (capability != Capabilities.Code(required[0])) failures.Add($"403 without the capability {Capabilities.Code(required[0])}: " + where);
                        refusals++;
                    }
                    else
                    {
                        refusals++;
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refusals >= 40, $"only {refusals} refusals");
        foreach (var role in new[] { UserRoles.HospitalClinician, UserRoles.NurseCoordinator, UserRoles.GeneralPractitioner, UserRoles.Pharmacist, UserRoles.TumorBoardSecretary, UserRoles.SupportiveCare, UserRoles.Patient })
            Assert.True(successes.GetValueOrDefault(role) >= 3, $"{role} succeeded only {successes.GetValueOrDefault(role)} times");
        // The caregiver reads the carnet, by the API and on its page.
        Assert.True(successes.GetValueOrDefault(UserRoles.Caregiver) >= 2, $"the caregiver succeeded only {successes.GetValueOrDefault(UserRoles.Caregiver)} times");
    }

    /// <summary>Whether the endpoint's own role policy lets this role through (the capability table then decides).</summary>
    internal static bool PolicyAdmits(Endpoint endpoint, string role)
    {
        var roleSets = endpoint.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>())
            .Select(r => r.AllowedRoles)
            .Concat(endpoint.Metadata.OfType<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',')))
            .ToList();
        return roleSets.All(set => set.Contains(role));
    }

    private static bool HasOtherIdentifier(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Any(p => !p.Name.Equals(PatientScope.RouteParameter, StringComparison.OrdinalIgnoreCase));

    private static string? Capability(string body)
    {
        if (!body.StartsWith('{')) return null;
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("capability", out var c) ? c.GetString() : null;
    }

    private async Task AddPsychologistAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RelaisUser>>();
        if (await users.FindByEmailAsync(Psychologist) is not null) return;
        var user = new RelaisUser { UserName = Psychologist, Email = Psychologist, EmailConfirmed = true, FirstName = "Léa", LastName = "Psy", Specialty = Specialty.Psychology };
        Assert.True((await users.CreateAsync(user, Api.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.SupportiveCare)).Succeeded);
        await Relais.Web.Demo.DemoData.EnrolAuthenticatorAsync(scope.ServiceProvider, user);
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        db.CareTeamMembers.Add(CareTeamMember.Add(patientId, user.Id, CareTeamRole.SupportiveCare, new DateOnly(2026, 1, 1), null, user.Id, factory.Time.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    /// <summary>The patient is real; every other identifier is random, so that no write of the walk changes the record.</summary>
    private static string Fill(string pattern, Guid patientId)
    {
        var url = "/" + pattern.TrimStart('/');
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{patientId(:[^}]*)?\\}", patientId.ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[A-Za-z]+Id(:[^}]*)?\\}", Guid.NewGuid().ToString());
        return System.Text.RegularExpressions.Regex.Replace(url, "\\{order(:[^}]*)?\\}", "1");
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = url.EndsWith("/documents", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new StringContent("letter"), "kind" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString;
        if (location is not null && Uri.TryCreate(location, UriKind.Absolute, out var absolute)) location = absolute.PathAndQuery;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), location);
    }
}

[Collection("sqlite")]
public sealed class EveryCapabilitySqliteTests(SqliteRelaisFactory factory) : EveryCapabilityTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class EveryCapabilityPostgresTests(PostgresRelaisFactory factory) : EveryCapabilityTests(factory), IClassFixture<PostgresRelaisFactory>;

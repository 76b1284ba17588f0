using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Domain.Pathways;
using Relais.Web.Tests.Features.FollowUp;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>
/// A patient of Dr Dubois whose breast cancer was treated until 30 June 2026 (the window of the post-cancer package opens that day), in
/// ALD since February unless told otherwise; the tests' clock reads 23 November 2026.
/// </summary>
public static class PostCancerPackagePatients
{
    public const string EndOfTreatment = "2026-06-30";
    public const string NotAccepting = "Cabinet de psychologie de Louviers (démo)";

    public static async Task<(HttpClient Oncologist, Guid PatientId)> PackagePatientAsync(this RelaisFactory factory, bool inAld = true)
    {
        var (oncologist, patientId, episodeId) = await factory.PatientInTreatmentAsync();
        await factory.Services.PastStepsAsync(episodeId, (PathwayPhase.EndOfTreatment, DateOnly.Parse(EndOfTreatment, System.Globalization.CultureInfo.InvariantCulture)));
        if (inAld)
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/ald", new { from = "2026-02-01", to = "2031-01-31" })).StatusCode);
        return (oncologist, patientId);
    }

    public static async Task<HttpResponseMessage> PrescribeAsync(this HttpClient by, Guid patientId, string prescribedOn, Guid providerId) =>
        await by.PostAsJsonAsync($"/api/patients/{patientId}/post-cancer-package", new { prescribedOn, providerId });

    /// <summary>Prescribes the package to the Ligue's space in Rouen on 1 July 2026; returns its id.</summary>
    public static async Task<Guid> PrescribeToLigueAsync(this HttpClient by, Guid patientId, string prescribedOn = "2026-07-01")
    {
        var response = await by.PrescribeAsync(patientId, prescribedOn, await by.ProviderIdAsync("psychology", SupportiveCarePatients.LigueSpace));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient provider, Guid patientId, Guid packageId, string kind, string discipline, string on) =>
        await provider.PostAsJsonAsync($"/api/patients/{patientId}/post-cancer-package/{packageId}/acts", new { kind, discipline, on });

    /// <summary>Records an act that must pass; returns the new figures.</summary>
    public static async Task<JsonElement> ActedAsync(this HttpClient provider, Guid patientId, Guid packageId, string kind, string discipline, string on)
    {
        var response = await provider.ActAsync(patientId, packageId, kind, discipline, on);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>Asserts a 400 naming the field, whose message says which limit was reached.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string limit)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var messages = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field);
        Assert.Contains(limit, messages[0].GetString(), StringComparison.Ordinal);
    }
}

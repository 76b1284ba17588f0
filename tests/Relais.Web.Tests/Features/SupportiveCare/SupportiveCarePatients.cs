using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.SupportiveCare;

/// <summary>The accounts and records the supportive-care tests share: the demo Ligue space in Rouen and its psychologist.</summary>
public static class SupportiveCarePatients
{
    public const string Psychologist = "psychologue@relais.demo";
    public const string Dietitian = "dieteticienne@relais.demo";
    public const string LigueSpace = "Espace Ligue Rouen — soins de support (démo)";

    /// <summary>A new patient of Dr Dubois registered by the oncologist, with the nurse coordinator in the care team.</summary>
    public static async Task<(HttpClient Oncologist, Guid PatientId)> PatientWithNurseAsync(this RelaisFactory factory, string name = "Soutien")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        return (oncologist, await oncologist.PatientWithNurseAsync(name));
    }

    /// <summary>The same through an oncologist's client of any app instance (a browser test's Kestrel server).</summary>
    public static async Task<Guid> PatientWithNurseAsync(this HttpClient oncologist, string name)
    {
        var patientId = await A.Patient().Named(name, "Claire").CreateAsync(oncologist);
        var nurseId = (await oncologist.GetJsonAsync("/api/professionals?search=Moreau"))[0].GetProperty("id").GetGuid();
        var added = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = nurseId, role = "nurse-coordinator" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        return patientId;
    }

    public static async Task<Guid> ProviderIdAsync(this HttpClient client, string service, string name)
    {
        var found = await client.GetJsonAsync($"/api/supportive-care/providers?service={service}&postcode=76000");
        return found.GetProperty("items").EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>Refers the patient to the Ligue space for psychology; returns the referral's id.</summary>
    public static async Task<Guid> ReferToLigueAsync(this HttpClient by, Guid patientId, string need = "psychological", string service = "psychology")
    {
        var providerId = await by.ProviderIdAsync(service, LigueSpace);
        var response = await by.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals", new { service, providerId, need, note = "Anxiété depuis la fin des traitements." });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.Equal("proposed", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> StatusAsync(this HttpClient by, Guid patientId, Guid referralId, string status, string? reason = null) =>
        await by.PostAsJsonAsync($"/api/patients/{patientId}/supportive-care/referrals/{referralId}/status", new { status, reason });

    public static async Task<JsonElement> ReferralAsync(this HttpClient reader, Guid patientId, Guid referralId) =>
        (await reader.GetJsonAsync($"/api/patients/{patientId}/supportive-care")).GetProperty("referrals").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == referralId);

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Features.Coordination;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Symptoms;

/// <summary>Answers to the toxicity questionnaire, as the patient or a nurse on the phone sends them.</summary>
internal static class SymptomPatients
{
    public const string Toxicity = "treatment-toxicity";

    /// <summary>The nine ESAS-r symptoms' linkIds.</summary>
    public static readonly string[] EsasItems = ["pain", "tiredness", "drowsiness", "nausea", "appetite", "shortness-of-breath", "depression", "anxiety", "wellbeing"];

    /// <summary>Every ESAS-r symptom at <paramref name="score"/>, with <paramref name="overrides"/> on top.</summary>
    public static Dictionary<string, object> Esas(string score, params (string LinkId, string Value)[] overrides)
    {
        var answers = EsasItems.ToDictionary(k => k, _ => (object)score);
        foreach (var (linkId, value) in overrides) answers[linkId] = value;
        return answers;
    }

    /// <summary>Every required question answered "none", with <paramref name="overrides"/> on top.</summary>
    public static Dictionary<string, object> NoSymptoms(params (string LinkId, object Value)[] overrides)
    {
        var answers = new Dictionary<string, object> { ["chills"] = false };
        foreach (var item in new[] { "nausea", "vomiting", "diarrhoea", "mouth-sores", "pain", "fatigue", "shortness-of-breath", "hand-foot", "numbness", "rash", "bleeding" })
            answers[item] = "0";
        foreach (var (linkId, value) in overrides) answers[linkId] = value;
        return answers;
    }

    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient client, Guid patientId, string questionnaire, Dictionary<string, object> answers) =>
        await client.PostAsJsonAsync($"/api/patients/{patientId}/questionnaire-responses", new { questionnaire, answers });

    public static async Task<JsonElement> FeverAsync(this HttpClient client, Guid patientId, decimal temperature)
    {
        var response = await client.AnswerAsync(patientId, Toxicity, NoSymptoms(("temperature", temperature)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<(TeamSignalPatients.Team Team, HttpClient Nurse)> TeamWithNurseAsync(this RelaisFactory factory) =>
        (await factory.PatientWithFullTeamAsync(), await factory.ClientAsAsync(Api.Nurse));

    public static IEnumerable<JsonElement> Alerts(JsonElement response) => response.GetProperty("alerts").EnumerateArray();
}

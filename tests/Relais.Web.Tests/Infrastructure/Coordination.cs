using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Demo;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Helpers for documents and transmissions through the API.</summary>
public static class Coordination
{
    public static MultipartFormDataContent DocumentForm(string kind, string title, bool sign, byte[]? content = null, string fileName = "compte-rendu.pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new StringContent(title), "title" },
            { new StringContent(sign ? "true" : "false"), "sign" },
        };
        var file = new ByteArrayContent(content ?? DemoPdf.Create(title, "Contenu de test."));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    public static async Task<JsonElement> UploadAsync(this HttpClient client, Guid patientId, string kind, string title, bool sign = true, byte[]? content = null)
    {
        var response = await client.PostAsync($"/api/patients/{patientId}/documents", DocumentForm(kind, title, sign, content));
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The patient's transmission under an obligation, as the team sees it.</summary>
    public static async Task<JsonElement> TransmissionAsync(this HttpClient client, Guid patientId, string code)
    {
        var list = await client.GetJsonAsync($"/api/patients/{patientId}/transmissions");
        return list.EnumerateArray().First(t => t.GetProperty("obligation").GetString() == code);
    }

    public static async Task<List<Guid>> OutboxIdsAsync(this RelaisFactory factory, Guid transmissionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        var recipients = db.TransmissionRecipients.Where(r => r.TransmissionId == transmissionId).Select(r => (Guid?)r.Id);
        return await db.OutboxMessages.Where(m => recipients.Contains(m.TransmissionRecipientId)).Select(m => m.Id).ToListAsync();
    }

    public static async Task<int> DispatchAsync(this RelaisFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<Relais.Web.Messaging.OutboxSender>();
        var total = 0;
        int sent;
        while ((sent = await sender.DispatchOnceAsync()) > 0) total += sent;
        return total;
    }

    /// <summary>The demo patient with a portal account (Marie Durand, GP Dr Dubois, pharmacist in her team).</summary>
    public static async Task<Guid> MarieDurandAsync(this RelaisFactory factory)
    {
        var patient = await factory.ClientAsAsync(Api.PatientAccount);
        return await patient.FirstPatientIdAsync();
    }

    /// <summary>
    /// The demo pathologist (Dr Camille Lambert), joined to the patient's care team by the oncologist when not yet a
    /// member: a pathology report is signed by a pathologist of the team (issue 11).
    /// </summary>
    public static async Task<HttpClient> PathologistInTeamAsync(this RelaisFactory factory, Guid patientId)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var pathologistId = (await oncologist.GetJsonAsync("/api/professionals?search=Lambert"))[0].GetProperty("id").GetGuid();
        var team = await oncologist.GetJsonAsync($"/api/patients/{patientId}/care-team");
        if (!team.EnumerateArray().Any(m => m.GetProperty("professional").GetProperty("id").GetGuid() == pathologistId && m.GetProperty("active").GetBoolean()))
        {
            var added = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = pathologistId, role = "pathologist" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        return await factory.ClientAsAsync(Api.Pathologist);
    }
}

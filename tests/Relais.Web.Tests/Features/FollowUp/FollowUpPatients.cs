using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.FollowUp;

/// <summary>A patient in active treatment for a breast cancer (by default), declared GP Jean Dubois: ready for the end of treatment.</summary>
public static class FollowUpPatients
{
    public static async Task<(HttpClient Oncologist, Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(this RelaisFactory factory, string nir13, string site = "C50.4")
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var (patientId, episodeId) = await oncologist.PatientInTreatmentAsync(nir13, site);
        return (oncologist, patientId, episodeId);
    }

    /// <summary>The same, through an oncologist's client of any app instance.</summary>
    /// <summary>A new patient of Dr Dubois (built by <see cref="A.Patient"/>), in active treatment of a breast cancer diagnosed on 5 January 2026.</summary>
    public static async Task<(HttpClient Oncologist, Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(this RelaisFactory factory)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Suivi", "Anne").CreateAsync(oncologist);
        var episodeId = await An.Episode().DiagnosedOn(2026, 1, 5).CreateAsync(oncologist, patientId);
        await oncologist.IntoTreatmentAsync(patientId, episodeId);
        return (oncologist, patientId, episodeId);
    }

    private static async Task IntoTreatmentAsync(this HttpClient oncologist, Guid id, Guid episodeId)
    {
        foreach (var (to, on) in new[] { ("announcement", "2026-01-12"), ("tumor-board", "2026-01-20"), ("care-programme", "2026-01-27"), ("active-treatment", "2026-02-09") })
            Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes/{episodeId}/transitions", new { to, occurredOn = on })).StatusCode);
    }

    public static async Task<(Guid PatientId, Guid EpisodeId)> PatientInTreatmentAsync(this HttpClient oncologist, string nir13, string site = "C50.4")
    {
        var gpId = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Dubois"))[0].GetProperty("id").GetGuid();
        var patient = await (await oncologist.PostAsJsonAsync("/api/patients", new
        {
            ins = Api.Ins(nir13), birthName = "Suivi", firstNames = "Anne", birthDate = "1961-06-01", sex = "female", generalPractitionerId = gpId,
        })).JsonAsync();
        var id = patient.GetProperty("id").GetGuid();
        var episode = await (await oncologist.PostAsJsonAsync($"/api/patients/{id}/episodes", new
        {
            primarySite = site, histology = "8500/3", diagnosisDate = "2026-01-05", initialPhase = "diagnosis-confirmed", openedOn = "2026-01-05",
        })).JsonAsync();
        var episodeId = episode.GetProperty("id").GetGuid();
        await oncologist.IntoTreatmentAsync(id, episodeId);
        return (id, episodeId);
    }
}

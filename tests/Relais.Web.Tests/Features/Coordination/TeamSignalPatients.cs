using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>A patient whose care team holds, beside the oncologist who created it and the GP, a nurse coordinator, a surgeon, a pathologist and the pharmacist.</summary>
internal static class TeamSignalPatients
{
    public sealed record Team(HttpClient Oncologist, Guid PatientId, Guid EpisodeId, Guid Nurse, Guid Surgeon, Guid Pathologist, Guid Pharmacist, Guid OncologistId);

    public static async Task<Team> PatientWithFullTeamAsync(this RelaisFactory factory)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var patientId = await A.Patient().Named("Signal", "Lucie").Born(1964, 3, 12).CreateAsync(oncologist);
        var episodeId = await An.Episode().DiagnosedOn(2026, 10, 5).CreateAsync(oncologist, patientId);
        var team = new Team(oncologist, patientId, episodeId,
            await IdAsync(oncologist, "NurseCoordinator", "Isabelle"), await IdAsync(oncologist, "HospitalClinician", "Paul"),
            await IdAsync(oncologist, "HospitalClinician", "Camille"), await IdAsync(oncologist, "Pharmacist", "Hugo"),
            await IdAsync(oncologist, "HospitalClinician", "Claire"));
        foreach (var (id, role) in new[] { (team.Pathologist, "pathologist"), (team.Surgeon, "surgeon"), (team.Nurse, "nurse-coordinator"), (team.Pharmacist, "pharmacist") })
        {
            var added = await oncologist.PostAsJsonAsync($"/api/patients/{patientId}/care-team", new { professionalId = id, role, from = "2026-10-05" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        return team;
    }

    private static async Task<Guid> IdAsync(HttpClient client, string role, string search) =>
        (await client.GetJsonAsync($"/api/professionals?role={role}&search={search}"))[0].GetProperty("id").GetGuid();

    public static IEnumerable<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    public static IEnumerable<JsonElement> InboxItems(JsonElement inbox) =>
        inbox.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("items").EnumerateArray());
}

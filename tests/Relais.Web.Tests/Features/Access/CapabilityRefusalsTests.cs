using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Relais.Web.Data;
using Relais.Web.Tests.Infrastructure;

namespace Relais.Web.Tests.Features.Access;

/// <summary>
/// The refusals issue 11 names, one by one, on Marie Durand's record (her team holds the pharmacist): each answers
/// 403 naming the capability, is audited, and writes nothing; and what the roles may do still works.
/// </summary>
public abstract class CapabilityRefusalsTests(RelaisFactory factory)
{
    private const string Pharmacist = "pharmacien@relais.demo";
    private const string Pathologist = "anapath@relais.demo";
    private static readonly string[] Messages = ["messages"];
    private static readonly string[] Unknown = ["everything"];

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string capability)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal(capability, JsonDocument.Parse(body).RootElement.GetProperty("capability").GetString());
    }

    private async Task<int> CapabilityDenialsAsync(Guid patientId, string capability)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelaisDb>();
        return await db.AuditEntries.CountAsync(a => a.PatientId == patientId && a.Outcome == "denied" && a.Detail == $"capability:{capability}");
    }

    private static async Task<Guid> DocumentOfKindAsync(HttpClient client, Guid patientId, string kind) =>
        (await client.GetJsonAsync($"/api/patients/{patientId}/documents")).EnumerateArray()
            .First(d => d.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();

    [Fact]
    public async Task ThePharmacist_DoesNotDecide_Sign_WidenTheTeam_OrMoveThePathway()
    {
        var marie = await factory.MarieDurandAsync();
        var pharmacist = await factory.ClientAsAsync(Pharmacist);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var episodeId = (await oncologist.GetJsonAsync($"/api/patients/{marie}/episodes"))[0].GetProperty("id").GetGuid();
        var garnier = (await oncologist.GetJsonAsync("/api/professionals?role=GeneralPractitioner&search=Garnier"))[0].GetProperty("id").GetGuid();
        var before = await CapabilityDenialsAsync(marie, "manage-care-team");
        var teamBefore = (await oncologist.GetJsonAsync($"/api/patients/{marie}/care-team")).GetArrayLength();

        await AssertRefusedAsync(await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/tumor-board-cases/{Guid.NewGuid()}/decision", new { proposal = "Chimiothérapie" }), "record-tumor-board-decision");
        await AssertRefusedAsync(await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/care-team", new { professionalId = garnier, role = "general-practitioner" }), "manage-care-team");
        await AssertRefusedAsync(await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/episodes/{episodeId}/transitions", new { to = "deceased", occurredOn = "2026-11-23" }), "record-pathway");
        await AssertRefusedAsync(await pharmacist.PostAsync($"/api/patients/{marie}/documents/{await DocumentOfKindAsync(oncologist, marie, "pathology-report")}/sign", null), "sign-document");
        await AssertRefusedAsync(await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/programmes/pps", new { episodeId }), "sign-programme");

        Assert.Equal(before + 1, await CapabilityDenialsAsync(marie, "manage-care-team"));
        Assert.Equal(teamBefore, (await oncologist.GetJsonAsync($"/api/patients/{marie}/care-team")).GetArrayLength());
        Assert.Equal("shared-follow-up", (await oncologist.GetJsonAsync($"/api/patients/{marie}/episodes"))[0].GetProperty("phase").GetString());
    }

    [Fact]
    public async Task ThePharmacist_ReadsTreatmentEventsAndLabs_NotThePathologyReport_TheDeliberations_OrThePsychologicalNotes()
    {
        var marie = await factory.MarieDurandAsync();
        var pharmacist = await factory.ClientAsAsync(Pharmacist);
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var episodeId = (await oncologist.GetJsonAsync($"/api/patients/{marie}/episodes"))[0].GetProperty("id").GetGuid();
        var pathology = await DocumentOfKindAsync(oncologist, marie, "pathology-report");

        foreach (var read in new[] { "", "/programmes", "/events", "/observations", "/carnet", "/messages" })
            Assert.Equal(HttpStatusCode.OK, (await pharmacist.GetAsync($"/api/patients/{marie}{read}")).StatusCode);
        var documents = await pharmacist.GetJsonAsync($"/api/patients/{marie}/documents");
        Assert.DoesNotContain(documents.EnumerateArray(), d => d.GetProperty("kind").GetString() is "pathology-report" or "tumor-board-report");
        await AssertRefusedAsync(await pharmacist.GetAsync($"/api/patients/{marie}/documents/{pathology}/content"), "read-pathology");
        await AssertRefusedAsync(await pharmacist.GetAsync($"/api/patients/{marie}/documents/{pathology}"), "read-pathology");
        await AssertRefusedAsync(await pharmacist.GetAsync($"/api/patients/{marie}/tumor-board-cases"), "read-tumor-board-deliberation");
        await AssertRefusedAsync(await pharmacist.GetAsync($"/api/patients/{marie}/episodes/{episodeId}/announcement"), "read-psychological-notes");
        await AssertRefusedAsync(await pharmacist.GetAsync($"/api/patients/{marie}/access-log"), "read-access-log");
        Assert.Equal(HttpStatusCode.OK, (await oncologist.GetAsync($"/api/patients/{marie}/documents/{pathology}/content")).StatusCode);
    }

    [Fact]
    public async Task APathologyReport_IsSignedByThePathologist_NotByTheOncologist()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var pathologistId = (await oncologist.GetJsonAsync("/api/professionals?search=Lambert"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/care-team", new { professionalId = pathologistId, role = "pathologist" })).StatusCode);
        var draft = await oncologist.UploadAsync(marie, "pathology-report", "Compte rendu de la biopsie", sign: false);
        var id = draft.GetProperty("id").GetGuid();

        await AssertRefusedAsync(await oncologist.PostAsync($"/api/patients/{marie}/documents/{id}/sign", null), "sign-pathology-report");
        await AssertRefusedAsync(await oncologist.PostAsync($"/api/patients/{marie}/documents", Infrastructure.Coordination.DocumentForm("pathology-report", "Compte rendu signé", sign: true)), "sign-pathology-report");
        Assert.Equal(JsonValueKind.Null, (await oncologist.GetJsonAsync($"/api/patients/{marie}/documents/{id}")).GetProperty("signedAt").ValueKind);

        var pathologist = await factory.ClientAsAsync(Pathologist);
        var signed = await pathologist.PostAsync($"/api/patients/{marie}/documents/{id}/sign", null);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task OnlyThePhysicianSignsAPps_TheGpAndTheNurseAreRefused()
    {
        var marie = await factory.MarieDurandAsync();
        var episodeId = (await (await factory.ClientAsAsync(Api.Oncologist)).GetJsonAsync($"/api/patients/{marie}/episodes"))[0].GetProperty("id").GetGuid();
        foreach (var who in new[] { Api.Gp, Api.Nurse })
            await AssertRefusedAsync(await (await factory.ClientAsAsync(who)).PostAsJsonAsync($"/api/patients/{marie}/programmes/pps", new { episodeId }), "sign-programme");
    }

    [Fact]
    public async Task CareTeamChanges_OwnMembership_CoordinatorsForOthers_NeverWithoutAReferringPhysician()
    {
        await using var app = factory.Fresh();
        var marie = await app.MarieDurandAsync();
        var oncologist = await app.ClientAsAsync(Api.Oncologist);
        var team = await oncologist.GetJsonAsync($"/api/patients/{marie}/care-team");
        Guid MemberOf(string role) => team.EnumerateArray().First(m => m.GetProperty("role").GetString() == role && m.GetProperty("active").GetBoolean()).GetProperty("id").GetGuid();
        var gp = await app.ClientAsAsync(Api.Gp);

        // A GP ended the referring oncologist with one click (issue 11): refused, audited, nothing changed.
        await AssertRefusedAsync(await gp.PostAsJsonAsync($"/api/patients/{marie}/care-team/{MemberOf("referring-oncologist")}/end", new { }), "manage-care-team");
        // The referring physician himself cannot leave the team without a successor.
        var last = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/care-team/{MemberOf("referring-oncologist")}/end", new { });
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.True((await last.JsonAsync()).GetProperty("errors").TryGetProperty("memberId", out _));
        // The pharmacist ends his own membership; the nurse coordinator ends the secretary's.
        var pharmacist = await app.ClientAsAsync(Pharmacist);
        Assert.Equal(HttpStatusCode.NoContent, (await pharmacist.PostAsJsonAsync($"/api/patients/{marie}/care-team/{MemberOf("pharmacist")}/end", new { })).StatusCode);
        var nurse = await app.ClientAsAsync(Api.Nurse);
        Assert.Equal(HttpStatusCode.NoContent, (await nurse.PostAsJsonAsync($"/api/patients/{marie}/care-team/{MemberOf("tumor-board-secretary")}/end", new { })).StatusCode);
        Assert.Contains((await oncologist.GetJsonAsync($"/api/patients/{marie}/care-team")).EnumerateArray(),
            m => m.GetProperty("role").GetString() == "referring-oncologist" && m.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task BreakTheGlass_Reads_AndIsRefusedEveryWrite()
    {
        var marie = await factory.MarieDurandAsync();
        var outsider = await factory.ClientAsAsync(Api.OtherGp);
        var opened = await outsider.PostAsJsonAsync("/api/break-glass", new { patientId = marie, reason = "Patiente vue aux urgences, dossier nécessaire" });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var detail = await outsider.GetJsonAsync($"/api/patients/{marie}");

        await AssertRefusedAsync(await outsider.PutAsJsonAsync($"/api/patients/{marie}", new { birthName = "DURAND", firstNames = "Marie", birthDate = detail.GetProperty("birthDate").GetString(), sex = "female" }), "edit-identity");
        await AssertRefusedAsync(await outsider.PostAsJsonAsync($"/api/patients/{marie}/care-team", new { professionalId = Guid.NewGuid(), role = "general-practitioner" }), "manage-care-team");
        await AssertRefusedAsync(await outsider.PostAsJsonAsync($"/api/patients/{marie}/messages", new { thread = "care-team", body = "Vu aux urgences" }), "write-message");
        Assert.Equal(detail.GetProperty("generalPractitioner").GetProperty("id").GetGuid(),
            (await outsider.GetJsonAsync($"/api/patients/{marie}")).GetProperty("generalPractitioner").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AScopedGrant_OpensItsSectionsOnly_UntilRevoked()
    {
        var marie = await factory.MarieDurandAsync();
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        // Dr Roche, an oncologist outside Marie's team (the break-glass test opens the record to Dr Garnier).
        var roche = (await oncologist.GetJsonAsync("/api/professionals?search=Roche"))[0].GetProperty("id").GetGuid();
        var outsider = await factory.ClientAsAsync("oncologue2@relais.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{marie}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await oncologist.PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = Unknown, reason = "Avis demandé" })).StatusCode);
        await AssertRefusedAsync(await (await factory.ClientAsAsync(Api.Gp)).PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = Messages, reason = "Avis demandé au confrère" }), "manage-access-grants");

        var granted = await oncologist.PostAsJsonAsync($"/api/patients/{marie}/access-grants",
            new { professionalId = roche, sections = Messages, from = "2026-11-01", reason = "Avis demandé au confrère" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var grantId = (await granted.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"/api/patients/{marie}/messages")).StatusCode);
        await AssertRefusedAsync(await outsider.GetAsync($"/api/patients/{marie}"), "read-record");
        await AssertRefusedAsync(await outsider.GetAsync($"/api/patients/{marie}/events"), "read-events");

        Assert.Equal(HttpStatusCode.NoContent, (await oncologist.PostAsync($"/api/patients/{marie}/access-grants/{grantId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/patients/{marie}/messages")).StatusCode);
    }

    [Theory]
    [InlineData(Api.Oncologist, "HospitalClinician", "sign-programme", "sign-pathology-report")]
    [InlineData(Pathologist, "HospitalClinician", "sign-pathology-report", "read-aggregates")]
    [InlineData(Pharmacist, "Pharmacist", "write-pharmaceutical-observation", "read-pathology")]
    [InlineData(Api.Secretary, "TumorBoardSecretary", "organise-tumor-board", "record-pathway")]
    [InlineData(Api.Admin, "Administrator", "read-capabilities", "read-record")]
    [InlineData(Api.Quality, "QualityCoordinator", "read-aggregates", "read-record")]
    public async Task Me_ListsTheRolesAndTheCapabilities(string email, string role, string holds, string lacks)
    {
        var me = await (await factory.ClientAsAsync(email)).GetJsonAsync("/api/me");

        Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var capabilities = me.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains(holds, capabilities);
        Assert.DoesNotContain(lacks, capabilities);
        Assert.False(me.TryGetProperty("patientId", out _));
        Assert.NotEqual(Guid.Empty, me.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Me_OfAPatient_NamesTheirRecord()
    {
        var me = await (await factory.ClientAsAsync(Api.PatientAccount)).GetJsonAsync("/api/me");

        Assert.Equal(await factory.MarieDurandAsync(), me.GetProperty("patientId").GetGuid());
        Assert.Contains("write-message", me.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("record-pathway", me.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task TheCapabilityPage_ShowsTheTableToAdministratorsOnly()
    {
        var admin = await factory.CookieClientAsync(Api.Admin);
        var page = await admin.GetStringAsync("/admin/capacites");
        Assert.Contains("sign-pathology-report", page, StringComparison.Ordinal);
        Assert.Contains("record-tumor-board-decision", page, StringComparison.Ordinal);

        var gp = await factory.CookieClientAsync(Api.Gp);
        var refused = await gp.GetAsync("/admin/capacites");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }
}

[Collection("sqlite")]
public sealed class CapabilityRefusalsSqliteTests(SqliteRelaisFactory factory) : CapabilityRefusalsTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class CapabilityRefusalsPostgresTests(PostgresRelaisFactory factory) : CapabilityRefusalsTests(factory), IClassFixture<PostgresRelaisFactory>;

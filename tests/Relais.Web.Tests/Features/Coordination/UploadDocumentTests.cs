using System.Net;
using System.Net.Http.Json;
using Relais.Web.Tests.Infrastructure;
using static Relais.Web.Tests.Features.Coordination.TransmissionAssertions;

namespace Relais.Web.Tests.Features.Coordination;

/// <summary>
/// A signed document fires its kind's obligation (PRODUCT.md §4). Marie Durand (demo) has Dr Dubois as GP,
/// a portal account and a community pharmacist in her team; recipients are named "Jean DUBOIS" (RelaisUser.NameOf).
/// </summary>
public abstract class UploadDocumentTests(RelaisFactory factory)
{
    [Theory]
    [InlineData("exam-result", "c1", new[] { "general-practitioner" })]
    [InlineData("pps", "c5", new[] { "general-practitioner", "patient" })]
    [InlineData("treatment-protocol", "c8", new[] { "general-practitioner", "pharmacist" })]
    [InlineData("ppac", "c11", new[] { "general-practitioner", "patient" })]
    [InlineData("follow-up-protocol", "c12", new[] { "general-practitioner" })]
    public async Task ASignedDocumentOfTheTeam_FiresItsObligation(string kind, string code, string[] recipients)
    {
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        await oncologist.UploadAsync(marie, kind, $"Document {code}");
        var t = await oncologist.TransmissionAsync(marie, code);
        AssertTransmission(t, code, recipients);
        Assert.Contains("Jean DUBOIS", RecipientNames(t));
    }

    /// <summary>Issue 11: the pathology report is signed by the pathologist of the team (it was the oncologist here before).</summary>
    [Fact]
    public async Task C2_ThePathologyReportSignedByThePathologist_GoesToTheGp()
    {
        var marie = await factory.MarieDurandAsync();
        var pathologist = await factory.PathologistInTeamAsync(marie);
        await pathologist.UploadAsync(marie, "pathology-report", "Document c2");
        var t = await pathologist.TransmissionAsync(marie, "c2");
        AssertTransmission(t, "c2", "general-practitioner");
        Assert.Contains("Jean DUBOIS", RecipientNames(t));
    }

    [Fact]
    public async Task C3_AnExamOrderedByTheGp_GoesToTheSpecialistTeam()
    {
        var gp = await factory.ClientAsAsync(Api.Gp);
        var marie = await factory.MarieDurandAsync();
        await gp.UploadAsync(marie, "exam-result", "Échographie prescrite par le médecin traitant");
        var t = await gp.TransmissionAsync(marie, "c3");
        AssertTransmission(t, "c3", "specialist-team");
        // One owner in the team's queue, the nurse coordinator by default, instead of a copy to every specialist.
        Assert.Equal(["Isabelle MOREAU"], RecipientNames(t));
    }

    [Fact]
    public async Task C7_TheTumorBoardReport_GoesToTheGpSystematically()
    {
        // Issue 11: a physician who decides signs the report; the secretary organises, without clinical writes (she signed it here before).
        var oncologist = await factory.ClientAsAsync(Api.Oncologist);
        var marie = await factory.MarieDurandAsync();
        await oncologist.UploadAsync(marie, "tumor-board-report", "Compte rendu de RCP sein");
        AssertTransmission(await oncologist.TransmissionAsync(marie, "c7"), "c7", "general-practitioner");
    }
}

[Collection("sqlite")]
public sealed class UploadDocumentSqliteTests(SqliteRelaisFactory factory) : UploadDocumentTests(factory), IClassFixture<SqliteRelaisFactory>;

[Collection("postgres")]
public sealed class UploadDocumentPostgresTests(PostgresRelaisFactory factory) : UploadDocumentTests(factory), IClassFixture<PostgresRelaisFactory>;

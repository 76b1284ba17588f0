using Relais.Domain.Alerts;
using Relais.Domain.Programmes;
using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;
using static Relais.Domain.Tests.Builders.ProgrammeDrafts;

namespace Relais.Domain.Tests.Programmes;

/// <summary>The PPAC that lives (issue 13 point 5): its after-cancer part, the GP's proposals and agreement.</summary>
public class AfterCancerProgrammeTests
{
    private static readonly EarlyReturnThresholds Thresholds = new();

    [Theory]
    [InlineData("C50.4", ProtocolKind.Breast, "boule", "CA 15-3")]
    [InlineData("C18.7", ProtocolKind.Colorectal, "sang dans mes selles", "ACE au-delà de 5 ng/mL")]
    [InlineData("C61", ProtocolKind.Prostatectomy, "jambes sont faibles", "PSA à 0,2 ng/mL")]
    [InlineData("C61", ProtocolKind.ProstateRadiotherapy, "douleur dans les os", "nadir + 2 ng/mL")]
    public void TheWarningSigns_AreThoseOfTheSite_InThePatientsWords_WithTheCriteriaOfBecquerel(string icd10, ProtocolKind kind, string sign, string marker)
    {
        var part = AfterCancerPart.For(icd10, kind, Thresholds, null, [], null, false, null);

        Assert.Contains(part.WarningSigns, s => s.Contains(sign, StringComparison.Ordinal));
        Assert.Contains("certitude ou suspicion de métastase", part.EarlyReturnCriteria);
        Assert.Contains(part.EarlyReturnCriteria, c => c.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void TheMarkerWording_FollowsTheThresholdsOfTheProtocolVersion()
    {
        var part = AfterCancerPart.For("C50", ProtocolKind.Breast, new EarlyReturnThresholds { Ca153MinRisePercent = 40m }, null, [], null, false, null);

        Assert.Contains(part.EarlyReturnCriteria, c => c.Contains("au moins 40 %", StringComparison.Ordinal));
    }

    [Fact]
    public void ASiteWithoutProtocolOrPatientWarningSigns_StillCarriesTheClinicalCriteria()
    {
        var part = AfterCancerPart.For("C73", null, Thresholds, null, [], null, false, null);

        Assert.Empty(part.WarningSigns);
        Assert.Equal(["modification clinique et/ou radiologique du site traité", "certitude ou suspicion de métastase", "intolérance ou effets secondaires des traitements"],
            part.EarlyReturnCriteria);
    }

    [Fact]
    public void TheTeamsTexts_AreTrimmed_AndBlankMeansNone()
    {
        var part = AfterCancerPart.For("C50", ProtocolKind.Breast, Thresholds, "  lymphœdème du bras  ", ["Psychologie"], " ", true, null);

        Assert.Equal("lymphœdème du bras", part.LateComplications);
        Assert.Null(part.ReturnToWork);
        Assert.True(part.TherapeuticPartTime);
        Assert.Equal(["Psychologie"], part.Referrals);
    }

    [Theory]
    [InlineData(4000, null)]
    [InlineData(4001, "lateComplications")]
    public void ATextOverTheLimit_IsRefused_NamingTheField(int length, string? field)
    {
        var text = new string('a', length);
        if (field is null)
        {
            Assert.Equal(length, AfterCancerPart.For("C50", ProtocolKind.Breast, Thresholds, text, [], null, false, null).LateComplications!.Length);
            return;
        }
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => AfterCancerPart.For("C50", ProtocolKind.Breast, Thresholds, text, [], null, false, null)).Field);
    }

    [Fact]
    public void TheInformationOfG_CitesItsSources()
    {
        Assert.All(AfterCancerInformation.Topics, t => Assert.StartsWith("[G]", t.Source, StringComparison.Ordinal));
        Assert.Contains(AfterCancerInformation.Topics, t => t.Text.Contains("AERAS", StringComparison.Ordinal) && t.Source.Contains("2022-270", StringComparison.Ordinal));
    }

    [Fact]
    public void TheGp_ProposesAChange_OnThePpacInForce()
    {
        var ppac = Draft(kind: ProgrammeKind.Ppac);

        var proposal = ProgrammeProposal.Propose(ppac, Gp, "  Ajouter la consultation de sexologie  ", Now);

        Assert.True(proposal.Open);
        Assert.Equal("Ajouter la consultation de sexologie", proposal.Text);
        Assert.Equal(ppac.LineageId, proposal.LineageId);
    }

    [Theory]
    [InlineData(ProgrammeKind.Pps, false, "x", "programmeId")]
    [InlineData(ProgrammeKind.Ppac, true, "x", "programmeId")]
    [InlineData(ProgrammeKind.Ppac, false, " ", "text")]
    public void AProposal_IsRefused_OnAPps_OnAReplacedVersion_OrEmpty(ProgrammeKind kind, bool superseded, string text, string field)
    {
        var programme = Draft(kind: kind);
        if (superseded) programme.MarkSuperseded();

        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => ProgrammeProposal.Propose(programme, Gp, text, Now)).Field);
    }

    [Fact]
    public void ARevision_AnswersTheProposal_OnceAndForAll()
    {
        var first = Draft(kind: ProgrammeKind.Ppac);
        var proposal = ProgrammeProposal.Propose(first, Gp, "Ajouter l'APA", Now);
        var second = Draft(kind: ProgrammeKind.Ppac, previous: first, now: Now.AddDays(3));
        var third = Draft(kind: ProgrammeKind.Ppac, previous: second, now: Now.AddDays(9));

        proposal.AnsweredBy(second, Now.AddDays(3));
        proposal.AnsweredBy(third, Now.AddDays(9));

        Assert.False(proposal.Open);
        Assert.Equal(second.Id, proposal.AnsweredByProgrammeId);
        Assert.Equal(Now.AddDays(3), proposal.AnsweredAt);
    }

    [Fact]
    public void TheGpsAgreement_IsRecordedOnce_OnThePpacInForceOnly()
    {
        var ppac = Draft(kind: ProgrammeKind.Ppac);
        ppac.AgreeAsGp(Now);
        ppac.AgreeAsGp(Now.AddDays(1));

        Assert.True(ppac.GpAgreed);
        Assert.Equal(Now, ppac.GpAgreedAt);
        Assert.Equal("programmeId", Assert.Throws<DomainValidationException>(() => Draft(kind: ProgrammeKind.Pps).AgreeAsGp(Now)).Field);
        var replaced = Draft(kind: ProgrammeKind.Ppac);
        replaced.MarkSuperseded();
        Assert.Equal("programmeId", Assert.Throws<DomainValidationException>(() => replaced.AgreeAsGp(Now)).Field);
    }
}

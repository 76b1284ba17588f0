using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>The board's decision: quorum, proposal, guideline, once only.</summary>
public class CaseDecisionTests
{
    [Fact]
    public void Decide_IsRefused_ForADiscussedCaseWithoutQuorum_NamingTheMissingSpecialties()
    {
        var @case = A.Case().Register();
        var quorum = Quorums.Missed();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Tumorectomie.", "Référentiel régional sein 2024", Oncologist, quorum, Now.AddDays(8)));

        Assert.Equal("quorum", error.Field);
        Assert.Equal(quorum.Message, error.Message);
        var missing = error.Message[error.Message.IndexOf("absentes", StringComparison.Ordinal)..];
        Assert.Contains("radiothérapie", missing);
        Assert.Contains("anatomopathologie", missing);
        Assert.DoesNotContain("chirurgie", missing);
        Assert.DoesNotContain("oncologie médicale", missing);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Null(@case.Proposal);
    }

    [Fact]
    public void Decide_IsAccepted_WithTheQuorum_CountingARemoteParticipant()
    {
        var @case = A.Case().Register();
        var quorum = Quorums.Reached();
        var at = Now.AddDays(8);

        @case.Decide("  Tumorectomie puis radiothérapie.  ", "  Référentiel régional sein 2024 ", Oncologist, quorum, at);

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Equal("Tumorectomie puis radiothérapie.", @case.Proposal);
        Assert.Equal("Référentiel régional sein 2024", @case.Guideline);
        Assert.Equal(Oncologist, @case.DecidedBy);
        Assert.Equal(at, @case.DecidedAt);
        Assert.Equal(quorum.Message, @case.QuorumAtDecision);
        Assert.StartsWith("Quorum atteint", @case.QuorumAtDecision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Decide_NeedsAProposal(string? proposal)
    {
        var @case = A.Case().Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.Decide(proposal, null, Oncologist, Quorums.Reached(), Now));

        Assert.Equal("proposal", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCase_NeedsNoQuorum()
    {
        var @case = A.Case().RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline).Register();

        @case.Decide("Hormonothérapie adjuvante 5 ans.", "Référentiel régional sein 2024", Oncologist, Quorums.Missed(), Now.AddDays(8));

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Equal("Référentiel régional sein 2024", @case.Guideline);
        Assert.StartsWith("Quorum non atteint", @case.QuorumAtDecision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Decide_ARegisteredOnlyCaseForAValidatedGuideline_MustCiteTheGuideline(string? guideline)
    {
        var @case = A.Case().RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline).Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Hormonothérapie adjuvante 5 ans.", guideline, Oncologist, Quorums.Missed(), Now.AddDays(8)));

        Assert.Equal("guideline", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCaseInAnEmergency_NeedsNoGuideline()
    {
        var @case = A.Case().RegisteredOnly(RegisteredOnlyReason.Emergency).Register();

        @case.Decide("Radiothérapie décompressive en urgence.", "  ", Oncologist, Quorums.Missed(), Now.AddDays(1));

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Null(@case.Guideline);
    }

    [Fact]
    public void Decide_Twice_IsRefused_AndKeepsTheFirstDecision()
    {
        var @case = A.Case().Register();
        var first = Now.AddDays(8);
        @case.Decide("Tumorectomie puis radiothérapie.", null, Oncologist, Quorums.Reached(), first);

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Mastectomie.", null, Surgeon, Quorums.Reached(), first.AddHours(1)));

        Assert.Equal("status", error.Field);
        Assert.Equal("Tumorectomie puis radiothérapie.", @case.Proposal);
        Assert.Equal(Oncologist, @case.DecidedBy);
        Assert.Equal(first, @case.DecidedAt);
    }

    [Fact]
    public void ReportFiled_KeepsTheReportDocument()
    {
        var @case = A.Case().Register();
        var document = Document;

        @case.ReportFiled(document);

        Assert.Equal(document, @case.ReportDocumentId);
    }
}

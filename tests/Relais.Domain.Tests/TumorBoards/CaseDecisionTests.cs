using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>The board's decision: at the meeting, under quorum, by a physician who decides; proposal, guideline, once only.</summary>
public class CaseDecisionTests
{
    private static readonly DateTimeOffset InSession = MeetingStart.AddMinutes(30);

    [Fact]
    public void Decide_IsRefused_ForADiscussedCaseWithoutQuorum_NamingTheMissingSpecialties()
    {
        var builder = A.Case().WithoutQuorum();
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Tumorectomie.", "Référentiel régional sein 2024", Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession));

        Assert.Equal("quorum", error.Field);
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
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();

        @case.Decide("  Tumorectomie puis radiothérapie.  ", "  Référentiel régional sein 2024 ", Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession);

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Equal("Tumorectomie puis radiothérapie.", @case.Proposal);
        Assert.Equal("Référentiel régional sein 2024", @case.Guideline);
        Assert.Equal(Oncologist, @case.DecidedBy);
        Assert.Equal(InSession, @case.DecidedAt);
        Assert.StartsWith("Quorum atteint", @case.QuorumAtDecision);
    }

    [Theory]
    // The meeting starts at 14:00: a decision a minute before is refused, at 14:00 it is recorded.
    [InlineData(-60, false)]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(90, true)]
    public void Decide_IsRecordedOnlyOnceTheMeetingHasStarted(int minutesFromStart, bool accepted)
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();

        var error = Record.Exception(() =>
            @case.Decide("Tumorectomie.", null, Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, MeetingStart.AddMinutes(minutesFromStart)));

        if (accepted)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Equal("meeting", Assert.IsType<DomainValidationException>(error).Field);
            Assert.Equal(CaseStatus.Registered, @case.Status);
        }
    }

    public static TheoryData<Guid, Specialty, Presence, bool> WhoDecides() => new()
    {
        { Oncologist, Specialty.MedicalOncology, Presence.OnSite, true },
        { Radiotherapist, Specialty.Radiotherapy, Presence.Remote, true },
        // The invited GP attends and contributes: he neither makes the quorum nor decides.
        { Gp, Specialty.GeneralPractice, Presence.OnSite, false },
        { Pathologist, Specialty.Pathology, Presence.Absent, false },
        { Nurse, Specialty.Nursing, Presence.OnSite, false },
    };

    [Theory]
    [MemberData(nameof(WhoDecides))]
    public void Decide_ADiscussedCase_IsRecordedByAPhysicianAttendingWhoCountsForTheQuorum(Guid who, Specialty specialty, Presence presence, bool accepted)
    {
        var builder = A.Case().WithQuorum().Attended((who, specialty, presence));
        var @case = builder.Register();

        var error = Record.Exception(() => @case.Decide("Tumorectomie.", null, new Decider(who, specialty), builder.Meeting, BoardBuilder.Breast, InSession));

        if (accepted)
        {
            Assert.Null(error);
            Assert.Equal(who, @case.DecidedBy);
        }
        else
        {
            Assert.Equal("decidedBy", Assert.IsType<DomainValidationException>(error).Field);
            Assert.Null(@case.DecidedBy);
        }
    }

    [Fact]
    public void Decide_ANonAttendingPhysician_CannotRecordTheDecision()
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Tumorectomie.", null, new Decider(OtherPathologist, Specialty.Pathology), builder.Meeting, BoardBuilder.Breast, InSession));

        Assert.Equal("decidedBy", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Decide_NeedsAProposal(string? proposal)
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.Decide(proposal, null, Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession));

        Assert.Equal("proposal", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCase_NeedsNoQuorum()
    {
        var builder = A.Case().RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline).WithoutQuorum();
        var @case = builder.Register();

        @case.Decide("Hormonothérapie adjuvante 5 ans.", "Référentiel régional sein 2024", Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession);

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Equal("Référentiel régional sein 2024", @case.Guideline);
        Assert.StartsWith("Quorum non atteint", @case.QuorumAtDecision);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCase_IsNotRecordedByTheGp()
    {
        var builder = A.Case().RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline);
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Hormonothérapie adjuvante 5 ans.", "Référentiel régional sein 2024", new Decider(Gp, Specialty.GeneralPractice), builder.Meeting, BoardBuilder.Breast, InSession));

        Assert.Equal("decidedBy", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Decide_ARegisteredOnlyCaseForAValidatedGuideline_MustCiteTheGuideline(string? guideline)
    {
        var builder = A.Case().RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline);
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Hormonothérapie adjuvante 5 ans.", guideline, Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession));

        Assert.Equal("guideline", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCaseInAnEmergency_NeedsNoGuideline()
    {
        var builder = A.Case().RegisteredOnly(RegisteredOnlyReason.Emergency);
        var @case = builder.Register();

        @case.Decide("Radiothérapie décompressive en urgence.", "  ", Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession);

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Null(@case.Guideline);
    }

    [Fact]
    public void Decide_Twice_IsRefused_AndKeepsTheFirstDecision()
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();
        @case.Decide("Tumorectomie puis radiothérapie.", null, Deciders.TheOncologist, builder.Meeting, BoardBuilder.Breast, InSession);

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Mastectomie.", null, Deciders.TheSurgeon, builder.Meeting, BoardBuilder.Breast, InSession.AddHours(1)));

        Assert.Equal("status", error.Field);
        Assert.Equal("Tumorectomie puis radiothérapie.", @case.Proposal);
        Assert.Equal(Oncologist, @case.DecidedBy);
        Assert.Equal(InSession, @case.DecidedAt);
    }

    [Fact]
    public void Decide_WithAnotherMeeting_IsRefused()
    {
        var builder = A.Case().WithQuorum();
        var @case = builder.Register();

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Tumorectomie.", null, Deciders.TheOncologist, A.Meeting().Build(), BoardBuilder.Breast, InSession));

        Assert.Equal("meeting", error.Field);
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

using Relais.Domain.Professionals;
using Relais.Domain.TumorBoards;

namespace Relais.Domain.Tests.TumorBoards;

public class TumorBoardCaseTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2025, 6, 16);
    private static readonly DateTimeOffset MeetingStart = new(2025, 6, 24, 14, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly MeetingDay = new(2025, 6, 24);

    private static readonly Guid Patient = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid Episode = Guid.Parse("0197a000-0000-7000-8000-000000000002");
    private static readonly Guid Oncologist = Guid.Parse("0197a000-0000-7000-8000-000000000010");
    private static readonly Guid Surgeon = Guid.Parse("0197a000-0000-7000-8000-000000000011");
    private static readonly Guid Radiotherapist = Guid.Parse("0197a000-0000-7000-8000-000000000012");
    private static readonly Guid Gp = Guid.Parse("0197a000-0000-7000-8000-000000000020");
    private static readonly Guid Secretary = Guid.Parse("0197a000-0000-7000-8000-000000000050");

    private static readonly Specialty[] Breast = [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Radiotherapy, Specialty.Pathology];

    private static TumorBoard Board(bool paediatric = false) =>
        TumorBoard.Create("RCP Sénologie", "Sénologie", null, "CHU", "Mardi 14h", paediatric, Breast, Now);

    private static TumorBoardMeeting Meeting(TumorBoard board) => TumorBoardMeeting.Plan(board.Id, MeetingStart, "Salle 3", Secretary, Now);

    private static G8Assessment G8On(DateOnly on, int age = 80) =>
        G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, true, 1m), age, on, Today, Oncologist, Now);

    private sealed class CaseBuilder
    {
        public TumorBoard Board { get; init; } = TumorBoardCaseTests.Board();
        public TumorBoardMeeting? Meeting { get; set; }
        public string? Question { get; init; } = "Chirurgie conservatrice d'emblée ou chimiothérapie néoadjuvante ?";
        public CaseKind Kind { get; init; } = CaseKind.Discussed;
        public RegisteredOnlyReason? Reason { get; init; }
        public bool Recurrence { get; init; }
        public int Age { get; init; } = 58;
        public G8Assessment? G8 { get; init; }

        public TumorBoardCase Register() =>
            TumorBoardCase.Register(Patient, Episode, Meeting ?? TumorBoardCaseTests.Meeting(Board), Board, Question, Oncologist,
                Kind, Reason, Recurrence, Age, G8, MeetingDay, Secretary, Now);
    }

    private static TumorBoardCase Register(CaseBuilder? builder = null) => (builder ?? new CaseBuilder()).Register();

    private static DomainValidationException Refused(CaseBuilder builder) =>
        Assert.Throws<DomainValidationException>(() => builder.Register());

    private static QuorumCheck QuorumOf(params (Guid Id, Specialty Specialty, Presence Presence)[] participants)
    {
        var meeting = Meeting(Board());
        foreach (var p in participants) meeting.SetParticipant(p.Id, p.Specialty.ToString(), p.Specialty, p.Presence);
        return meeting.Quorum(Breast);
    }

    private static QuorumCheck QuorumReached() => QuorumOf(
        (Surgeon, Specialty.Surgery, Presence.OnSite),
        (Oncologist, Specialty.MedicalOncology, Presence.OnSite),
        (Radiotherapist, Specialty.Radiotherapy, Presence.Remote));

    private static QuorumCheck QuorumMissed() => QuorumOf(
        (Surgeon, Specialty.Surgery, Presence.OnSite),
        (Oncologist, Specialty.MedicalOncology, Presence.OnSite));

    // --- Register ---

    [Fact]
    public void Register_KeepsTheQuestionPresenterAndMeeting()
    {
        var board = Board();
        var meeting = Meeting(board);

        var @case = Register(new CaseBuilder { Board = board, Meeting = meeting, Question = "  Chimiothérapie adjuvante ?  ", Recurrence = true });

        Assert.Equal(Patient, @case.PatientId);
        Assert.Equal(Episode, @case.EpisodeId);
        Assert.Equal(meeting.Id, @case.MeetingId);
        Assert.Equal("Chimiothérapie adjuvante ?", @case.Question);
        Assert.Equal(Oncologist, @case.PresentingPhysicianId);
        Assert.Equal(CaseKind.Discussed, @case.Kind);
        Assert.True(@case.IsRecurrence);
        Assert.Equal(CaseStatus.Registered, @case.Status);
        Assert.Equal(Secretary, @case.RegisteredBy);
        Assert.Equal(Now, @case.RegisteredAt);
        Assert.Null(@case.G8AssessmentId);
        Assert.Null(@case.Proposal);
    }

    [Fact]
    public void Register_DropsTheRegisteredOnlyReason_OfADiscussedCase()
    {
        var @case = Register(new CaseBuilder { Kind = CaseKind.Discussed, Reason = RegisteredOnlyReason.Emergency });

        Assert.Null(@case.RegisteredOnlyReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_IsRefused_WithoutAQuestion(string? question)
    {
        var error = Refused(new CaseBuilder { Question = question });

        Assert.Equal("question", error.Field);
    }

    [Fact]
    public void Register_LimitsTheQuestionTo2000Characters()
    {
        var accepted = Register(new CaseBuilder { Question = new string('q', 2000) });
        var error = Refused(new CaseBuilder { Question = new string('q', 2001) });

        Assert.Equal(2000, accepted.Question.Length);
        Assert.Equal("question", error.Field);
    }

    [Fact]
    public void Register_IsRefused_ForAMeetingOfAnotherBoard()
    {
        var otherBoard = Board();
        var error = Refused(new CaseBuilder { Board = Board(), Meeting = Meeting(otherBoard) });

        Assert.Equal("meetingId", error.Field);
    }

    [Fact]
    public void Register_IsRefused_WhenTheMeetingIsNoLongerPlanned()
    {
        var board = Board();
        var meeting = Meeting(board);
        meeting.MarkHeld();

        var error = Refused(new CaseBuilder { Board = board, Meeting = meeting });

        Assert.Equal("meetingId", error.Field);
    }

    // --- Registered only (no discussion) ---

    [Theory]
    [InlineData(true, 40)]   // paediatric board, whatever the age
    [InlineData(false, 17)]  // adult board, patient under 18
    [InlineData(false, 0)]
    [InlineData(true, 12)]
    public void RegisteredOnly_IsRefused_InPaediatricOncology(bool paediatricBoard, int age)
    {
        var error = Refused(new CaseBuilder
        {
            Board = Board(paediatricBoard), Age = age, Kind = CaseKind.RegisteredOnly, Reason = RegisteredOnlyReason.ValidatedGuideline,
        });

        Assert.Equal("kind", error.Field);
    }

    [Theory]
    [InlineData(true, 12)]
    [InlineData(false, 17)]
    public void Discussion_IsAlwaysPossible_InPaediatricOncology(bool paediatricBoard, int age)
    {
        var @case = Register(new CaseBuilder { Board = Board(paediatricBoard), Age = age, Kind = CaseKind.Discussed });

        Assert.Equal(CaseKind.Discussed, @case.Kind);
    }

    [Theory]
    [InlineData(18, RegisteredOnlyReason.ValidatedGuideline)]
    [InlineData(58, RegisteredOnlyReason.Emergency)]
    public void RegisteredOnly_IsAllowed_ForAnAdultWithAReason(int age, RegisteredOnlyReason reason)
    {
        var @case = Register(new CaseBuilder { Age = age, Kind = CaseKind.RegisteredOnly, Reason = reason });

        Assert.Equal(CaseKind.RegisteredOnly, @case.Kind);
        Assert.Equal(reason, @case.RegisteredOnlyReason);
    }

    [Fact]
    public void RegisteredOnly_NeedsAReason()
    {
        var error = Refused(new CaseBuilder { Age = 58, Kind = CaseKind.RegisteredOnly, Reason = null });

        Assert.Equal("registeredOnlyReason", error.Field);
    }

    // --- G8 before presentation ---

    [Theory]
    [InlineData(76)]
    [InlineData(90)]
    public void Register_IsRefused_Over75_WithoutAG8(int age)
    {
        var error = Refused(new CaseBuilder { Age = age, G8 = null });

        Assert.Equal("g8", error.Field);
        Assert.Contains($"{age} ans", error.Message);
    }

    [Fact]
    public void Register_At75_NeedsNoG8()
    {
        var @case = Register(new CaseBuilder { Age = 75, G8 = null });

        Assert.Null(@case.G8AssessmentId);
    }

    [Fact]
    public void Register_At75_DoesNotLinkAG8_EvenWhenOneExists()
    {
        var @case = Register(new CaseBuilder { Age = 75, G8 = G8On(new DateOnly(2025, 6, 1), age: 75) });

        Assert.Null(@case.G8AssessmentId);
    }

    [Theory]
    // The meeting is on 24 June 2025: a G8 is valid from 24 March 2025 on.
    [InlineData(2025, 3, 23, false)]
    [InlineData(2025, 3, 24, true)]
    [InlineData(2025, 5, 2, true)]
    [InlineData(2025, 6, 16, true)]
    [InlineData(2024, 12, 1, false)]
    public void Register_Over75_NeedsAG8OfAtMostThreeMonthsBeforeTheMeetingDay(int year, int month, int day, bool accepted)
    {
        var g8 = G8On(new DateOnly(year, month, day));
        var builder = new CaseBuilder { Age = 80, G8 = g8 };

        if (accepted)
        {
            Assert.Equal(g8.Id, builder.Register().G8AssessmentId);
        }
        else
        {
            Assert.Equal("g8", Refused(builder).Field);
        }
    }

    [Fact]
    public void Register_Over75_NeedsTheG8EvenForARegisteredOnlyCase()
    {
        var error = Refused(new CaseBuilder { Age = 82, Kind = CaseKind.RegisteredOnly, Reason = RegisteredOnlyReason.ValidatedGuideline });

        Assert.Equal("g8", error.Field);
    }

    // --- GP contribution (C6) ---

    [Fact]
    public void AddGpContribution_IsKeptWithItsAuthorAndTime()
    {
        var @case = Register();
        var at = Now.AddDays(2);

        @case.AddGpContribution("  Patiente anxieuse, aidante de son mari.  ", Gp, at);

        Assert.Equal("Patiente anxieuse, aidante de son mari.", @case.GpContribution);
        Assert.Equal(Gp, @case.GpContributionBy);
        Assert.Equal(at, @case.GpContributionAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddGpContribution_IsRefused_WhenEmpty(string? text)
    {
        var @case = Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution(text, Gp, Now));

        Assert.Equal("contribution", error.Field);
        Assert.Null(@case.GpContribution);
    }

    [Fact]
    public void AddGpContribution_IsLimitedTo4000Characters()
    {
        var @case = Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution(new string('x', 4001), Gp, Now));
        @case.AddGpContribution(new string('x', 4000), Gp, Now);

        Assert.Equal("contribution", error.Field);
        Assert.Equal(4000, @case.GpContribution!.Length);
    }

    [Fact]
    public void AddGpContribution_IsRefused_OnceTheDecisionIsMade()
    {
        var @case = Register();
        @case.Decide("Tumorectomie puis radiothérapie.", "Référentiel régional sein 2024", Oncologist, QuorumReached(), Now.AddDays(8));

        var error = Assert.Throws<DomainValidationException>(() => @case.AddGpContribution("Trop tard.", Gp, Now.AddDays(9)));

        Assert.Equal("contribution", error.Field);
        Assert.Null(@case.GpContribution);
    }

    // --- Decision ---

    [Fact]
    public void Decide_IsRefused_ForADiscussedCaseWithoutQuorum_NamingTheMissingSpecialties()
    {
        var @case = Register();
        var quorum = QuorumMissed();

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
        var @case = Register();
        var quorum = QuorumReached();
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
        var @case = Register();

        var error = Assert.Throws<DomainValidationException>(() => @case.Decide(proposal, null, Oncologist, QuorumReached(), Now));

        Assert.Equal("proposal", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCase_NeedsNoQuorum()
    {
        var @case = Register(new CaseBuilder { Kind = CaseKind.RegisteredOnly, Reason = RegisteredOnlyReason.ValidatedGuideline });

        @case.Decide("Hormonothérapie adjuvante 5 ans.", "Référentiel régional sein 2024", Oncologist, QuorumMissed(), Now.AddDays(8));

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Equal("Référentiel régional sein 2024", @case.Guideline);
        Assert.StartsWith("Quorum non atteint", @case.QuorumAtDecision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Decide_ARegisteredOnlyCaseForAValidatedGuideline_MustCiteTheGuideline(string? guideline)
    {
        var @case = Register(new CaseBuilder { Kind = CaseKind.RegisteredOnly, Reason = RegisteredOnlyReason.ValidatedGuideline });

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Hormonothérapie adjuvante 5 ans.", guideline, Oncologist, QuorumMissed(), Now.AddDays(8)));

        Assert.Equal("guideline", error.Field);
        Assert.Equal(CaseStatus.Registered, @case.Status);
    }

    [Fact]
    public void Decide_ARegisteredOnlyCaseInAnEmergency_NeedsNoGuideline()
    {
        var @case = Register(new CaseBuilder { Kind = CaseKind.RegisteredOnly, Reason = RegisteredOnlyReason.Emergency });

        @case.Decide("Radiothérapie décompressive en urgence.", "  ", Oncologist, QuorumMissed(), Now.AddDays(1));

        Assert.Equal(CaseStatus.Decided, @case.Status);
        Assert.Null(@case.Guideline);
    }

    [Fact]
    public void Decide_Twice_IsRefused_AndKeepsTheFirstDecision()
    {
        var @case = Register();
        var first = Now.AddDays(8);
        @case.Decide("Tumorectomie puis radiothérapie.", null, Oncologist, QuorumReached(), first);

        var error = Assert.Throws<DomainValidationException>(() =>
            @case.Decide("Mastectomie.", null, Surgeon, QuorumReached(), first.AddHours(1)));

        Assert.Equal("status", error.Field);
        Assert.Equal("Tumorectomie puis radiothérapie.", @case.Proposal);
        Assert.Equal(Oncologist, @case.DecidedBy);
        Assert.Equal(first, @case.DecidedAt);
    }

    [Fact]
    public void ReportFiled_KeepsTheReportDocument()
    {
        var @case = Register();
        var document = Guid.Parse("0197a000-0000-7000-8000-000000000040");

        @case.ReportFiled(document);

        Assert.Equal(document, @case.ReportDocumentId);
    }

    // --- G8 assessment ---

    [Fact]
    public void G8Record_ComputesAndStoresTheScore()
    {
        // Worked example: 1+2+2+2 + BMI 20.5 (1) + 5 medications (0) + "as good" (1) + 83 years (1) = 10.
        var answers = new G8Answers(1, 2, 2, 2, 20.5m, true, 1m);

        var g8 = G8Assessment.Record(Patient, answers, 83, new DateOnly(2025, 6, 10), Today, Oncologist, Now);

        Assert.Equal(10m, g8.Score);
        Assert.True(g8.FullAssessmentRecommended);
        Assert.Equal(Patient, g8.PatientId);
        Assert.Equal(new DateOnly(2025, 6, 10), g8.AssessedOn);
        Assert.Equal(83, g8.AgeAtAssessment);
        Assert.Equal((1, 2, 2, 2), (g8.FoodIntake, g8.WeightLoss, g8.Mobility, g8.Neuropsychological));
        Assert.Equal(20.5m, g8.BodyMassIndex);
        Assert.True(g8.MoreThanThreeMedications);
        Assert.Equal(1m, g8.SelfRatedHealth);
        Assert.Equal(Oncologist, g8.AssessedBy);
    }

    [Fact]
    public void G8Record_AHealthyPatient_NeedsNoFullAssessment()
    {
        var g8 = G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, false, 2m), 78, Today, Today, Oncologist, Now);

        Assert.Equal(17m, g8.Score);
        Assert.False(g8.FullAssessmentRecommended);
    }

    [Fact]
    public void G8Record_IsRefused_InTheFuture()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, false, 2m), 78, Today.AddDays(1), Today, Oncologist, Now));

        Assert.Equal("assessedOn", error.Field);
    }

    [Fact]
    public void G8Record_RefusesInvalidAnswers()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 9m, false, 2m), 78, Today, Today, Oncologist, Now));

        Assert.Equal("bodyMassIndex", error.Field);
    }
}

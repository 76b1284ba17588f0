using Relais.Domain.Programmes;

namespace Relais.Domain.Tests.Programmes;

public class CareProgrammeTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly Today = new(2025, 6, 16);
    private static readonly Guid Patient = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    private static readonly Guid OtherPatient = Guid.Parse("0197a000-0000-7000-8000-000000000003");
    private static readonly Guid Episode = Guid.Parse("0197a000-0000-7000-8000-000000000002");
    private static readonly Guid Oncologist = Guid.Parse("0197a000-0000-7000-8000-000000000010");
    private static readonly Guid Case = Guid.Parse("0197a000-0000-7000-8000-000000000070");

    private static TreatmentPhase Phase(int order, string description = "Tumorectomie", DateOnly? start = null, DateOnly? end = null,
        int? stay = null, TreatmentKind kind = TreatmentKind.Surgery) =>
        new(order, kind, description, start, end, "CHU", stay, null, null, null);

    private static readonly ProgrammeContact GpContact = new("Dr Durand", "Médecin traitant", "Cabinet des Lilas", "01 23 45 67 89");

    private static ProgrammeContent Content(
        IReadOnlyList<TreatmentPhase>? phases = null,
        IReadOnlyList<PlannedAssessment>? assessments = null,
        IReadOnlyList<ProgrammeContact>? contacts = null) =>
        new(
            phases ?? [Phase(1), Phase(2, "Radiothérapie", kind: TreatmentKind.Radiotherapy)],
            assessments ?? [new PlannedAssessment("Mammographie", "annuelle")],
            "Soutien psychologique",
            null,
            contacts ?? [GpContact]);

    private static CareProgramme Draft(ProgrammeContent? content = null, ProgrammeKind kind = ProgrammeKind.Pps, Guid? patient = null,
        Guid? caseId = null, CareProgramme? previous = null, DateTimeOffset? now = null) =>
        CareProgramme.Draft(patient ?? Patient, Episode, kind, caseId, content ?? Content(), Oncologist, now ?? Now, previous);

    private static DomainValidationException Refused(ProgrammeContent content, ProgrammeKind kind = ProgrammeKind.Pps) =>
        Assert.Throws<DomainValidationException>(() => Draft(content, kind));

    // --- Draft ---

    [Fact]
    public void Draft_IsTheFirstVersionOfItsOwnLineage()
    {
        var programme = Draft(caseId: Case);

        Assert.Equal(programme.Id, programme.LineageId);
        Assert.Equal(1, programme.Version);
        Assert.Equal(Patient, programme.PatientId);
        Assert.Equal(Episode, programme.EpisodeId);
        Assert.Equal(ProgrammeKind.Pps, programme.Kind);
        Assert.Equal(Case, programme.TumorBoardCaseId);
        Assert.Equal(Oncologist, programme.AuthorId);
        Assert.Equal(Now, programme.CreatedAt);
        Assert.False(programme.Superseded);
        Assert.False(programme.GpAgreed);
        Assert.Null(programme.HandedToPatientOn);
    }

    [Fact]
    public void Draft_OrdersThePhasesByTheirOrder_KeepingTheRestOfTheContent()
    {
        var programme = Draft(Content(phases: [Phase(3, "Hormonothérapie"), Phase(1, "Tumorectomie"), Phase(2, "Radiothérapie")]));

        Assert.Equal([1, 2, 3], programme.Content.Phases.Select(p => p.Order));
        Assert.Equal(["Tumorectomie", "Radiothérapie", "Hormonothérapie"], programme.Content.Phases.Select(p => p.Description));
        Assert.Equal("Mammographie", Assert.Single(programme.Content.Assessments).What);
        Assert.Equal(GpContact, Assert.Single(programme.Content.Contacts));
        Assert.Equal("Soutien psychologique", programme.Content.SupportiveCare);
    }

    [Fact]
    public void Draft_APpsWithoutPhase_IsRefused()
    {
        var error = Refused(Content(phases: []));

        Assert.Equal("phases", error.Field);
    }

    [Fact]
    public void Draft_APpacWithoutPhase_IsAccepted()
    {
        var programme = Draft(Content(phases: []), ProgrammeKind.Ppac);

        Assert.Equal(ProgrammeKind.Ppac, programme.Kind);
        Assert.Empty(programme.Content.Phases);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "   ")]
    [InlineData(2, "")]
    public void Draft_APhaseWithoutDescription_NamesItsIndex(int index, string blank)
    {
        var phases = new List<TreatmentPhase> { Phase(1, "Chirurgie"), Phase(2, "Chimiothérapie"), Phase(3, "Radiothérapie") };
        phases[index] = phases[index] with { Description = blank };

        var error = Refused(Content(phases: phases));

        Assert.Equal($"phases[{index}].description", error.Field);
    }

    [Fact]
    public void Draft_TheIndexOfAFaultyPhase_IsItsPlaceInTheSubmittedList_NotItsOrder()
    {
        var error = Refused(Content(phases: [Phase(2, "Radiothérapie"), Phase(1, " ")]));

        Assert.Equal("phases[1].description", error.Field);
    }

    [Fact]
    public void Draft_APhaseEndingBeforeItStarts_IsRefused()
    {
        var error = Refused(Content(phases: [Phase(1), Phase(2, start: new DateOnly(2025, 7, 10), end: new DateOnly(2025, 7, 9))]));

        Assert.Equal("phases[1].plannedEnd", error.Field);
    }

    [Theory]
    [InlineData(2025, 7, 10, 2025, 7, 10)]
    [InlineData(2025, 7, 10, 2025, 8, 20)]
    public void Draft_APhaseEndingOnOrAfterItsStart_IsAccepted(int sy, int sm, int sd, int ey, int em, int ed)
    {
        var programme = Draft(Content(phases: [Phase(1, start: new DateOnly(sy, sm, sd), end: new DateOnly(ey, em, ed))]));

        Assert.Equal(new DateOnly(ey, em, ed), Assert.Single(programme.Content.Phases).PlannedEnd);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Draft_TheExpectedStay_IsBetween0And365Days(int days, bool accepted)
    {
        var content = Content(phases: [Phase(1, stay: days)]);

        if (accepted)
        {
            Assert.Equal(days, Assert.Single(Draft(content).Content.Phases).ExpectedStayDays);
        }
        else
        {
            Assert.Equal("phases[0].expectedStayDays", Refused(content).Field);
        }
    }

    [Fact]
    public void Draft_AnAssessmentWithoutSubject_NamesItsIndex()
    {
        var error = Refused(Content(assessments: [new("Mammographie", "annuelle"), new(" ", "tous les 6 mois")]));

        Assert.Equal("assessments[1].what", error.Field);
    }

    [Theory]
    [InlineData(ProgrammeKind.Pps)]
    [InlineData(ProgrammeKind.Ppac)]
    public void Draft_WithoutContacts_IsRefused(ProgrammeKind kind)
    {
        var error = Refused(Content(contacts: []), kind);

        Assert.Equal("contacts", error.Field);
    }

    // --- Revisions ---

    [Fact]
    public void ARevision_KeepsTheLineage_AndIncrementsTheVersion()
    {
        var first = Draft(caseId: Case);
        var second = Draft(previous: first, now: Now.AddDays(10));
        var third = Draft(previous: second, now: Now.AddDays(20));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.LineageId, second.LineageId);
        Assert.Equal(first.LineageId, third.LineageId);
        Assert.Equal([1, 2, 3], new[] { first.Version, second.Version, third.Version });
    }

    [Fact]
    public void ARevision_InheritsTheTumorBoardCase_UnlessAnotherIsGiven()
    {
        var first = Draft(caseId: Case);
        var otherCase = Guid.Parse("0197a000-0000-7000-8000-000000000071");

        Assert.Equal(Case, Draft(previous: first).TumorBoardCaseId);
        Assert.Equal(otherCase, Draft(previous: first, caseId: otherCase).TumorBoardCaseId);
    }

    [Fact]
    public void ARevision_OfAnotherPatient_IsRefused()
    {
        var first = Draft();

        var error = Assert.Throws<DomainValidationException>(() => Draft(patient: OtherPatient, previous: first));

        Assert.Equal("previousVersionId", error.Field);
    }

    [Theory]
    [InlineData(ProgrammeKind.Pps, ProgrammeKind.Ppac)]
    [InlineData(ProgrammeKind.Ppac, ProgrammeKind.Pps)]
    public void ARevision_OfAnotherKindOfProgramme_IsRefused(ProgrammeKind previousKind, ProgrammeKind kind)
    {
        var previous = Draft(kind: previousKind);

        var error = Assert.Throws<DomainValidationException>(() => Draft(kind: kind, previous: previous));

        Assert.Equal("previousVersionId", error.Field);
    }

    [Fact]
    public void ARevision_IsStillValidated()
    {
        var first = Draft();

        var error = Assert.Throws<DomainValidationException>(() => Draft(Content(phases: []), previous: first));

        Assert.Equal("phases", error.Field);
    }

    [Fact]
    public void MarkSuperseded_AndRendered_AreKept()
    {
        var programme = Draft();
        var document = Guid.Parse("0197a000-0000-7000-8000-000000000040");
        var transmission = Guid.Parse("0197a000-0000-7000-8000-000000000041");

        programme.MarkSuperseded();
        programme.Rendered(document, transmission);

        Assert.True(programme.Superseded);
        Assert.Equal(document, programme.DocumentId);
        Assert.Equal(transmission, programme.TransmissionId);
    }

    // --- Phases start (C8) ---

    [Fact]
    public void StartPhase_ReturnsTrue_OnlyForTheFirstPhaseStarted()
    {
        var programme = Draft(Content(phases: [Phase(1), Phase(2, "Chimiothérapie"), Phase(3, "Radiothérapie")]));

        var first = programme.StartPhase(2, Today.AddDays(-5), Today);
        var second = programme.StartPhase(1, Today, Today);
        var third = programme.StartPhase(3, Today, Today);

        Assert.True(first);
        Assert.False(second);
        Assert.False(third);
        Assert.Equal([Today, Today.AddDays(-5), Today], programme.Content.Phases.Select(p => p.StartedOn!.Value));
    }

    [Fact]
    public void StartPhase_RefusesAFutureDate()
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(1, Today.AddDays(1), Today));

        Assert.Equal("startedOn", error.Field);
        Assert.All(programme.Content.Phases, p => Assert.Null(p.StartedOn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void StartPhase_RefusesAnUnknownPhase(int order)
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(order, Today, Today));

        Assert.Equal("order", error.Field);
    }

    [Fact]
    public void StartPhase_RefusesAPhaseAlreadyStarted_AndKeepsItsDate()
    {
        var programme = Draft();
        programme.StartPhase(1, Today.AddDays(-2), Today);

        var error = Assert.Throws<DomainValidationException>(() => programme.StartPhase(1, Today, Today));

        Assert.Equal("order", error.Field);
        Assert.Equal(Today.AddDays(-2), programme.Content.Phases[0].StartedOn);
    }

    // --- Handing to the patient, GP agreement ---

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void HandedToPatient_IsKept_FromTheDayOfWriting(int daysAfter)
    {
        var programme = Draft();
        var today = Today.AddDays(5);

        programme.HandedToPatient(Today.AddDays(daysAfter), today);

        Assert.Equal(Today.AddDays(daysAfter), programme.HandedToPatientOn);
    }

    [Fact]
    public void HandedToPatient_RefusesAFutureDate()
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.HandedToPatient(Today.AddDays(1), Today));

        Assert.Equal("handedToPatientOn", error.Field);
        Assert.Null(programme.HandedToPatientOn);
    }

    [Fact]
    public void HandedToPatient_RefusesADateBeforeTheProgrammeWasWritten()
    {
        var programme = Draft();

        var error = Assert.Throws<DomainValidationException>(() => programme.HandedToPatient(Today.AddDays(-1), Today));

        Assert.Equal("handedToPatientOn", error.Field);
        Assert.Null(programme.HandedToPatientOn);
    }

    [Fact]
    public void RecordGpAgreement_KeepsTheAgreementAndItsTime()
    {
        var programme = Draft(Content(phases: []), ProgrammeKind.Ppac);
        var at = Now.AddDays(1);

        programme.RecordGpAgreement(at);

        Assert.True(programme.GpAgreed);
        Assert.Equal(at, programme.GpAgreedAt);
    }
}

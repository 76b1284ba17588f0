using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;
using static Relais.Domain.Tests.Builders.ProgrammeDrafts;

namespace Relais.Domain.Tests.Programmes;

/// <summary>Drafting a care programme: its content, kind and the case it follows.</summary>
public class ProgrammeDraftTests
{
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
}

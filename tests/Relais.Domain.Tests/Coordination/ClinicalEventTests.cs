using Relais.Domain.Coordination;
using static Relais.Domain.Coordination.ClinicalEventKind;
using static Relais.Domain.Tests.Builders.Ids;

namespace Relais.Domain.Tests.Coordination;

public class ClinicalEventTests
{
    private static readonly DateOnly Today = new(2025, 6, 16);
    private static readonly DateTimeOffset Now = new(2025, 6, 16, 18, 45, 0, TimeSpan.FromHours(2));

    private static ClinicalEvent Report(
        ClinicalEventKind kind = BetweenCycles,
        string? description = "Fièvre à 38,5 °C à J8 de la cure",
        int daysAgo = 1,
        int? grade = 2,
        string? treatmentsGiven = null,
        string? suspectedDrug = null) =>
        ClinicalEvent.Report(Patient, kind, description, Today.AddDays(-daysAgo), grade, treatmentsGiven, suspectedDrug, Gp, Today, Now);

    private static string RefusedField(Action report) => Assert.Throws<DomainValidationException>(report).Field;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Report_AcceptsEveryCtcaeGrade(int grade)
    {
        Assert.Equal(grade, Report(grade: grade).Grade);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(6)]
    public void Report_RefusesAGradeOutsideCtcaeOneToFive(int grade)
    {
        Assert.Equal("grade", RefusedField(() => Report(grade: grade)));
    }

    [Theory]
    [InlineData(BetweenCycles)]
    [InlineData(DuringFollowUp)]
    public void Report_RequiresAGrade_ForAnAdverseEvent(ClinicalEventKind kind)
    {
        Assert.Equal("grade", RefusedField(() => Report(kind: kind, grade: null)));
    }

    [Fact]
    public void Report_AcceptsASuspectedRecurrence_WithoutGrade()
    {
        var reported = Report(kind: SuspectedRecurrence, description: "Adénopathie axillaire palpable", grade: null);

        Assert.Null(reported.Grade);
    }

    [Fact]
    public void Report_RefusesAnEventDatedInTheFuture()
    {
        Assert.Equal("occurredOn", RefusedField(() => Report(daysAgo: -1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Report_AcceptsAnEventOfTodayOrThePast(int daysAgo)
    {
        Assert.Equal(Today.AddDays(-daysAgo), Report(daysAgo: daysAgo).OccurredOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Report_RequiresADescription(string? description)
    {
        Assert.Equal("description", RefusedField(() => Report(description: description)));
    }

    [Fact]
    public void Report_RefusesADescriptionLongerThanFourThousandCharacters()
    {
        Assert.Equal("description", RefusedField(() => Report(description: new string('d', 4001))));
    }

    [Fact]
    public void Report_KeepsTheTrimmedTexts_AndWhoReportedItWhen()
    {
        var reported = Report(description: "  Mucite  ", treatmentsGiven: "  Bains de bouche  ", suspectedDrug: "  5-FU ");

        Assert.Equal("Mucite", reported.Description);
        Assert.Equal("Bains de bouche", reported.TreatmentsGiven);
        Assert.Equal("5-FU", reported.SuspectedDrug);
        Assert.Equal(Gp, reported.ReportedBy);
        Assert.Equal(Now, reported.ReportedAt);
        Assert.Equal(Patient, reported.PatientId);
    }

    [Theory]
    [InlineData(BetweenCycles, 1, false)]
    [InlineData(BetweenCycles, 2, false)]
    [InlineData(BetweenCycles, 3, true)]
    [InlineData(DuringFollowUp, 4, true)]
    [InlineData(DuringFollowUp, 5, true)]
    [InlineData(DuringFollowUp, 2, false)]
    [InlineData(SuspectedRecurrence, null, true)]
    [InlineData(SuspectedRecurrence, 1, true)]
    public void IsUrgent_ForGradeThreeOrMore_AndForASuspectedRecurrence(ClinicalEventKind kind, int? grade, bool expected)
    {
        Assert.Equal(expected, Report(kind: kind, grade: grade).IsUrgent);
    }

    // [G]: adverse drug reactions must be declared to pharmacovigilance (PRODUCT.md §9).
    [Theory]
    [InlineData(3, "Capécitabine", true)]
    [InlineData(5, "Pembrolizumab", true)]
    [InlineData(2, "Capécitabine", false)]
    [InlineData(4, null, false)]
    [InlineData(4, "   ", false)]
    public void NeedsPharmacovigilance_OnlyForASevereEvent_WithASuspectedDrug(int grade, string? drug, bool expected)
    {
        Assert.Equal(expected, Report(grade: grade, suspectedDrug: drug).NeedsPharmacovigilance);
    }

    [Fact]
    public void NeedsPharmacovigilance_IsFalse_ForAnUngradedSuspectedRecurrence()
    {
        Assert.False(Report(kind: SuspectedRecurrence, grade: null, suspectedDrug: "Tamoxifène").NeedsPharmacovigilance);
    }

    [Theory]
    [InlineData(BetweenCycles, ObligationCode.C9)]
    [InlineData(DuringFollowUp, ObligationCode.C13)]
    [InlineData(SuspectedRecurrence, ObligationCode.C14)]
    public void Obligation_IsTheOneOfTheEventKind(ClinicalEventKind kind, ObligationCode expected)
    {
        Assert.Equal(expected, Report(kind: kind).Obligation);
    }

    [Fact]
    public void PharmacovigilanceDeclaredTwice_KeepsTheFirstDeclaration()
    {
        var reported = Report(grade: 3, suspectedDrug: "Docétaxel");

        reported.PharmacovigilanceDeclared(Now.AddHours(1));
        reported.PharmacovigilanceDeclared(Now.AddDays(2));

        Assert.Equal(Now.AddHours(1), reported.PharmacovigilanceDeclaredAt);
    }
}

using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>A questionnaire sent once (its due day, its reminder, its answer) and the pharmacovigilance prompt of a severe reported effect.</summary>
public class SentOnceAndPharmacovigilanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(QuestionnaireAssignment.MaxDaysAhead, true)]
    [InlineData(QuestionnaireAssignment.MaxDaysAhead + 1, false)]
    public void TheDueDay_IsFromTodayToNinetyDaysAhead(int days, bool accepted)
    {
        var send = () => QuestionnaireAssignment.Send(Guid.NewGuid(), EsasQuestionnaire.Code, Today.AddDays(days), Guid.NewGuid(), Today, Now);
        if (accepted) Assert.True(send().IsOpen);
        else Assert.Equal("dueOn", Assert.Throws<DomainValidationException>(send).Field);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void ItIsRemindedFromTheDayAfterItsDueDay(int daysAfterSending, bool reminded)
    {
        var sent = QuestionnaireAssignment.Send(Guid.NewGuid(), EsasQuestionnaire.Code, Today.AddDays(1), Guid.NewGuid(), Today, Now);
        Assert.Equal(reminded, sent.NeedsReminder(Today.AddDays(daysAfterSending)));
    }

    [Fact]
    public void TheFirstAnswerAfterSending_ClosesIt_AnAnswerBeforeDoesNot_AndAnAnsweredOneCannotBeWithdrawn()
    {
        var sent = QuestionnaireAssignment.Send(Guid.NewGuid(), EsasQuestionnaire.Code, Today.AddDays(3), Guid.NewGuid(), Today, Now);
        sent.Answered(Guid.NewGuid(), Now.AddMinutes(-1));
        Assert.True(sent.IsOpen);
        var first = Guid.NewGuid();
        sent.Answered(first, Now.AddHours(1));
        sent.Answered(Guid.NewGuid(), Now.AddHours(2));
        Assert.False(sent.IsOpen);
        Assert.Equal(first, sent.ResponseId);
        Assert.False(sent.NeedsReminder(Today.AddDays(10)));
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => sent.Withdraw(Now.AddHours(3))).Field);
    }

    [Fact]
    public void AWithdrawnQuestionnaire_IsNoLongerDue_NorReminded()
    {
        var sent = QuestionnaireAssignment.Send(Guid.NewGuid(), EsasQuestionnaire.Code, Today, Guid.NewGuid(), Today, Now);
        sent.Withdraw(Now);
        Assert.False(sent.IsDue);
        Assert.False(sent.NeedsReminder(Today.AddDays(5)));
    }

    private static SymptomAlert Alert() =>
        SymptomAlert.Raise(Guid.NewGuid(), Guid.NewGuid(), ToxicityQuestionnaire.Definition, ToxicityQuestionnaire.Definition.Rules.First(r => r.Severity == AlertSeverity.Urgent), Now);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void PharmacovigilanceIsPrompted_FromGradeThree(int grade, bool prompted) =>
        Assert.Equal(prompted, SymptomAlert.PharmacovigilancePrompted(grade));

    [Fact]
    public void TheDeclaration_NamesTheSuspectedDrug_AndIsRecordedOnce()
    {
        var alert = Alert();
        Assert.Equal("grade", Assert.Throws<DomainValidationException>(() => alert.DeclaredToPharmacovigilance(2, "Docétaxel", Guid.NewGuid(), Now)).Field);
        Assert.Equal("suspectedDrug", Assert.Throws<DomainValidationException>(() => alert.DeclaredToPharmacovigilance(3, "  ", Guid.NewGuid(), Now)).Field);
        Assert.Equal("suspectedDrug", Assert.Throws<DomainValidationException>(() => alert.DeclaredToPharmacovigilance(3, new string('x', 201), Guid.NewGuid(), Now)).Field);
        var nurse = Guid.NewGuid();
        alert.DeclaredToPharmacovigilance(3, " Docétaxel ", nurse, Now);
        Assert.Equal("Docétaxel", alert.SuspectedDrug);
        Assert.Equal(Now, alert.PharmacovigilanceDeclaredAt);
        Assert.Equal(nurse, alert.PharmacovigilanceDeclaredBy);
        Assert.Equal("pharmacovigilance", Assert.Throws<DomainValidationException>(() => alert.DeclaredToPharmacovigilance(3, "Docétaxel", nurse, Now)).Field);
    }
}

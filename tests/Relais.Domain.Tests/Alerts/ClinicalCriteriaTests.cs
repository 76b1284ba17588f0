using Relais.Domain.Alerts;
using static Relais.Domain.Surveillance.ProtocolKind;
using static Relais.Domain.Tests.Alerts.Results;

namespace Relais.Domain.Tests.Alerts;

public class ClinicalCriteriaTests
{
    private static readonly DateOnly ObservedOn = new(2029, 12, 28);

    [Theory]
    [InlineData(ClinicalCriteria.ClinicalOrRadiologicalChange, "modification clinique et/ou radiologique du sein traité et/ou controlatéral")]
    [InlineData(ClinicalCriteria.SuspectedMetastasis, "certitude ou suspicion de métastase")]
    [InlineData(ClinicalCriteria.IntoleranceOrSideEffects, "intolérance ou effets secondaires des traitements")]
    public void EachCriterion_IsAnUrgentEarlyReturn(ClinicalCriteria criterion, string wording)
    {
        var alert = EarlyReturnRules.EvaluateClinical(Rules(Breast), criterion, CriteriaReporter.Gp, ObservedOn, Today);

        Assert.NotNull(alert);
        Assert.Equal(("clinical-criteria", AlertSeverity.Urgent, AlertAction.EarlyReturn), (alert.Rule, alert.Severity, alert.Action));
        Assert.Equal(Today.AddDays(7), alert.Due);
        Assert.Contains(wording, alert.Explanation);
        Assert.Contains("médecin traitant le 28/12/2029", alert.Explanation);
    }

    [Fact]
    public void SeveralCriteria_AreListed_WithThePatientsNote()
    {
        var alert = EarlyReturnRules.EvaluateClinical(Rules(Colorectal), ClinicalCriteria.ClinicalOrRadiologicalChange | ClinicalCriteria.IntoleranceOrSideEffects,
            CriteriaReporter.Patient, ObservedOn, Today, "  Douleurs abdominales depuis une semaine ");

        Assert.NotNull(alert);
        Assert.Contains("modification clinique et/ou radiologique du site traité ; intolérance ou effets secondaires des traitements", alert.Explanation);
        Assert.Contains("« Douleurs abdominales depuis une semaine »", alert.Explanation);
        Assert.Contains("le patient ou la patiente", alert.Explanation);
    }

    [Fact]
    public void NoCriterion_RaisesNothing()
    {
        Assert.Null(EarlyReturnRules.EvaluateClinical(Rules(Breast), ClinicalCriteria.None, CriteriaReporter.Gp, ObservedOn, Today));
    }

    [Fact]
    public void Criteria_ObservedInTheFuture_AreRefused()
    {
        var refused = Assert.Throws<DomainValidationException>(() =>
            EarlyReturnRules.EvaluateClinical(Rules(Breast), ClinicalCriteria.SuspectedMetastasis, CriteriaReporter.Gp, Today.AddDays(1), Today));

        Assert.Equal("observedOn", refused.Field);
    }

    [Fact]
    public void UnknownCriterion_IsRefused()
    {
        var refused = Assert.Throws<DomainValidationException>(() =>
            EarlyReturnRules.EvaluateClinical(Rules(Breast), (ClinicalCriteria)8, CriteriaReporter.Gp, ObservedOn, Today));

        Assert.Equal("criteria", refused.Field);
    }
}

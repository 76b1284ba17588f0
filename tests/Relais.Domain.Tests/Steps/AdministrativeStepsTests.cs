using Relais.Domain.Steps;

namespace Relais.Domain.Tests.Steps;

/// <summary>The rules of the administrative and social steps and of clinical trials (issue 15 point 3), against their sources.</summary>
public class AdministrativeStepsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("C45.0", "Mésothéliome")]
    [InlineData("C34.1", "Cancers de la trachée, des bronches et du poumon")]
    [InlineData("c31.0", "Cancers des cavités nasales et des sinus")]
    [InlineData("C67.9", "Cancers du rein (voies excrétrices), de l'uretère et de la vessie")]
    [InlineData("C22.3", "Angiosarcome du foie")]
    [InlineData("C92.0", "Leucémie aiguë myéloïde")]
    public void TheListedSites_CallForTheSearch(string icd10, string site) => Assert.Equal(site, OccupationalExposure.For(icd10)?.Label);

    [Theory]
    [InlineData("C50.4")]
    [InlineData("C22.0")]
    [InlineData("C92.1")]
    [InlineData("C18")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherSites_DoNot(string? icd10) => Assert.Null(OccupationalExposure.For(icd10));

    [Fact]
    public void TheSource_QuotesTheGuide()
    {
        Assert.Contains("doit systématiquement faire rechercher une exposition professionnelle", OccupationalExposure.Source, StringComparison.Ordinal);
        Assert.Contains("dispose de deux ans pour déclarer", AdministrativeSteps.Source(StepKind.OccupationalDeclaration), StringComparison.Ordinal);
    }

    [Fact]
    public void ADoubt_CallsForTheCertificate_NoDoubtForNothing()
    {
        var search = AdministrativeStep.Plan(Guid.NewGuid(), StepKind.OccupationalExposureSearch, null, Today, null, null, Today, Guid.NewGuid(), Now);
        Assert.Throws<DomainValidationException>(() => search.Complete(Today, null, null, Today, Guid.NewGuid(), Now));
        var next = search.Complete(Today, true, null, Today, Guid.NewGuid(), Now)!;
        Assert.Equal((StepKind.OccupationalCertificate, StepOwner.Gp, Today.AddDays(30), search.Id), (next.Kind, next.Owner, next.DueOn, next.FollowsId));

        var clear = AdministrativeStep.Plan(Guid.NewGuid(), StepKind.OccupationalExposureSearch, null, Today, null, null, Today, Guid.NewGuid(), Now);
        Assert.Null(clear.Complete(Today, false, null, Today, Guid.NewGuid(), Now));
    }

    [Theory]
    [InlineData("2026-11-23", "2028-11-22")]
    [InlineData("2024-02-29", "2026-02-27")]
    public void TheDeclaration_IsDueTwoYearsAfterTheCertificate_ThePatientRemindedThreeMonthsBefore(string certificate, string deadline)
    {
        var on = DateOnly.Parse(certificate, System.Globalization.CultureInfo.InvariantCulture);
        var step = AdministrativeStep.Plan(Guid.NewGuid(), StepKind.OccupationalCertificate, null, Today, null, null, Today, Guid.NewGuid(), Now);
        var declaration = step.Complete(on, null, null, Today, Guid.NewGuid(), Now)!;
        Assert.Equal(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture), declaration.DueOn);
        Assert.Equal(StepOwner.Patient, declaration.Owner);
        Assert.Equal(declaration.DueOn.AddDays(-90), declaration.RemindOn);
    }

    [Fact]
    public void EnteralNutrition_GoesFromTheHospitalToTheGp_ThreeMonthsThenYearly()
    {
        Assert.Equal((StepKind.EnteralNutritionRenewal, new DateOnly(2027, 2, 23)), AdministrativeSteps.Next(StepKind.EnteralNutritionFirstRenewal, Today, false));
        Assert.Equal((StepKind.EnteralNutritionRenewal, new DateOnly(2027, 11, 23)), AdministrativeSteps.Next(StepKind.EnteralNutritionRenewal, Today, false));
        Assert.Equal(StepOwner.HospitalTeam, AdministrativeSteps.DefaultOwner(StepKind.EnteralNutritionFirstRenewal));
        Assert.Equal(StepOwner.Gp, AdministrativeSteps.DefaultOwner(StepKind.EnteralNutritionRenewal));
    }

    [Fact]
    public void AStep_IsDoneOnce_NotInTheFuture_AndCancelledWithAReason()
    {
        var step = AdministrativeStep.Plan(Guid.NewGuid(), StepKind.Invalidity, null, Today.AddDays(10), null, null, Today, Guid.NewGuid(), Now);
        Assert.Equal("doneOn", Assert.Throws<DomainValidationException>(() => step.Complete(Today.AddDays(1), null, null, Today, Guid.NewGuid(), Now)).Field);
        Assert.Null(step.Complete(Today, null, null, Today, Guid.NewGuid(), Now));
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => step.Complete(Today, null, null, Today, Guid.NewGuid(), Now)).Field);
        var other = AdministrativeStep.Plan(Guid.NewGuid(), StepKind.Invalidity, null, Today, null, null, Today, Guid.NewGuid(), Now);
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => other.Cancel(" ")).Field);
        other.Cancel("Reprise du travail à temps plein");
        Assert.Equal(StepStatus.Cancelled, other.Status);
    }

    [Fact]
    public void ATrial_IsConsentedAfterTheInformation_AndLeftAtAnyTime()
    {
        var trial = TrialParticipation.Inform(Guid.NewGuid(), "PALLAS", "NCT02513394", Today.AddDays(-10), Today, Guid.NewGuid(), Now);
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => trial.Withdraw(Today, null, Today)).Field);
        Assert.Equal("consentSignedOn", Assert.Throws<DomainValidationException>(() => trial.Consent(Today.AddDays(-11), Today)).Field);
        trial.Consent(Today.AddDays(-3), Today);
        Assert.True(trial.Active);
        Assert.Contains("retrait possible à tout moment", trial.Describe(), StringComparison.Ordinal);
        trial.Withdraw(Today, null, Today);
        Assert.Equal(TrialStatus.Withdrawn, trial.Status);
        Assert.False(trial.Active);
        Assert.Equal("Essai « PALLAS » : retrait le 23/11/2026 — NCT02513394", trial.Describe());
    }
}

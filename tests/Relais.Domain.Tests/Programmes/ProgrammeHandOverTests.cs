using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;
using static Relais.Domain.Tests.Builders.ProgrammeDrafts;

namespace Relais.Domain.Tests.Programmes;

/// <summary>Handing the programme to the patient, and the GP agreement.</summary>
public class ProgrammeHandOverTests
{
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

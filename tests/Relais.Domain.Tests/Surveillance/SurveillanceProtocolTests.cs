using Relais.Domain.Surveillance;
using static Relais.Domain.Tests.Surveillance.TestProtocols;

namespace Relais.Domain.Tests.Surveillance;

public class SurveillanceProtocolTests
{
    private static readonly DateOnly J0 = new(2026, 1, 15);
    private static readonly Guid Patient = Guid.Parse("0197b000-0000-7000-8000-000000000100");
    private static readonly Guid SomeoneElse = Guid.Parse("0197b000-0000-7000-8000-000000000003");

    private static string RefusedField(Action action) => Assert.Throws<DomainValidationException>(action).Field;

    [Fact]
    public void Draft_IsToValidate_UntilBothASpecialistAndAGpHaveValidated()
    {
        var protocol = Draft(ShippedProtocols.Breast);
        Assert.Equal(ProtocolStatus.ToValidate, protocol.Status);

        protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin", Now);
        Assert.Equal(ProtocolStatus.ToValidate, protocol.Status);

        protocol.Validate(ValidatorRole.GeneralPractitioner, GpRepresentative, "Dr Paul Leroy", Now);
        Assert.Equal(ProtocolStatus.Validated, protocol.Status);
        Assert.Equal("Dr Paul Leroy", protocol.GpValidation!.Name);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Preview_IsRefused_ForAVersionNotValidatedByBoth(bool specialist, bool gp)
    {
        var protocol = Draft(ShippedProtocols.Breast);
        if (specialist) protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin", Now);
        if (gp) protocol.Validate(ValidatorRole.GeneralPractitioner, GpRepresentative, "Dr Paul Leroy", Now);

        Assert.Equal("protocol", RefusedField(() => protocol.Preview(J0, radiotherapy: false, horizonMonths: 60)));
        Assert.Equal("protocol", RefusedField(() => Enrolment.Start(Patient, protocol, J0, radiotherapy: false, Now)));
    }

    [Fact]
    public void Validate_RefusesASecondValidationOfTheSameRole()
    {
        var protocol = Draft(ShippedProtocols.Breast);
        protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin", Now);

        Assert.Equal("role", RefusedField(() => protocol.Validate(ValidatorRole.Specialist, SomeoneElse, "Dr Anne Roux", Now)));
    }

    [Fact]
    public void Validate_RefusesTheSamePersonForBothRoles()
    {
        var protocol = Draft(ShippedProtocols.Breast);
        protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin", Now);

        Assert.Equal("by", RefusedField(() => protocol.Validate(ValidatorRole.GeneralPractitioner, Oncologist, "Dr Claire Martin", Now)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_RequiresTheValidatorsName(string? name)
    {
        Assert.Equal("name", RefusedField(() => Draft(ShippedProtocols.Breast).Validate(ValidatorRole.Specialist, Oncologist, name, Now)));
    }

    [Fact]
    public void ValidatedVersion_CannotBeEdited()
    {
        var protocol = Validated(ShippedProtocols.Breast);

        var edited = ShippedProtocols.Breast with { Title = "Cancer du sein (révisé)" };

        Assert.Equal("protocol", RefusedField(() => protocol.Edit(edited)));
        Assert.Equal("Cancer du sein", protocol.Title);
    }

    [Fact]
    public void EditingADraft_DropsTheValidationsAlreadyGiven()
    {
        var protocol = Draft(ShippedProtocols.Breast);
        protocol.Validate(ValidatorRole.Specialist, Oncologist, "Dr Claire Martin", Now);

        protocol.Edit(ShippedProtocols.Breast with { Title = "Cancer du sein, version de travail" });

        Assert.Null(protocol.SpecialistValidation);
        Assert.Equal("Cancer du sein, version de travail", protocol.Title);
    }

    [Fact]
    public void Revise_MakesANewVersionToValidate_AndLeavesTheValidatedOneUnchanged()
    {
        var v1 = Validated(ShippedProtocols.Breast);

        var v2 = v1.Revise(ShippedProtocols.Breast with { Version = 2, Items = [.. ShippedProtocols.Breast.Items.SkipLast(1)] }, Now);

        Assert.Equal((2, ProtocolStatus.ToValidate), (v2.Version, v2.Status));
        Assert.Equal((1, ProtocolStatus.Validated), (v1.Version, v1.Status));
        Assert.Contains(v1.Preview(J0, false, 60), e => e.Kind == SurveillanceKind.Ca153);
        Assert.NotEqual(v1.Id, v2.Id);
    }

    [Theory]
    [InlineData("breast", 1, "version")]
    [InlineData("colorectal", 2, "code")]
    public void Revise_KeepsTheCodeAndRaisesTheVersion(string code, int version, string field)
    {
        var v1 = Validated(ShippedProtocols.Breast);

        Assert.Equal(field, RefusedField(() => v1.Revise(ShippedProtocols.Breast with { Code = code, Version = version }, Now)));
    }

    [Fact]
    public void Enrolment_StaysOnItsVersion_UntilMovedOnPurpose()
    {
        var v1 = Validated(ShippedProtocols.Breast);
        var v2 = Validated(ShippedProtocols.Breast with { Version = 2, Items = [.. ShippedProtocols.Breast.Items.SkipLast(1)] });
        var enrolment = Enrolment.Start(Patient, v1, J0, radiotherapy: true, Now);

        Assert.Equal(("breast", 1), (enrolment.ProtocolCode, enrolment.ProtocolVersion));
        Assert.Equal(v1.Preview(J0, true, 60), enrolment.Calendar(v1, 60));
        Assert.Equal("protocol", RefusedField(() => enrolment.Calendar(v2, 60)));

        enrolment.MoveTo(v2, Now.AddDays(30));

        Assert.Equal(2, enrolment.ProtocolVersion);
        Assert.Equal(Now.AddDays(30), enrolment.MovedAt);
        Assert.DoesNotContain(enrolment.Calendar(v2, 60), e => e.Kind == SurveillanceKind.Ca153);
        Assert.Contains(enrolment.Calendar(v2, 60), e => e.Kind == SurveillanceKind.RadiotherapyVisit);
    }

    [Fact]
    public void MoveTo_IsRefused_ForAVersionToValidate_OrTheCurrentOne()
    {
        var v1 = Validated(ShippedProtocols.Breast);
        var enrolment = Enrolment.Start(Patient, v1, J0, radiotherapy: false, Now);

        Assert.Equal("protocol", RefusedField(() => enrolment.MoveTo(Draft(ShippedProtocols.Breast with { Version = 2 }), Now)));
        Assert.Equal("protocol", RefusedField(() => enrolment.MoveTo(v1, Now)));
        Assert.Equal(1, enrolment.ProtocolVersion);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Preview_RefusesAHorizonOutside0To600Months(int horizon)
    {
        Assert.Equal("horizonMonths", RefusedField(() => Validated(ShippedProtocols.Breast).Preview(J0, false, horizon)));
    }

    [Fact]
    public void Preview_OverAZeroHorizon_IsEmpty()
    {
        Assert.Empty(Validated(ShippedProtocols.Breast).Preview(J0, true, 0));
    }

    public static TheoryData<string, ProtocolDefinition> FaultyDefinitions()
    {
        var breast = ShippedProtocols.Breast;
        ProtocolItem Exam(Schedule schedule) => new(SurveillanceKind.ClinicalExam, Performer.Gp, schedule);
        ProtocolDefinition WithItem(ProtocolItem item) => breast with { Items = [.. breast.Items, item] };
        return new()
        {
            { "items[6].at[0]", WithItem(Exam(Schedule.Months(0))) },
            { "items[6].at[1]", WithItem(Exam(Schedule.Months(3, -2))) },
            { "items[6].at[1]", WithItem(Exam(Schedule.Months(12, 12))) },
            { "items[6].at[0]", WithItem(Exam(Schedule.Months(18).Then(6, 6))) },
            { "items[6].every", WithItem(Exam(Schedule.Every(0, 6))) },
            { "items[6].from", WithItem(Exam(Schedule.Every(6, 0))) },
            { "items[6].to", WithItem(Exam(Schedule.Every(6, 12, 6))) },
            { "items[6].to", WithItem(Exam(Schedule.Every(6, 12).Then(12, 36))) },
            { "items[6].then[0].from", WithItem(Exam(Schedule.Every(3, 3, 36).Then(6, 30, 60))) },
            { "items[6].at", WithItem(Exam(new Schedule([], []))) },
            { "items[6].performers", WithItem(new ProtocolItem(SurveillanceKind.Cea, [], Schedule.Months(3))) },
            { "items[6].performers[1]", WithItem(new ProtocolItem(SurveillanceKind.Cea, [Performer.Lab, Performer.Lab], Schedule.Months(3))) },
            { "items[6].alternate", WithItem(new ProtocolItem(SurveillanceKind.ClinicalExam, [Performer.Gp], Schedule.Months(3), Alternate: true)) },
            { "radiotherapyOption.at", breast with { RadiotherapyOption = Schedule.Months(12, 24, 36, 48) } },
            { "code", breast with { Code = "Sein 2" } },
            { "version", breast with { Version = 0 } },
            { "title", breast with { Title = " " } },
            { "authors", breast with { Authors = [] } },
            { "items", breast with { Items = [] } },
            { "rules.ca153UpperLimit", breast with { Thresholds = breast.Thresholds with { Ca153UpperLimit = 0 } } },
        };
    }

    [Theory]
    [MemberData(nameof(FaultyDefinitions))]
    public void Draft_RefusesAFaultyDefinition_NamingTheFaultyField(string field, ProtocolDefinition definition)
    {
        Assert.Equal(field, Assert.Single(definition.FindErrors()).Field);
        Assert.Equal(field, RefusedField(() => SurveillanceProtocol.Draft(definition, Now)));
    }

    [Fact]
    public void MonthZero_IsRefused_AsTheEndOfTreatmentItself()
    {
        var definition = ShippedProtocols.Colorectal with { Items = [new ProtocolItem(SurveillanceKind.Cea, Performer.Lab, Schedule.Months(0))] };

        var error = Assert.Single(definition.FindErrors());

        Assert.Contains("J0", error.Message);
    }
}

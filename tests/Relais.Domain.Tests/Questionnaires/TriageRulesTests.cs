using Relais.Domain.Alerts;
using Relais.Domain.Questionnaires;

namespace Relais.Domain.Tests.Questionnaires;

/// <summary>Whom the patient calls, the on-call rota, escalation of urgent alerts, and the physician's validation of a version.</summary>
public class TriageRulesTests
{
    private static readonly UnitContact Unit = new("l'hôpital de jour", "02 00 00 00 01", "02 00 00 00 99",
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 30), new TimeOnly(18, 0));

    [Theory]
    [InlineData("2026-11-23T08:29", CallKind.OnCall)]
    [InlineData("2026-11-23T08:30", CallKind.Unit)]
    [InlineData("2026-11-23T17:59", CallKind.Unit)]
    [InlineData("2026-11-23T18:00", CallKind.OnCall)]
    [InlineData("2026-11-23T23:00", CallKind.OnCall)]
    [InlineData("2026-11-28T10:00", CallKind.OnCall)]
    [InlineData("2026-11-29T10:00", CallKind.OnCall)]
    public void ThePatientCallsTheUnitInOpeningHours_TheOnCallNumberOtherwise(string local, CallKind expected)
    {
        var advice = WhomToCall.At(Unit, DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, advice.Kind);
        Assert.Equal(expected == CallKind.Unit ? Unit.UnitPhone : Unit.OnCallPhone, advice.Number);
        Assert.Contains(advice.Number, advice.Text);
        Assert.Contains("15", advice.Text);
    }

    private static readonly DateTimeOffset Raised = new(2026, 11, 23, 22, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(30);

    private static SymptomAlert Alert(AlertSeverity severity)
    {
        var rule = ToxicityQuestionnaire.Definition.Rules.First(r => r.Severity == severity);
        return SymptomAlert.Raise(Guid.NewGuid(), Guid.NewGuid(), ToxicityQuestionnaire.Definition, rule, Raised);
    }

    [Theory]
    [InlineData(AlertSeverity.Urgent, 29, false)]
    [InlineData(AlertSeverity.Urgent, 30, true)]
    [InlineData(AlertSeverity.Urgent, 600, true)]
    [InlineData(AlertSeverity.Warning, 600, false)]
    public void AnUrgentAlert_IsDueForEscalation_OnceTheDelayHasPassedUnacknowledged(AlertSeverity severity, int minutes, bool due) =>
        Assert.Equal(due, Alert(severity).DueForEscalation(Raised.AddMinutes(minutes), Delay));

    [Fact]
    public void AnAcknowledgedOrEscalatedAlert_IsNotEscalatedAgain()
    {
        var acknowledged = Alert(AlertSeverity.Urgent);
        acknowledged.Acknowledge(Guid.NewGuid(), Raised.AddMinutes(5));
        Assert.False(acknowledged.DueForEscalation(Raised.AddHours(2), Delay));
        var escalated = Alert(AlertSeverity.Urgent);
        escalated.EscalateTo(Guid.NewGuid(), Raised.AddMinutes(31));
        Assert.False(escalated.DueForEscalation(Raised.AddHours(2), Delay));
    }

    [Fact]
    public void RecordingTheAction_ClosesTheAlert_Once()
    {
        var alert = Alert(AlertSeverity.Urgent);
        var nurse = Guid.NewGuid();
        alert.RecordAction(TriageAction.Emergency, " Adressée aux urgences ", nurse, Raised.AddMinutes(10));
        Assert.False(alert.IsOpen);
        Assert.Equal((nurse, "Adressée aux urgences"), (alert.AcknowledgedBy!.Value, alert.ActionNote));
        Assert.Equal("action", Assert.Throws<DomainValidationException>(() => alert.RecordAction(TriageAction.Advice, null, nurse, Raised.AddMinutes(11))).Field);
    }

    [Fact]
    public void ThePhysicianOnCall_IsTheShiftCoveringTheInstant_TheLastPlannedWhenTheyOverlap()
    {
        var centre = Guid.NewGuid();
        var (first, replacement) = (Guid.NewGuid(), Guid.NewGuid());
        var night = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        var shifts = new[]
        {
            OnCallShift.Plan(centre, first, night, night.AddHours(14), Guid.NewGuid(), night.AddDays(-7)),
            OnCallShift.Plan(centre, replacement, night.AddHours(4), night.AddHours(8), Guid.NewGuid(), night.AddDays(-1)),
        };
        Assert.Null(OnCallShift.PhysicianAt(shifts, night.AddSeconds(-1)));
        Assert.Equal(first, OnCallShift.PhysicianAt(shifts, night));
        Assert.Equal(replacement, OnCallShift.PhysicianAt(shifts, night.AddHours(4)));
        Assert.Equal(first, OnCallShift.PhysicianAt(shifts, night.AddHours(8)));
        Assert.Null(OnCallShift.PhysicianAt(shifts, night.AddHours(14)));
        Assert.Equal("ends", Assert.Throws<DomainValidationException>(() => OnCallShift.Plan(centre, first, night, night, Guid.NewGuid(), night)).Field);
    }

    [Fact]
    public void AVersion_IsAnsweredOnlyOnceAPhysicianValidatedIt()
    {
        var version = QuestionnaireVersion.Draft(EsasQuestionnaire.Definition, Raised);
        Assert.Equal("questionnaire", Assert.Throws<DomainValidationException>(version.EnsureValidated).Field);
        Assert.Equal("by", Assert.Throws<DomainValidationException>(() => version.Validate(Guid.NewGuid(), "Mme Infirmière", isPhysician: false, Raised)).Field);
        version.Validate(Guid.NewGuid(), "Dr Martin", isPhysician: true, Raised);
        version.EnsureValidated();
        Assert.Equal(QuestionnaireStatus.Validated, version.Status);
        Assert.Equal("version", Assert.Throws<DomainValidationException>(() => version.Validate(Guid.NewGuid(), "Dr Roche", isPhysician: true, Raised)).Field);
        Assert.Equal("version", Assert.Throws<DomainValidationException>(() => version.Revise(EsasQuestionnaire.Definition, Raised)).Field);
    }
}

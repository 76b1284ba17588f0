using Relais.Domain.ContinuingTreatments;

namespace Relais.Domain.Tests.ContinuingTreatments;

public class ContinuingTreatmentTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.Parse("0197c000-0000-7000-8000-000000000001");
    private static readonly Guid Oncologist = Guid.Parse("0197c000-0000-7000-8000-000000000002");

    private static ContinuingTreatment Letrozole(int? months = 60) =>
        ContinuingTreatment.Record(Patient, " Létrozole ", TreatmentClass.AromataseInhibitor, Today, months, "Dr Claire Martin", Oncologist, Today, Now);

    [Fact]
    public void Record_FiveYears_PlansTheStopFiveYearsAfterTheStart()
    {
        var t = Letrozole();

        Assert.Equal("Létrozole", t.Drug);
        Assert.Equal(new DateOnly(2032, 3, 1), t.PlannedStopOn);
        Assert.Equal(ContinuingTreatmentStatus.Ongoing, t.Status);
        Assert.Contains("arrêt prévu le 01/03/2032", t.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "startedOn-ok", 60, "Dr X", "drug")]
    [InlineData("Létrozole", null, 60, "Dr X", "startedOn")]
    [InlineData("Létrozole", "startedOn-ok", 0, "Dr X", "plannedMonths")]
    [InlineData("Létrozole", "startedOn-ok", 181, "Dr X", "plannedMonths")]
    [InlineData("Létrozole", "startedOn-ok", 60, " ", "prescriber")]
    [InlineData("Létrozole", "far-future", 60, "Dr X", "startedOn")]
    public void Record_Refuses_NamingTheField(string? drug, string? start, int? months, string prescriber, string field)
    {
        DateOnly? started = start switch { null => null, "far-future" => Today.AddMonths(4), _ => Today };

        var ex = Assert.Throws<DomainValidationException>(() =>
            ContinuingTreatment.Record(Patient, drug, TreatmentClass.AromataseInhibitor, started, months, prescriber, Oncologist, Today, Now));

        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData(0, null, "reason")]
    [InlineData(1, "douleurs", "stoppedOn")]
    [InlineData(-1, "douleurs", "stoppedOn")]
    public void Stop_Refuses_AFutureDate_ADateBeforeTheStart_OrNoReason(int daysFromToday, string? reason, string field)
    {
        var t = Letrozole();
        var today = Today.AddDays(30);
        DateOnly on = daysFromToday switch { 1 => today.AddDays(1), -1 => Today.AddDays(-1), _ => today };

        var ex = Assert.Throws<DomainValidationException>(() => t.Stop(on, reason, today));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Stop_RecordsTheDateAndReason_Once()
    {
        var t = Letrozole();
        t.Stop(Today.AddMonths(2), "arthralgies", Today.AddMonths(2));

        Assert.Equal(ContinuingTreatmentStatus.Stopped, t.Status);
        Assert.Equal(1, t.Revision);
        Assert.Equal("status", Assert.Throws<DomainValidationException>(() => t.Stop(Today.AddMonths(2), "x", Today.AddMonths(2))).Field);
        Assert.Throws<StaleVersionException>(() => t.EnsureRevision(0));
    }

    [Theory]
    [InlineData(60, 0, 30, false)]
    [InlineData(60, 59, 30, true)]
    [InlineData(60, 61, 30, true)]
    [InlineData(null, 120, 30, false)]
    public void StopReminder_IsDueWithinTheWindowOfThePlannedStop(int? months, int monthsLater, int daysAhead, bool due)
    {
        var t = Letrozole(months);

        Assert.Equal(due, t.StopReminderDue(Today.AddMonths(monthsLater), daysAhead));
    }

    [Fact]
    public void StopReminder_IsNotDueForAStoppedTreatment_NorTwice()
    {
        var stopped = Letrozole();
        stopped.Stop(Today.AddMonths(1), "arthralgies", Today.AddMonths(1));
        var reminded = Letrozole();
        reminded.StopReminded(Now);

        Assert.False(stopped.StopReminderDue(Today.AddMonths(60), 30));
        Assert.False(reminded.StopReminderDue(Today.AddMonths(60), 30));
    }

    [Theory]
    // [B] "intolérances ou effets secondaires des thérapeutiques": an intolerance, or a stop, calls the patient back.
    [InlineData(Adherence.AsPrescribed, false, false)]
    [InlineData(Adherence.DosesMissed, false, false)]
    [InlineData(Adherence.AsPrescribed, true, true)]
    [InlineData(Adherence.Stopped, false, true)]
    [InlineData(Adherence.Stopped, true, true)]
    public void Report_CallsForEarlyReturn_OnIntoleranceOrStop(Adherence adherence, bool intolerance, bool earlyReturn)
    {
        var report = TreatmentReport.Record(Letrozole(), TreatmentReporter.Patient, Patient, Today, adherence, "bouffées de chaleur", intolerance, Today, Now);

        Assert.Equal(earlyReturn, report.CallsForEarlyReturn);
        Assert.Equal(earlyReturn, TreatmentReport.IsEarlyReturn(adherence, intolerance));
    }

    [Fact]
    public void Report_Intolerance_AsksWhichSideEffects()
    {
        var ex = Assert.Throws<DomainValidationException>(() =>
            TreatmentReport.Record(Letrozole(), TreatmentReporter.GeneralPractitioner, Oncologist, Today, Adherence.AsPrescribed, " ", true, Today, Now));

        Assert.Equal("sideEffects", ex.Field);
    }

    [Fact]
    public void Report_Note_QuotesTheDrugAdherenceAndSideEffects()
    {
        var t = Letrozole();
        var report = TreatmentReport.Record(t, TreatmentReporter.Patient, Patient, Today, Adherence.Stopped, "douleurs articulaires", true, Today, Now);

        Assert.Equal("Létrozole : arrêté par le patient, mal toléré — douleurs articulaires", report.Note(t));
    }
}

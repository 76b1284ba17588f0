using Relais.Domain.Pathways;
using static Relais.Domain.Pathways.PathwayPhase;

namespace Relais.Domain.Tests.Pathways;

public class PathwayDelaysTests
{
    private static readonly DateOnly Diagnosis = new(2025, 3, 3);

    private static PathwayMilestone At(PathwayPhase phase, int daysAfterDiagnosis) =>
        new(phase, Diagnosis.AddDays(daysAfterDiagnosis));

    private static PathwayDelay Delay(IReadOnlyList<PathwayDelay> delays, string code) =>
        Assert.Single(delays, d => d.Code == code);

    [Fact]
    public void Compute_ReturnsTheFourDelays_InAStableOrder()
    {
        var delays = PathwayDelays.Compute(Diagnosis, []);

        Assert.Equal(
            ["diagnosis-to-announcement", "diagnosis-to-tumor-board", "diagnosis-to-first-treatment", "tumor-board-to-care-programme"],
            delays.Select(d => d.Code));
    }

    [Fact]
    public void Compute_MeasuresEachDelayInCalendarDays_ForACompletePathway()
    {
        var delays = PathwayDelays.Compute(Diagnosis,
        [
            At(DiagnosisConfirmed, 0), At(TumorBoard, 9), At(Announcement, 14), At(CareProgramme, 16), At(ActiveTreatment, 30),
        ]);

        Assert.Equal(14, Delay(delays, "diagnosis-to-announcement").Days);
        Assert.Equal(9, Delay(delays, "diagnosis-to-tumor-board").Days);
        Assert.Equal(30, Delay(delays, "diagnosis-to-first-treatment").Days);
        Assert.Equal(7, Delay(delays, "tumor-board-to-care-programme").Days);
    }

    [Fact]
    public void Compute_UsesTheEpisodeDiagnosisDate_WhenNoMilestoneRecordsTheDiagnosis()
    {
        var tumorBoard = Delay(PathwayDelays.Compute(Diagnosis, [At(TumorBoard, 12)]), "diagnosis-to-tumor-board");

        Assert.Equal(Diagnosis, tumorBoard.FromDate);
        Assert.Equal(12, tumorBoard.Days);
    }

    [Fact]
    public void Compute_PrefersTheDiagnosisMilestone_OverTheEpisodeDiagnosisDate()
    {
        var tumorBoard = Delay(PathwayDelays.Compute(Diagnosis, [At(DiagnosisConfirmed, 2), At(TumorBoard, 12)]), "diagnosis-to-tumor-board");

        Assert.Equal(10, tumorBoard.Days);
    }

    [Fact]
    public void Compute_CountsTheFirstTumorBoard_NotTheOneForARecurrence()
    {
        var milestones = new[] { At(TumorBoard, 400), At(DiagnosisConfirmed, 0), At(TumorBoard, 10), At(CareProgramme, 15), At(CareProgramme, 410) };

        var delays = PathwayDelays.Compute(Diagnosis, milestones);

        Assert.Equal(10, Delay(delays, "diagnosis-to-tumor-board").Days);
        Assert.Equal(5, Delay(delays, "tumor-board-to-care-programme").Days);
    }

    [Fact]
    public void Compute_IgnoresAnEventDatedBeforeTheStart()
    {
        var delays = PathwayDelays.Compute(Diagnosis, [At(Announcement, -5), At(Announcement, 6)]);

        Assert.Equal(6, Delay(delays, "diagnosis-to-announcement").Days);
    }

    [Fact]
    public void Compute_CountsASameDayStep_AsZeroDays()
    {
        var delays = PathwayDelays.Compute(Diagnosis, [At(Announcement, 0)]);

        Assert.Equal(0, Delay(delays, "diagnosis-to-announcement").Days);
    }

    [Fact]
    public void Compute_LeavesAStepNotYetReachedOpen()
    {
        var firstTreatment = Delay(PathwayDelays.Compute(Diagnosis, [At(TumorBoard, 9)]), "diagnosis-to-first-treatment");

        Assert.Equal(Diagnosis, firstTreatment.FromDate);
        Assert.Null(firstTreatment.ToDate);
        Assert.Null(firstTreatment.Days);
    }

    [Fact]
    public void Compute_HasNoDays_WhenTheStartIsUnknown()
    {
        var delays = PathwayDelays.Compute(null, [At(CareProgramme, 20)]);

        Assert.All(delays, d => Assert.Null(d.Days));
        Assert.Null(Delay(delays, "tumor-board-to-care-programme").FromDate);
    }

    [Fact]
    public void Days_IsTheDifferenceOfTheTwoDates() =>
        Assert.Equal(31, new PathwayDelay("x", DiagnosisConfirmed, TumorBoard, new DateOnly(2025, 1, 31), new DateOnly(2025, 3, 3)).Days);
}

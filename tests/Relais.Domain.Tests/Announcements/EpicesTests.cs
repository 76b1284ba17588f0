using Relais.Domain.Announcements;

namespace Relais.Domain.Tests.Announcements;

public class EpicesTests
{
    private static bool[] Answers(params int[] yes) => Enumerable.Range(1, 11).Select(i => yes.Contains(i)).ToArray();

    [Fact]
    public void AllNo_IsTheIntercept() => Assert.Equal(75.14m, Epices.Score(Answers()).Score);

    [Fact]
    public void TheLeastDeprivedAnswers_ScoreZero()
    {
        // Never sees a social worker, no financial difficulty, "yes" to all protective questions.
        var result = Epices.Score(Answers(2, 3, 4, 6, 7, 8, 9, 10, 11));
        Assert.Equal(0m, result.Score);
        Assert.False(result.Precarious);
    }

    [Fact]
    public void TheMostDeprivedAnswers_Score100()
    {
        var result = Epices.Score(Answers(1, 5));
        Assert.Equal(100m, result.Score);
        Assert.True(result.Precarious);
    }

    [Fact]
    public void WorkedExample_Precarious()
    {
        // Complementary insurance (−11.83), lives alone, tenant, financial difficulties (+14.80), no sport,
        // no show, no holidays, family contacts (−9.47), someone to host (−9.47), no material help:
        // 75.14 − 11.83 + 14.80 − 9.47 − 9.47 = 59.17.
        var result = Epices.Score(Answers(2, 5, 9, 10));
        Assert.Equal(59.17m, result.Score);
        Assert.True(result.Precarious);
    }

    [Theory]
    // 75.14 −11.83 −8.28 −8.28 −6.51 −9.47 = 30.77 (precarious) ; adding −7.10 gives 23.67
    [InlineData(new[] { 2, 3, 4, 6, 9 }, 30.77, true)]
    [InlineData(new[] { 2, 3, 4, 6, 9, 7 }, 23.67, false)]
    // 75.14 −11.83 −8.28 −8.28 −9.47 −7.10 = 30.18: just above the threshold
    [InlineData(new[] { 2, 3, 4, 9, 11 }, 30.18, true)]
    // 75.14 −11.83 −8.28 −8.28 −9.47 −7.10 −... : 30.18 − 0.00 ; with sport instead of material help: 75.14−11.83−8.28−8.28−9.47−6.51 = 30.77
    public void TheThresholdIs30_17(int[] yes, decimal score, bool precarious)
    {
        var result = Epices.Score(Answers(yes));
        Assert.Equal(score, result.Score);
        Assert.Equal(precarious, result.Precarious);
    }

    [Fact]
    public void ExactlyAtTheThreshold_IsPrecarious()
    {
        Assert.True(30.17m >= Epices.PrecariousFrom);
        Assert.False(30.16m >= Epices.PrecariousFrom);
    }

    [Fact]
    public void ElevenAnswersAreRequired()
    {
        var e = Assert.Throws<DomainValidationException>(() => Epices.Score(new bool[10]));
        Assert.Equal("answers", e.Field);
    }
}

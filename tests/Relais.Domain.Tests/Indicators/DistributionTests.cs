using Relais.Domain.Indicators;

namespace Relais.Domain.Tests.Indicators;

public class DistributionTests
{
    [Theory]
    [InlineData(new double[] { 5 }, 50, 5)]
    [InlineData(new double[] { 3, 5, 10 }, 50, 5)]
    [InlineData(new double[] { 3, 6 }, 50, 4.5)]
    [InlineData(new double[] { 10, 3, 5 }, 50, 5)]          // order of the input does not matter
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 75, 4)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 75, 3.25)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 90, 9.1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 100, 10)]
    public void Percentile_InterpolatesBetweenTheClosestRanks(double[] values, double percent, double expected) =>
        Assert.Equal(expected, Distribution.Percentile(values, percent)!.Value, 6);

    [Fact]
    public void Percentile_OfNothing_IsNull() => Assert.Null(Distribution.Median([]));

    [Theory]
    [InlineData(new double[] { 3, 5, 10 }, 50)]
    [InlineData(new double[] { 1, 1, 1, 4, 4, 9 }, 75)]
    [InlineData(new double[] { 2, 2, 2, 2, 7, 7, 7, 8, 8, 20 }, 90)]
    [InlineData(new double[] { 6, 6, 6, 6 }, 10)]
    public void Percentile_OfAHistogram_IsThatOfItsValuesSpreadOut(double[] values, double percent)
    {
        var histogram = values.GroupBy(v => v).Select(g => (g.Key, g.Count())).Reverse().Append((99.0, 0));

        Assert.Equal(Distribution.Percentile(values, percent)!.Value, Distribution.Percentile(histogram, percent)!.Value, 9);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(0, 7, 0.0)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(12, 12, 100.0)]
    public void Share_IsAPercentWithOneDecimal(int numerator, int denominator, double? expected) =>
        Assert.Equal(expected, Distribution.Share(numerator, denominator));

    [Fact]
    public void Share_RefusesANumeratorAboveItsDenominator() => Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Share(4, 3));
}

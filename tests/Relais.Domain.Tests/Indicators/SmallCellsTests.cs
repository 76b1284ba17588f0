using Relais.Domain.Indicators;

namespace Relais.Domain.Tests.Indicators;

public class SmallCellsTests
{
    private static CellTable Table(CellCount total, params CellCount[][] partitions) => new(total, partitions);

    private static CellCount C(int numerator, int denominator) => new(numerator, denominator);

    [Theory]
    [InlineData(0, 0, false)]   // nobody: zero is published
    [InlineData(0, 20, false)]
    [InlineData(20, 20, false)]
    [InlineData(12, 30, false)]
    [InlineData(3, 3, true)]    // three patients
    [InlineData(10, 10, true)]  // the threshold's last small count
    [InlineData(11, 11, false)] // the threshold itself is published
    [InlineData(5, 40, true)]   // five met it
    [InlineData(35, 40, true)]  // five did not: the difference is a small count too
    [InlineData(30, 40, true)]
    [InlineData(29, 40, false)]
    public void APrimaryCell_IsMasked_WhenItsDenominatorNumeratorOrDifferenceIsOneToTen(int numerator, int denominator, bool masked) =>
        Assert.Equal(masked, SmallCells.IsPrimary(C(numerator, denominator), SmallCells.DefaultThreshold));

    [Theory]
    [InlineData(3, 1, true)]
    [InlineData(3, 3, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    public void TheThreshold_IsConfigurable(int threshold, int count, bool small) => Assert.Equal(small, SmallCells.IsSmall(count, threshold));

    [Fact]
    public void OneMaskedHospital_DrawsTheSmallestOtherHospital_SoTheTotalCannotGiveItBack()
    {
        // 3 patients at hospital B; A and C are large. Without a second mask, 3 = 70 − 40 − 27.
        var table = Table(C(35, 70), [C(20, 40), C(2, 3), C(13, 27)]);

        var mask = SmallCells.Suppress(table);

        Assert.False(mask.Total);
        Assert.Equal([false, true, true], mask.Partitions[0]);
        AssertNoCellIsRecomputable(table, mask);
    }

    [Fact]
    public void AMaskedTotal_MasksACellOfEveryBreakdown_OrTheBreakdownWouldAddItBackUp()
    {
        // 8 patients in all, 4 at each of two hospitals, in two months.
        var table = Table(C(4, 8), [C(2, 4), C(2, 4)], [C(1, 3), C(3, 5)]);

        var mask = SmallCells.Suppress(table);

        Assert.True(mask.Total);
        Assert.All(mask.Partitions, p => Assert.All(p, Assert.True));
        AssertNoCellIsRecomputable(table, mask);
    }

    [Fact]
    public void WhenNoOtherCellHasPatients_TheTotalIsMasked()
    {
        // Only one hospital has patients (a filter on it): masking its cell masks the total, and so a month.
        var table = Table(C(3, 25), [C(3, 25), C(0, 0)], [C(1, 12), C(2, 13)]);

        var mask = SmallCells.Suppress(table);

        Assert.True(mask.Total);
        Assert.Equal([true, false], mask.Partitions[0]);
        Assert.Equal([true, true], mask.Partitions[1]);
        AssertNoCellIsRecomputable(table, mask);
    }

    [Fact]
    public void AMonthMaskedForItself_CascadesThroughTheTotal_ToTheHospitals()
    {
        // One month of 5 cases: another month is masked with it; hospitals stay as they are (nothing masked there, total shown).
        var table = Table(C(30, 60), [C(15, 30), C(15, 30)], [C(2, 5), C(14, 27), C(14, 28)]);

        var mask = SmallCells.Suppress(table);

        Assert.False(mask.Total);
        Assert.Equal([false, false], mask.Partitions[0]);
        Assert.Equal([true, true, false], mask.Partitions[1]);
        AssertNoCellIsRecomputable(table, mask);
    }

    [Fact]
    public void ZeroCells_AreNotChosenToHide_AnotherCell()
    {
        var table = Table(C(22, 45), [C(2, 4), C(0, 0), C(20, 41)]);

        var mask = SmallCells.Suppress(table);

        Assert.Equal([true, false, true], mask.Partitions[0]);
        AssertNoCellIsRecomputable(table, mask);
    }

    [Fact]
    public void ABreakdownThatDoesNotAddUp_IsRefused() =>
        Assert.Throws<ArgumentException>(() => SmallCells.Suppress(Table(C(5, 20), [C(1, 4)])));

    [Theory]
    [MemberData(nameof(RandomTables))]
    public void NoMaskedCount_CanBeRecomputed_FromTheShownCellsOfAnyBreakdown(CellTable table)
    {
        var mask = SmallCells.Suppress(table);

        // Every small cell is masked...
        Assert.True(!SmallCells.IsPrimary(table.Total, SmallCells.DefaultThreshold) || mask.Total);
        for (var p = 0; p < table.Partitions.Count; p++)
            for (var i = 0; i < table.Partitions[p].Count; i++)
                Assert.True(!SmallCells.IsPrimary(table.Partitions[p][i], SmallCells.DefaultThreshold) || mask.Partitions[p][i]);
        // ...and none is given back by subtraction.
        AssertNoCellIsRecomputable(table, mask);
    }

    public static TheoryData<CellTable> RandomTables()
    {
        var random = new Random(20261130);
        var data = new TheoryData<CellTable>();
        for (var n = 0; n < 200; n++)
        {
            CellCount Cell()
            {
                if (random.Next(4) == 0) return new(0, 0);
                var denominator = random.Next(1, 60);
                return new(random.Next(denominator + 1), denominator);
            }
            var hospitals = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Cell()).ToArray();
            var total = hospitals.Aggregate(default(CellCount), (a, b) => a + b);
            // The months split the same cases differently: shuffle the cases of the total into 1 to 4 months.
            var months = new CellCount[random.Next(1, 5)];
            for (var k = 0; k < total.Denominator; k++)
            {
                var m = random.Next(months.Length);
                months[m] += new CellCount(k < total.Numerator ? 1 : 0, 1);
            }
            data.Add(new CellTable(total, [hospitals, months]));
        }
        return data;
    }

    /// <summary>
    /// The attack: a breakdown whose total is shown and of which exactly one cell is masked gives that cell back by
    /// subtraction; one whose cells are all shown gives back a masked total.
    /// </summary>
    private static void AssertNoCellIsRecomputable(CellTable table, SuppressionMask mask)
    {
        for (var p = 0; p < table.Partitions.Count; p++)
        {
            var masked = mask.Partitions[p].Count(m => m) + (mask.Total ? 1 : 0);
            Assert.NotEqual(1, masked);
        }
    }
}

using Relais.Domain.RareCancers;

namespace Relais.Domain.Tests.RareCancers;

/// <summary>What counts as a rare cancer, and the expert circuit's missing steps (issue 16 point 3, [G] §1 and §1.1).</summary>
public class RareCancerGroundsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(RareCancerGround.LowIncidence, true, "inférieure à 6/100 000 personnes par an")]
    [InlineData(RareCancerGround.SpecialSite, true, "mélanome de l'uvée, tumeurs du péritoine")]
    [InlineData(RareCancerGround.SpecialHistology, true, "caractéristiques histologiques particulières")]
    [InlineData(RareCancerGround.SpecificTerrain, true, "néoplasies de la femme enceinte")]
    [InlineData(RareCancerGround.HighComplexity, true, "sarcomes des tissus mous")]
    [InlineData(RareCancerGround.Lymphoma, false, "pour les cancers rares et pour les lymphomes, une double lecture systématique")]
    public void Ground_QuotesTheGuide_AndSaysWhetherTheExpertBoardIsRequired(RareCancerGround ground, bool board, string quoted)
    {
        var line = RareCancerGrounds.Of(ground);

        Assert.Equal(board, line.RequiresExpertBoard);
        Assert.Contains(quoted, line.Source, StringComparison.Ordinal);
        Assert.Contains("double lecture systématique", line.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C81.9", true)]
    [InlineData("C83.3", true)]
    [InlineData("C86", true)]
    [InlineData("C80.0", false)]
    [InlineData("C88.0", false)]
    [InlineData("C50.4", false)]
    [InlineData("D81.0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Lymphoma_IsFoundByItsIcd10Site(string? site, bool lymphoma) => Assert.Equal(lymphoma, RareCancerGrounds.IsLymphoma(site));

    [Fact]
    public void RareCancer_MissesItsSecondReadingAndExpertBoard_UntilBothAreRecorded()
    {
        var review = ExpertReview.Open(Guid.NewGuid(), Guid.NewGuid(), RareCancerGround.HighComplexity, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal([ExpertStep.SecondReading, ExpertStep.ExpertBoard], review.Missing);

        review.RecordSecondReading(Today, "Dr X, centre expert : sarcome confirmé", Today);
        Assert.Equal([ExpertStep.ExpertBoard], review.Missing);
        review.RecordExpertBoard(Today, "NetSarc", Today);
        Assert.Empty(review.Missing);
    }

    [Fact]
    public void Lymphoma_NeedsOnlyItsSecondReading()
    {
        var review = ExpertReview.Open(Guid.NewGuid(), Guid.NewGuid(), RareCancerGround.Lymphoma, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        Assert.Equal([ExpertStep.SecondReading], review.Missing);

        review.RecordSecondReading(Today, "Relecture LYSA", Today);
        Assert.Empty(review.Missing);
    }

    [Theory]
    [InlineData("secondReadingOn", true, null, "texte")]
    [InlineData("secondReadingOn", true, 1, "texte")]
    [InlineData("secondReadingConclusion", true, 0, " ")]
    [InlineData("expertBoardOn", false, 1, "Réseau")]
    [InlineData("expertNetwork", false, 0, "")]
    public void Step_WithoutItsDateOrText_IsRefusedNamingTheField(string field, bool reading, int? daysFromToday, string text)
    {
        var review = ExpertReview.Open(Guid.NewGuid(), Guid.NewGuid(), RareCancerGround.LowIncidence, Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        DateOnly? on = daysFromToday is { } d ? Today.AddDays(d) : null;

        var ex = Assert.Throws<DomainValidationException>(() =>
        {
            if (reading) review.RecordSecondReading(on, text, Today);
            else review.RecordExpertBoard(on, text, Today);
        });
        Assert.Equal(field, ex.Field);
    }
}

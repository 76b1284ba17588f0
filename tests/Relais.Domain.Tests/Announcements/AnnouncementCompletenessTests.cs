using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>When an announcement record is complete.</summary>
public class AnnouncementCompletenessTests
{
    [Fact]
    public void IsComplete_WhenEveryApplicableItemIsDone()
    {
        var record = Complete();

        Assert.All(record.Checklist(30, FertilityAgeBounds.Female), i => Assert.True(i.Done, i.Code));
        Assert.True(record.IsComplete(30, FertilityAgeBounds.Female));
    }

    [Fact]
    public void IsComplete_IgnoresItemsThatDoNotApply()
    {
        // A 60-year-old former smoker, not informed on fertility (not of reproductive age).
        var record = Complete(TobaccoStatus.Former, fertility: false);

        Assert.True(record.IsComplete(60, FertilityAgeBounds.Female));
        Assert.False(Item(record, "fertility", 60).Done);
        Assert.False(Item(record, "cessation", 60).Done);
    }

    [Fact]
    public void IsComplete_IsFalse_WhileAnApplicableItemIsMissing()
    {
        var record = Complete(fertility: false);

        Assert.False(record.IsComplete(30, FertilityAgeBounds.Female));
        Assert.True(record.IsComplete(50, FertilityAgeBounds.Female));
    }

    [Fact]
    public void IsComplete_IsFalse_ForANewRecord() => Assert.False(Open().IsComplete(60, FertilityAgeBounds.Female));
}

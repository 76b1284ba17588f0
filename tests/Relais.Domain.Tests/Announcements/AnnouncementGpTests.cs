using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>The GP contacted and their context of the patient (C4).</summary>
public class AnnouncementGpTests
{
    [Fact]
    public void GpContacted_KeepsTheFirstContact()
    {
        var record = Open();

        record.GpContacted(Now.AddDays(-3));
        record.GpContacted(Now);

        Assert.Equal(Now.AddDays(-3), record.GpContactedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void RecordGpContext_IsRefused_WhenEmpty(string? text)
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordGpContext(text, Now));

        Assert.Equal("gpContext", error.Field);
    }

    [Fact]
    public void RecordGpContext_IsLimitedTo4000Characters()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordGpContext(new string('x', 4001), Now));
        record.RecordGpContext(new string('x', 4000), Now);

        Assert.Equal("gpContext", error.Field);
        Assert.Equal(4000, record.GpContext!.Length);
    }

    [Fact]
    public void RecordSupportiveCareNeeds_Blank_LeavesTheItemUndone()
    {
        var record = Open();
        record.RecordSupportiveCareNeeds("Diététique.", Now);

        record.RecordSupportiveCareNeeds("  ", Now);

        Assert.Null(record.SupportiveCareNeeds);
        Assert.False(Item(record, "supportive-care").Done);
    }
}

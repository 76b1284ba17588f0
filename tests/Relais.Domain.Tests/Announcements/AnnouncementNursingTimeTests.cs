using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>The nursing time of the announcement: offered, accepted or declined, and when.</summary>
public class AnnouncementNursingTimeTests
{
    [Fact]
    public void RecordNursingTime_Accepted_NeedsADate()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordNursingTime(NursingTime.Accepted, null, Today, Now));

        Assert.Equal("nursingTimeOn", error.Field);
        Assert.Equal(NursingTime.NotYetOffered, record.NursingTime);
    }

    [Theory]
    [InlineData(NursingTime.Accepted)]
    [InlineData(NursingTime.Declined)]
    public void RecordNursingTime_RefusesAFutureDate(NursingTime state)
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordNursingTime(state, Today.AddDays(1), Today, Now));

        Assert.Equal("nursingTimeOn", error.Field);
    }

    [Fact]
    public void RecordNursingTime_KeepsTheStateAndDate()
    {
        var record = Open();

        record.RecordNursingTime(NursingTime.Accepted, Today, Today, Now.AddHours(2));

        Assert.Equal(NursingTime.Accepted, record.NursingTime);
        Assert.Equal(Today, record.NursingTimeOn);
        Assert.Equal(Now.AddHours(2), record.UpdatedAt);
    }
}

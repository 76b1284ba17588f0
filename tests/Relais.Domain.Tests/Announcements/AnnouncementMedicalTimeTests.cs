using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>The medical time of the announcement: who, when and what was said.</summary>
public class AnnouncementMedicalTimeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordMedicalTime_NeedsAnExplanation(string? explained)
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordMedicalTime(Today, Oncologist, explained, Today, Now));

        Assert.Equal("medicalTimeExplained", error.Field);
        Assert.Null(record.MedicalTimeOn);
    }

    [Fact]
    public void RecordMedicalTime_RefusesAFutureDate()
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            Open().RecordMedicalTime(Today.AddDays(1), Oncologist, "Diagnostic et traitement.", Today, Now));

        Assert.Equal("medicalTimeOn", error.Field);
    }

    [Fact]
    public void RecordMedicalTime_KeepsTheDatePhysicianAndExplanation()
    {
        var record = Open();

        record.RecordMedicalTime(Today, Oncologist, "  Diagnostic et traitement.  ", Today, Now);

        Assert.Equal(Today, record.MedicalTimeOn);
        Assert.Equal(Oncologist, record.MedicalTimePhysicianId);
        Assert.Equal("Diagnostic et traitement.", record.MedicalTimeExplained);
    }
}

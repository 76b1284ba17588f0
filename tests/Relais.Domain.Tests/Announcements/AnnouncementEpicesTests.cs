using Relais.Domain.Announcements;
using static Relais.Domain.Tests.Builders.AnnouncementRecords;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Announcements;

/// <summary>Recording the EPICES deprivation score and the social worker orientation.</summary>
public class AnnouncementEpicesTests
{
    [Fact]
    public void RecordEpices_RefusesAPrecariousScore_WithoutOrientationToTheSocialWorker()
    {
        var record = Open();

        var error = Assert.Throws<DomainValidationException>(() => record.RecordEpices(Precarious, socialWorkerOriented: false, Now.AddHours(1)));

        Assert.Equal("socialWorkerOriented", error.Field);
        Assert.Contains("100", error.Message);
        Assert.Null(record.EpicesScore);
        Assert.Null(record.EpicesAnswers);
        Assert.Equal(Now, record.UpdatedAt);
    }

    [Fact]
    public void RecordEpices_AcceptsAPrecariousScore_WithOrientation()
    {
        var record = Open();
        var at = Now.AddHours(1);

        var result = record.RecordEpices(Precarious, socialWorkerOriented: true, at);

        Assert.Equal(new Epices.Result(100m, true), result);
        Assert.Equal(100m, record.EpicesScore);
        Assert.Equal("10001000000", record.EpicesAnswers);
        Assert.True(record.SocialWorkerOriented);
        Assert.Equal(at, record.UpdatedAt);
        Assert.True(Item(record, "social-worker").Done);
    }

    [Fact]
    public void RecordEpices_AcceptsANonPrecariousScore_WithoutOrientation()
    {
        var record = Open();

        var result = record.RecordEpices(NotPrecarious, socialWorkerOriented: false, Now);

        Assert.False(result.Precarious);
        Assert.Equal(0m, record.EpicesScore);
        Assert.False(record.SocialWorkerOriented);
    }

    [Fact]
    public void RecordEpices_RefusesAnIncompleteQuestionnaire()
    {
        var error = Assert.Throws<DomainValidationException>(() => Open().RecordEpices(new bool[10], false, Now));

        Assert.Equal("answers", error.Field);
    }
}

using Relais.Domain.Documents;
using Relais.Domain.Portal;

namespace Relais.Domain.Tests.Portal;

/// <summary>Issue 14 §3: what reaches the portal by itself, and what waits for the announcement or a clinician.</summary>
public class PortalReleaseRuleTests
{
    private static readonly DateOnly Announced = new(2026, 3, 10);
    private static readonly DateOnly[] OneAnnouncement = [Announced];
    private static readonly DateOnly[] None = [];

    private static PortalItem Doc(DocumentKind kind, DateOnly on) => new(PortalItemKind.Document, Guid.NewGuid(), on, kind);

    [Theory]
    [InlineData(DocumentKind.Pps)]
    [InlineData(DocumentKind.Ppac)]
    [InlineData(DocumentKind.FollowUpProtocol)]
    [InlineData(DocumentKind.TreatmentProtocol)]
    public void DocumentsWrittenForThePatient_AreReleased_EvenBeforeAnyAnnouncement(DocumentKind kind) =>
        Assert.Equal(ReleaseBasis.WrittenForPatient, PortalReleaseRule.Basis(Doc(kind, new DateOnly(2026, 1, 1)), None, false));

    [Theory]
    [InlineData(DocumentKind.PathologyReport)]
    [InlineData(DocumentKind.TumorBoardReport)]
    [InlineData(DocumentKind.ExamResult)]
    [InlineData(DocumentKind.Letter)]
    public void APathologyOrTumorBoardReport_IsHeld_UntilTheAnnouncement(DocumentKind kind)
    {
        Assert.Null(PortalReleaseRule.Basis(Doc(kind, Announced.AddDays(-5)), None, false));
        Assert.Equal(ReleaseBasis.Announcement, PortalReleaseRule.Basis(Doc(kind, Announced.AddDays(-5)), OneAnnouncement, false));
        Assert.Equal(ReleaseBasis.Announcement, PortalReleaseRule.Basis(Doc(kind, Announced), OneAnnouncement, false));
    }

    [Fact]
    public void AReportWrittenAfterTheAnnouncement_IsHeld_UntilAClinicianReleasesIt()
    {
        var recurrence = Doc(DocumentKind.PathologyReport, Announced.AddMonths(30));

        Assert.Null(PortalReleaseRule.Basis(recurrence, OneAnnouncement, false));
        Assert.Equal(ReleaseBasis.Clinician, PortalReleaseRule.Basis(recurrence, OneAnnouncement, true));
    }

    [Fact]
    public void AMarkerResultThatRaisedNoAlert_IsReleasedOnceTheDiagnosisIsAnnounced_ButNotBefore()
    {
        var result = new PortalItem(PortalItemKind.Observation, Guid.NewGuid(), Announced.AddMonths(6));

        Assert.Equal(ReleaseBasis.NoNews, PortalReleaseRule.Basis(result, OneAnnouncement, false));
        Assert.Null(PortalReleaseRule.Basis(result, None, false));
    }

    [Fact]
    public void AMarkerRise_AndItsEarlyReturnAlert_AreHeld_UntilAClinicianReleasesThem()
    {
        var rise = new PortalItem(PortalItemKind.Observation, Guid.NewGuid(), Announced.AddMonths(12), RaisedAlert: true);
        var alert = new PortalItem(PortalItemKind.Alert, Guid.NewGuid(), Announced.AddMonths(12));

        Assert.Null(PortalReleaseRule.Basis(rise, OneAnnouncement, false));
        Assert.Null(PortalReleaseRule.Basis(alert, OneAnnouncement, false));
        Assert.Equal(ReleaseBasis.Clinician, PortalReleaseRule.Basis(alert, OneAnnouncement, true));
    }

    [Fact]
    public void TheWarningSignsThePatientReported_AreTheirOwn()
    {
        var signs = new PortalItem(PortalItemKind.Alert, Guid.NewGuid(), Announced.AddMonths(12), ReportedSigns: true);

        Assert.Equal(ReleaseBasis.WrittenForPatient, PortalReleaseRule.Basis(signs, None, false));
    }

    [Fact]
    public void ATransmissionAddressedToThePatient_IsTheirs_AnotherWaitsLikeAnAlert()
    {
        var toPatient = new PortalItem(PortalItemKind.Transmission, Guid.NewGuid(), Announced.AddMonths(2), AddressedToPatient: true);
        var earlyReturn = new PortalItem(PortalItemKind.Transmission, Guid.NewGuid(), Announced.AddMonths(2));

        Assert.Equal(ReleaseBasis.WrittenForPatient, PortalReleaseRule.Basis(toPatient, OneAnnouncement, false));
        Assert.Null(PortalReleaseRule.Basis(earlyReturn, OneAnnouncement, false));
    }

    [Fact]
    public void ALaterAnnouncement_TellsWhatWasKnownOnItsDay()
    {
        var secondEpisode = Announced.AddMonths(40);
        var report = Doc(DocumentKind.PathologyReport, Announced.AddMonths(39));

        Assert.Null(PortalReleaseRule.Basis(report, OneAnnouncement, false));
        Assert.Equal(ReleaseBasis.Announcement, PortalReleaseRule.Basis(report, [Announced, secondEpisode], false));
    }
}

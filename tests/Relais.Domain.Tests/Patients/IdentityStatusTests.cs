using Relais.Domain.Patients;

namespace Relais.Domain.Tests.Patients;

/// <summary>The RNIV statuses and how each is reached.</summary>
public class IdentityStatusTests
{
    [Theory]
    [InlineData(false, false, IdentityStatus.Provisional)]
    [InlineData(true, false, IdentityStatus.Recovered)]
    [InlineData(false, true, IdentityStatus.Validated)]
    [InlineData(true, true, IdentityStatus.Qualified)]
    public void Of_CombinesTheInsiAnswerAndTheDocumentCheck(bool insi, bool document, IdentityStatus expected) =>
        Assert.Equal(expected, IdentityStatuses.Of(insi, document));

    [Theory]
    [InlineData(IdentityDocumentKind.Passport, true)]
    [InlineData(IdentityDocumentKind.NationalIdentityCard, true)]
    [InlineData(IdentityDocumentKind.ResidencePermit, true)]
    [InlineData(IdentityDocumentKind.BirthCertificate, false)]
    [InlineData(IdentityDocumentKind.FamilyRecordBook, false)]
    public void IsHighTrust_OnlyPhotoIdentityDocuments(IdentityDocumentKind kind, bool expected) =>
        Assert.Equal(expected, IdentityStatuses.IsHighTrust(kind));

    [Theory]
    [InlineData(IdentityStatus.Provisional, false)]
    [InlineData(IdentityStatus.Recovered, false)]
    [InlineData(IdentityStatus.Validated, false)]
    [InlineData(IdentityStatus.Qualified, true)]
    public void MayLeaveRelais_OnlyQualified(IdentityStatus status, bool expected) =>
        Assert.Equal(expected, IdentityStatuses.MayLeaveRelais(status));
}

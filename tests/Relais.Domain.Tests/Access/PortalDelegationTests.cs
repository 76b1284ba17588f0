using Relais.Domain.Access;

namespace Relais.Domain.Tests.Access;

public class PortalDelegationTests
{
    [Theory]
    [InlineData(RecordSections.Carnet, "fils", null)]
    [InlineData(RecordSections.Carnet | RecordSections.Documents | RecordSections.Messages, "conjointe", null)]
    [InlineData(RecordSections.None, "fils", "sections")]
    [InlineData(RecordSections.Pathology, "fils", "sections")]
    [InlineData(RecordSections.Carnet | RecordSections.Identity, "fils", "sections")]
    [InlineData(RecordSections.Carnet | RecordSections.PsychologicalNotes, "fils", "sections")]
    [InlineData(RecordSections.Carnet, "  ", "relationship")]
    public void APatient_DelegatesTheCarnetTheDocumentsAndTheMessages_NothingElse(RecordSections sections, string relationship, string? refusedField)
    {
        if (refusedField is null)
        {
            var (granted, reason) = PortalDelegation.Validate(sections, relationship);
            Assert.Equal(sections, granted);
            Assert.Contains(relationship, reason, StringComparison.Ordinal);
            Assert.True(reason.Length >= AccessGrant.MinimumReasonLength);
        }
        else
        {
            Assert.Equal(refusedField, Assert.Throws<DomainValidationException>(() => PortalDelegation.Validate(sections, relationship)).Field);
        }
    }
}

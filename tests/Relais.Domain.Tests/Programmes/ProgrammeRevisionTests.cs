using Relais.Domain.Programmes;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;
using static Relais.Domain.Tests.Builders.ProgrammeDrafts;

namespace Relais.Domain.Tests.Programmes;

/// <summary>Revising a care programme: versions and what a revision keeps.</summary>
public class ProgrammeRevisionTests
{
    [Fact]
    public void ARevision_KeepsTheLineage_AndIncrementsTheVersion()
    {
        var first = Draft(caseId: Case);
        var second = Draft(previous: first, now: Now.AddDays(10));
        var third = Draft(previous: second, now: Now.AddDays(20));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.LineageId, second.LineageId);
        Assert.Equal(first.LineageId, third.LineageId);
        Assert.Equal([1, 2, 3], new[] { first.Version, second.Version, third.Version });
    }

    [Fact]
    public void ARevision_InheritsTheTumorBoardCase_UnlessAnotherIsGiven()
    {
        var first = Draft(caseId: Case);
        var otherCase = OtherCase;

        Assert.Equal(Case, Draft(previous: first).TumorBoardCaseId);
        Assert.Equal(otherCase, Draft(previous: first, caseId: otherCase).TumorBoardCaseId);
    }

    [Fact]
    public void ARevision_OfAnotherPatient_IsRefused()
    {
        var first = Draft();

        var error = Assert.Throws<DomainValidationException>(() => Draft(patient: OtherPatient, previous: first));

        Assert.Equal("previousVersionId", error.Field);
    }

    [Theory]
    [InlineData(ProgrammeKind.Pps, ProgrammeKind.Ppac)]
    [InlineData(ProgrammeKind.Ppac, ProgrammeKind.Pps)]
    public void ARevision_OfAnotherKindOfProgramme_IsRefused(ProgrammeKind previousKind, ProgrammeKind kind)
    {
        var previous = Draft(kind: previousKind);

        var error = Assert.Throws<DomainValidationException>(() => Draft(kind: kind, previous: previous));

        Assert.Equal("previousVersionId", error.Field);
    }

    [Fact]
    public void ARevision_IsStillValidated()
    {
        var first = Draft();

        var error = Assert.Throws<DomainValidationException>(() => Draft(Content(phases: []), previous: first));

        Assert.Equal("phases", error.Field);
    }

    [Fact]
    public void MarkSuperseded_AndRendered_AreKept()
    {
        var programme = Draft();
        var document = Guid.Parse("0197a000-0000-7000-8000-000000000040");
        var transmission = Guid.Parse("0197a000-0000-7000-8000-000000000041");

        programme.MarkSuperseded();
        programme.Rendered(document, transmission);

        Assert.True(programme.Superseded);
        Assert.Equal(document, programme.DocumentId);
        Assert.Equal(transmission, programme.TransmissionId);
    }
}

using Relais.Domain.Access;

namespace Relais.Domain.Tests.Access;

public class AccessGrantTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static AccessRequest Outsider(AccessKind kind, GrantWindow[] grants, BreakGlassWindow[]? breakGlass = null, bool objection = false) =>
        new(AccessorKind.Professional, kind, false, [], objection, breakGlass ?? [], grants);

    [Theory]
    [InlineData("2025-06-01", null, false, true)]
    [InlineData("2025-06-15", "2025-06-15", false, true)]
    [InlineData("2025-06-16", null, false, false)]
    [InlineData("2025-01-01", "2025-06-14", false, false)]
    [InlineData("2025-06-01", null, true, false)]
    public void AScopedGrant_OpensTheRecordOnItsDaysOnly_UnlessRevoked(string from, string? until, bool revoked, bool granted)
    {
        var window = new GrantWindow(RecordSections.Messages, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), revoked);

        var decision = AccessRule.Decide(Outsider(AccessKind.Read, [window]), Today, Now);

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(granted ? AccessBasis.Grant : AccessBasis.None, decision.Basis);
    }

    [Theory]
    [InlineData(RecordSections.Messages, Capability.ReadMessages, true)]
    [InlineData(RecordSections.Messages, Capability.WriteMessage, true)]
    [InlineData(RecordSections.Messages, Capability.ReadRecord, false)]
    [InlineData(RecordSections.Identity | RecordSections.Treatment, Capability.ReadTreatment, true)]
    [InlineData(RecordSections.Identity | RecordSections.Treatment, Capability.ReadPathology, false)]
    [InlineData(RecordSections.TumorBoardOrganisation, Capability.OrganiseTumorBoard, true)]
    [InlineData(RecordSections.TumorBoardOrganisation, Capability.RecordPathway, false)]
    [InlineData(RecordSections.Identity | RecordSections.Documents | RecordSections.Treatment | RecordSections.Labs | RecordSections.Events
        | RecordSections.Messages | RecordSections.Pathology | RecordSections.TumorBoard | RecordSections.PsychologicalNotes | RecordSections.TumorBoardOrganisation,
        Capability.SignProgramme, false)]
    public void AScopedGrant_OpensOnlyTheCapabilitiesOfItsSections(RecordSections sections, Capability capability, bool opens)
    {
        var decision = AccessRule.Decide(Outsider(AccessKind.Write, [new GrantWindow(sections, Today, null, false)]), Today, Now);

        Assert.Equal(opens, AccessRule.Opens(decision, capability));
    }

    [Fact]
    public void SeveralGrants_AddTheirSections()
    {
        var decision = AccessRule.Decide(Outsider(AccessKind.Read, [new(RecordSections.Messages, Today, null, false), new(RecordSections.Labs, Today, null, false)]), Today, Now);

        Assert.Equal(RecordSections.Messages | RecordSections.Labs, decision.Sections);
    }

    [Fact]
    public void TheObjection_WinsOverAGrant() =>
        Assert.False(AccessRule.Decide(Outsider(AccessKind.Read, [new(RecordSections.Messages, Today, null, false)], objection: true), Today, Now).Granted);

    [Theory]
    [InlineData(AccessKind.Read, true, "break-glass")]
    [InlineData(AccessKind.Write, false, AccessRule.BreakGlassReadOnly)]
    public void BreakTheGlass_ReadsAndNeverWrites(AccessKind kind, bool granted, string reason)
    {
        var decision = AccessRule.Decide(Outsider(kind, [], [new(Now, Now + AccessRule.BreakGlassDuration)]), Today, Now);

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    [InlineData(Capability.ReadPathology, true)]
    [InlineData(Capability.ReadRecord, true)]
    [InlineData(Capability.WriteMessage, false)]
    [InlineData(Capability.EditIdentity, false)]
    public void ABreakGlassAccess_OpensReadsOnly(Capability capability, bool opens) =>
        Assert.Equal(opens, AccessRule.Opens(new AccessDecision(true, AccessBasis.BreakGlass, "break-glass"), capability));

    [Fact]
    public void AGrant_NamesItsSections_ItsPeriod_AndItsReason()
    {
        Assert.Equal("sections", Assert.Throws<DomainValidationException>(() => AccessGrant.Grant(Guid.NewGuid(), Guid.NewGuid(), RecordSections.None, Today, null, "Orientation psychologue", Guid.NewGuid(), Now)).Field);
        Assert.Equal("until", Assert.Throws<DomainValidationException>(() => AccessGrant.Grant(Guid.NewGuid(), Guid.NewGuid(), RecordSections.Messages, Today, Today.AddDays(-1), "Orientation psychologue", Guid.NewGuid(), Now)).Field);
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() => AccessGrant.Grant(Guid.NewGuid(), Guid.NewGuid(), RecordSections.Messages, Today, null, "  ", Guid.NewGuid(), Now)).Field);

        var grant = AccessGrant.Grant(Guid.NewGuid(), Guid.NewGuid(), RecordSections.Messages, Today, null, "Orientation psychologue", Guid.NewGuid(), Now);
        grant.Revoke(Guid.NewGuid(), Now);
        Assert.True(grant.Window.Revoked);
        Assert.Throws<DomainValidationException>(() => grant.Revoke(Guid.NewGuid(), Now));
    }
}

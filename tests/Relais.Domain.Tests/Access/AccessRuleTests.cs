using Relais.Domain.Access;

namespace Relais.Domain.Tests.Access;

public class AccessRuleTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static AccessRequest Professional(
        AccessKind kind = AccessKind.Read,
        CareTeamPeriod[]? memberships = null,
        bool objection = false,
        BreakGlassWindow[]? breakGlass = null) =>
        new(AccessorKind.Professional, kind, false, memberships ?? [], objection, breakGlass ?? []);

    private static BreakGlassWindow BreakGlassGrantedAt(DateTimeOffset grantedAt) =>
        new(grantedAt, grantedAt + AccessRule.BreakGlassDuration);

    [Theory]
    [InlineData("2025-06-15", null, true)]
    [InlineData("2025-06-15", "2025-06-15", true)]
    [InlineData("2025-01-01", "2025-06-15", true)]
    [InlineData("2025-01-01", "2025-06-14", false)]
    [InlineData("2025-06-16", null, false)]
    [InlineData("2025-06-16", "2025-12-31", false)]
    [InlineData("2024-01-01", null, true)]
    public void Professional_IsGrantedOnlyOnTheDaysOfTheirCareTeamPeriod_BothEndsIncluded(string from, string? to, bool granted)
    {
        var period = new CareTeamPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

        var decision = AccessRule.Decide(Professional(memberships: [period]), Today, Now);

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(granted ? AccessBasis.CareTeam : AccessBasis.None, decision.Basis);
        Assert.Equal(granted ? "care-team" : "not-in-team", decision.Reason);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void AMembershipEndedAtAnInstant_GrantsNothingFromThatInstant_TheSameDay(int endedMinutesFromNow, bool granted)
    {
        // Review M4: a removal takes effect at once, not at midnight.
        var period = new CareTeamPeriod(Today, Today, Now.AddMinutes(endedMinutesFromNow));

        Assert.Equal(granted, AccessRule.Decide(Professional(memberships: [period]), Today, Now).Granted);
    }

    [Fact]
    public void EndingAMembership_TodayOrBefore_TakesEffectAtOnce_ALaterLastDayDoesNot()
    {
        var today = Professional_Member();
        today.End(Today, Today, Now);
        Assert.Equal(Now, today.EndedAt);
        Assert.False(today.IsActiveNow(Today));

        var later = Professional_Member();
        later.End(Today.AddDays(10), Today, Now);
        Assert.Null(later.EndedAt);
        Assert.True(later.IsActiveNow(Today));
        Assert.False(later.IsActiveOn(Today.AddDays(11)));
    }

    private static Relais.Domain.Patients.CareTeamMember Professional_Member() =>
        Relais.Domain.Patients.CareTeamMember.Add(Guid.NewGuid(), Guid.NewGuid(), Relais.Domain.Patients.CareTeamRole.Surgeon, Today, null, Guid.NewGuid(), Now);

    [Fact]
    public void Professional_IsGranted_WhenAnyOfSeveralPeriodsCoversToday()
    {
        var request = Professional(memberships: [new(new(2023, 1, 1), new(2023, 12, 31)), new(new(2025, 6, 1), null)]);

        Assert.Equal(AccessBasis.CareTeam, AccessRule.Decide(request, Today, Now).Basis);
    }

    [Theory]
    [InlineData(AccessKind.Read)]
    [InlineData(AccessKind.Write)]
    public void CareTeamMember_MayReadAndWrite(AccessKind kind) =>
        Assert.True(AccessRule.Decide(Professional(kind, memberships: [new(Today, null)]), Today, Now).Granted);

    [Theory]
    [InlineData(0, true)]
    [InlineData(-60, true)]
    [InlineData(-239, true)]
    [InlineData(-240, false)]
    [InlineData(-300, false)]
    [InlineData(1, false)]
    public void BreakGlass_GrantsAccessOutsideTheTeam_UntilItsExpiryExcluded(int grantedMinutesFromNow, bool granted)
    {
        var request = Professional(breakGlass: [BreakGlassGrantedAt(Now.AddMinutes(grantedMinutesFromNow))]);

        var decision = AccessRule.Decide(request, Today, Now);

        Assert.Equal(granted, decision.Granted);
        Assert.Equal(granted ? "break-glass" : "not-in-team", decision.Reason);
    }

    [Fact]
    public void BreakGlass_LastsFourHours() => Assert.Equal(TimeSpan.FromHours(4), AccessRule.BreakGlassDuration);

    [Fact]
    public void BreakGlass_IsActiveUntilTheTickBeforeItsExpiry()
    {
        var window = BreakGlassGrantedAt(Now);
        var request = Professional(breakGlass: [window]);

        Assert.True(AccessRule.Decide(request, Today, window.ExpiresAt.AddTicks(-1)).Granted);
        Assert.False(AccessRule.Decide(request, Today, window.ExpiresAt).Granted);
    }

    [Fact]
    public void CareTeamMembership_IsPreferredToBreakGlass_AsTheBasisOfAccess()
    {
        var request = Professional(memberships: [new(Today, null)], breakGlass: [BreakGlassGrantedAt(Now)]);

        Assert.Equal(AccessBasis.CareTeam, AccessRule.Decide(request, Today, Now).Basis);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void PatientObjection_WinsOverCareTeamAndBreakGlass(bool inTeam, bool withBreakGlass)
    {
        var request = Professional(
            memberships: inTeam ? [new(Today, null)] : [],
            objection: true,
            breakGlass: withBreakGlass ? [BreakGlassGrantedAt(Now)] : []);

        var decision = AccessRule.Decide(request, Today, Now);

        Assert.Equal(new AccessDecision(false, AccessBasis.None, "objection"), decision);
    }

    [Theory]
    [InlineData(AccessorKind.QualityCoordinator, AccessKind.Read)]
    [InlineData(AccessorKind.QualityCoordinator, AccessKind.Write)]
    [InlineData(AccessorKind.Administrator, AccessKind.Read)]
    [InlineData(AccessorKind.Administrator, AccessKind.Write)]
    public void QualityCoordinatorsAndAdministrators_NeverSeeNominativeData_EvenWithATeamPeriodOrBreakGlass(AccessorKind accessor, AccessKind kind)
    {
        var request = new AccessRequest(accessor, kind, false, [new(Today, null)], false, [BreakGlassGrantedAt(Now)]);

        Assert.Equal(new AccessDecision(false, AccessBasis.None, "no-nominative-access"), AccessRule.Decide(request, Today, Now));
    }

    [Theory]
    [InlineData(true, AccessKind.Read, true, AccessBasis.Self, "self")]
    [InlineData(true, AccessKind.Write, false, AccessBasis.None, "patient-read-only")]
    [InlineData(false, AccessKind.Read, false, AccessBasis.None, "not-the-patient")]
    [InlineData(false, AccessKind.Write, false, AccessBasis.None, "not-the-patient")]
    public void Patient_ReadsOnlyTheirOwnRecord(bool isThePatient, AccessKind kind, bool granted, AccessBasis basis, string reason)
    {
        var request = new AccessRequest(AccessorKind.Patient, kind, isThePatient, [], false, []);

        Assert.Equal(new AccessDecision(granted, basis, reason), AccessRule.Decide(request, Today, Now));
    }

    [Fact]
    public void TrustedPerson_IsDenied_UntilThePatientGrantsAScope()
    {
        var request = new AccessRequest(AccessorKind.TrustedPerson, AccessKind.Read, false, [new(Today, null)], false, []);

        Assert.Equal(new AccessDecision(false, AccessBasis.None, "not-granted"), AccessRule.Decide(request, Today, Now));
    }

    [Fact]
    public void Professional_WithNeitherTeamNorBreakGlass_IsDenied() =>
        Assert.Equal(new AccessDecision(false, AccessBasis.None, "not-in-team"), AccessRule.Decide(Professional(), Today, Now));

    private static AccessRequest Caregiver(AccessKind kind, params GrantWindow[] delegations) =>
        new(AccessorKind.Caregiver, kind, false, [], false, [], delegations);

    public static TheoryData<GrantWindow[], AccessKind, Capability, bool> CaregiverCases => new()
    {
        // The delegation's sections, and only them (issue 11: "the caregiver sees the carnet and nothing else").
        { [new(RecordSections.Carnet, Today, null, false)], AccessKind.Read, Capability.ReadCarnet, true },
        { [new(RecordSections.Carnet, Today, null, false)], AccessKind.Read, Capability.ReadDocuments, false },
        { [new(RecordSections.Carnet, Today, null, false)], AccessKind.Read, Capability.ReadRecord, false },
        { [new(RecordSections.Carnet | RecordSections.Messages, Today, null, false)], AccessKind.Read, Capability.WriteMessage, true },
        // Two delegations add up; a revoked or ended one opens nothing.
        { [new(RecordSections.Carnet, Today, null, false), new(RecordSections.Documents, Today, null, false)], AccessKind.Read, Capability.ReadDocuments, true },
        { [new(RecordSections.Carnet, Today, null, true)], AccessKind.Read, Capability.ReadCarnet, false },
        { [new(RecordSections.Carnet, Today.AddDays(-30), Today.AddDays(-1), false)], AccessKind.Read, Capability.ReadCarnet, false },
        // No delegation: the answer of a missing record; a write of the record: never.
        { [], AccessKind.Read, Capability.ReadCarnet, false },
        { [new(RecordSections.Carnet | RecordSections.Documents | RecordSections.Messages, Today, null, false)], AccessKind.Write, Capability.ReadCarnet, false },
    };

    [Theory]
    [MemberData(nameof(CaregiverCases))]
    public void Caregiver_OpensOnlyWhatThePatientDelegated(GrantWindow[] delegations, AccessKind kind, Capability capability, bool opened)
    {
        var decision = AccessRule.Decide(Caregiver(kind, delegations), Today, Now);

        Assert.Equal(opened, decision.Granted && AccessRule.Opens(decision, capability));
    }
}

using Relais.Domain.Coordination;
using Relais.Domain.Patients;
using static Relais.Domain.Tests.Builders.Ids;

namespace Relais.Domain.Tests.Coordination;

public class TeamSignalsTests
{
    private static readonly (Guid, CareTeamRole)[] FullTeam =
    [
        (Pathologist, CareTeamRole.Pathologist), (Surgeon, CareTeamRole.Surgeon), (Oncologist, CareTeamRole.ReferringOncologist),
        (Nurse, CareTeamRole.NurseCoordinator), (Gp, CareTeamRole.GeneralPractitioner), (Pharmacist, CareTeamRole.Pharmacist),
    ];

    public static TheoryData<string, Guid?, Guid, Guid?> Owners => new()
    {
        // name, chosen owner, sender, expected owner
        { "the nurse coordinator by default", null, Gp, Nurse },
        { "not back to the nurse who raised it", null, Nurse, Oncologist },
        { "the team's choice", Surgeon, Gp, Surgeon },
        { "the default when the chosen one raised it", Surgeon, Surgeon, Nurse },
        { "never the pathologist, even chosen", Pathologist, Gp, Nurse },
        { "never the GP, even chosen", Gp, Oncologist, Nurse },
        { "the nurse when the oncologist raised it", null, Oncologist, Nurse },
    };

    [Theory]
    [MemberData(nameof(Owners))]
    public void ChooseOwner_NamesOneAccountableMember(string because, Guid? chosen, Guid sender, Guid? expected)
    {
        Assert.True(expected == TeamSignals.ChooseOwner(FullTeam, chosen, sender), because);
    }

    [Theory]
    [InlineData(CareTeamRole.ReferringOncologist, true)]
    [InlineData(CareTeamRole.OrganSpecialist, true)]
    [InlineData(CareTeamRole.Surgeon, true)]
    [InlineData(CareTeamRole.Pathologist, false)]
    [InlineData(CareTeamRole.GeneralPractitioner, false)]
    [InlineData(CareTeamRole.Pharmacist, false)]
    [InlineData(CareTeamRole.TumorBoardSecretary, false)]
    public void ChooseOwner_WithoutNurse_FallsToThePhysiciansWhoSeeThePatient(CareTeamRole role, bool owns)
    {
        Assert.Equal(owns ? Surgeon : null, TeamSignals.ChooseOwner([(Surgeon, role)], null, Gp));
    }

    [Fact]
    public void ChooseOwner_IsNobody_WhenTheTeamHasNoOneToOwnIt()
    {
        Assert.Null(TeamSignals.ChooseOwner([(Pathologist, CareTeamRole.Pathologist), (Gp, CareTeamRole.GeneralPractitioner)], null, Gp));
    }

    public static TheoryData<string, Guid, Guid> Escalations => new()
    {
        // name, owner, expected target
        { "the referring physician", Nurse, Oncologist },
        { "another physician when the referring one is the owner", Oncologist, Surgeon },
    };

    [Theory]
    [MemberData(nameof(Escalations))]
    public void EscalationTarget_IsTheReferringPhysician_NeverTheOwner(string because, Guid owner, Guid expected)
    {
        Assert.True(expected == TeamSignals.EscalationTarget(FullTeam, owner), because);
    }

    [Fact]
    public void EscalationTarget_IsNobody_WhenNoOtherPhysicianIsInTheTeam()
    {
        Assert.Null(TeamSignals.EscalationTarget([(Nurse, CareTeamRole.NurseCoordinator), (Pathologist, CareTeamRole.Pathologist)], Nurse));
    }
}

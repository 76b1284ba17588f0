using Relais.Domain.Patients;

namespace Relais.Domain.Tests.Patients;

public class CareTeamChangesTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Patient = Guid.NewGuid();

    private static CareTeamMember Member(CareTeamRole role) => CareTeamMember.Add(Patient, Guid.NewGuid(), role, Today.AddMonths(-2), null, Guid.NewGuid(), Now);

    [Theory]
    // Members end their own membership.
    [InlineData(CareTeamRole.Pharmacist, CareTeamRole.Pharmacist, true, CareTeamChangeRefusal.None)]
    [InlineData(CareTeamRole.GeneralPractitioner, CareTeamRole.GeneralPractitioner, true, CareTeamChangeRefusal.None)]
    // The referring physician or the nurse coordinator end others'.
    [InlineData(CareTeamRole.ReferringOncologist, CareTeamRole.Pharmacist, false, CareTeamChangeRefusal.None)]
    [InlineData(CareTeamRole.NurseCoordinator, CareTeamRole.GeneralPractitioner, false, CareTeamChangeRefusal.None)]
    // Nobody else does.
    [InlineData(CareTeamRole.GeneralPractitioner, CareTeamRole.Pharmacist, false, CareTeamChangeRefusal.NotYoursToEnd)]
    [InlineData(CareTeamRole.Pharmacist, CareTeamRole.GeneralPractitioner, false, CareTeamChangeRefusal.NotYoursToEnd)]
    [InlineData(CareTeamRole.Surgeon, CareTeamRole.Pharmacist, false, CareTeamChangeRefusal.NotYoursToEnd)]
    public void WhoEndsWhichMembership(CareTeamRole actorRole, CareTeamRole targetRole, bool own, CareTeamChangeRefusal expected)
    {
        var referring = Member(CareTeamRole.ReferringOncologist);
        var actor = Member(actorRole);
        var target = own ? actor : Member(targetRole);
        var team = new[] { referring, actor, target }.Distinct().ToList();

        Assert.Equal(expected, CareTeamChanges.RefusalToEnd(actor.ProfessionalId, target, team, Today, Today));
    }

    [Fact]
    public void TheTeam_IsNeverLeftWithoutAReferringPhysician()
    {
        var referring = Member(CareTeamRole.ReferringOncologist);
        var nurse = Member(CareTeamRole.NurseCoordinator);
        var team = new List<CareTeamMember> { referring, nurse };

        Assert.Equal(CareTeamChangeRefusal.LastReferringPhysician, CareTeamChanges.RefusalToEnd(nurse.ProfessionalId, referring, team, Today, Today));
        Assert.Equal(CareTeamChangeRefusal.LastReferringPhysician, CareTeamChanges.RefusalToEnd(referring.ProfessionalId, referring, team, Today, Today));

        team.Add(Member(CareTeamRole.ReferringOncologist));
        Assert.Equal(CareTeamChangeRefusal.None, CareTeamChanges.RefusalToEnd(nurse.ProfessionalId, referring, team, Today, Today));
    }

    [Fact]
    public void ACoordinatorWhoJoinedToday_EndsAMembershipOnAnEarlierDay()
    {
        var referring = CareTeamMember.Add(Patient, Guid.NewGuid(), CareTeamRole.ReferringOncologist, Today, null, Guid.NewGuid(), Now);
        var surgeon = Member(CareTeamRole.Surgeon);

        Assert.Equal(CareTeamChangeRefusal.None, CareTeamChanges.RefusalToEnd(referring.ProfessionalId, surgeon, [referring, surgeon], Today.AddDays(-1), Today));
    }

    [Fact]
    public void AGp_CannotEndTheReferringOncologist()
    {
        var referring = Member(CareTeamRole.ReferringOncologist);
        var gp = Member(CareTeamRole.GeneralPractitioner);

        Assert.Equal(CareTeamChangeRefusal.NotYoursToEnd, CareTeamChanges.RefusalToEnd(gp.ProfessionalId, referring, [referring, gp], Today, Today));
    }

    [Theory]
    [InlineData(true, false, null, true)]
    [InlineData(true, false, "  ", true)]
    [InlineData(true, true, null, false)]
    [InlineData(true, false, "Accord oral de la patiente en consultation", false)]
    [InlineData(false, false, null, false)]
    public void TheDeclaredGp_ChangesByThePatientOrWithTheirAgreement(bool hadGp, bool byThePatient, string? agreement, bool refused)
    {
        Guid? previous = hadGp ? Guid.NewGuid() : null;
        foreach (var next in new Guid?[] { Guid.NewGuid(), null })
        {
            var error = Record.Exception(() => CareTeamChanges.EnsureGpChangeAgreed(previous, next, byThePatient, agreement));
            if (refused) Assert.Equal("gpChangeAgreement", Assert.IsType<DomainValidationException>(error).Field);
            else Assert.Null(error);
        }
        CareTeamChanges.EnsureGpChangeAgreed(previous, previous, false, null);
    }
}

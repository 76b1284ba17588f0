using Relais.Domain.Access;
using Relais.Domain.Accounts;

namespace Relais.Domain.Tests.Accounts;

public class SecondFactorTests
{
    [Theory]
    [InlineData(AccessorKind.Professional, SignInStrength.Password, false)]
    [InlineData(AccessorKind.Professional, SignInStrength.SecondFactor, true)]
    [InlineData(AccessorKind.Professional, SignInStrength.ProSanteConnect, true)]
    [InlineData(AccessorKind.Administrator, SignInStrength.Password, false)]
    [InlineData(AccessorKind.Administrator, SignInStrength.SecondFactor, true)]
    [InlineData(AccessorKind.QualityCoordinator, SignInStrength.Password, false)]
    [InlineData(AccessorKind.Patient, SignInStrength.Password, true)]
    [InlineData(AccessorKind.Caregiver, SignInStrength.Password, true)]
    [InlineData(AccessorKind.TrustedPerson, SignInStrength.Password, true)]
    [InlineData(AccessorKind.Patient, SignInStrength.SecondFactor, true)]
    public void ProfessionalsAndStaff_NeedMoreThanAPassword_PatientsAndTheirFamilyDoNot(AccessorKind kind, SignInStrength strength, bool satisfied) =>
        Assert.Equal(satisfied, SecondFactor.IsSatisfied(kind, strength));
}

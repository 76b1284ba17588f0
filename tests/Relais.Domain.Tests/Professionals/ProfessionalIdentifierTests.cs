using Relais.Domain.Professionals;

namespace Relais.Domain.Tests.Professionals;

public class ProfessionalIdentifierTests
{
    [Theory]
    [InlineData(Specialty.MedicalOncology, IdentifierSystem.Rpps)]
    [InlineData(Specialty.GeneralPractice, IdentifierSystem.Rpps)]
    [InlineData(Specialty.Pathology, IdentifierSystem.Rpps)]
    [InlineData(Specialty.Pharmacy, IdentifierSystem.Rpps)]
    [InlineData(Specialty.Nursing, IdentifierSystem.Rpps)]
    [InlineData(Specialty.Physiotherapy, IdentifierSystem.Rpps)]
    [InlineData(Specialty.Psychology, IdentifierSystem.Adeli)]
    [InlineData(Specialty.Dietetics, IdentifierSystem.Adeli)]
    [InlineData(Specialty.SocialWork, IdentifierSystem.Adeli)]
    [InlineData(Specialty.AdaptedPhysicalActivity, IdentifierSystem.None)]
    [InlineData(Specialty.Administration, IdentifierSystem.None)]
    public void TheDirectoryDependsOnTheProfession(Specialty specialty, IdentifierSystem expected) =>
        Assert.Equal(expected, ProfessionalIdentifier.SystemFor(specialty));

    [Fact]
    public void EverySpecialtyHasADirectory() =>
        Assert.All(Enum.GetValues<Specialty>(), s => Assert.True(Enum.IsDefined(ProfessionalIdentifier.SystemFor(s))));

    [Theory]
    [InlineData(Specialty.MedicalOncology, " 1000 0000 017", "10000000017")]
    [InlineData(Specialty.Psychology, "75 9 12345 6", "759123456")]
    [InlineData(Specialty.Psychology, "", null)]
    [InlineData(Specialty.AdaptedPhysicalActivity, null, null)]
    public void Normalise_AcceptsTheProfessionsIdentifier(Specialty specialty, string? input, string? expected) =>
        Assert.Equal(expected, ProfessionalIdentifier.Normalise(specialty, input));

    [Theory]
    [InlineData(Specialty.GeneralPractice, null, "obligatoire")]
    [InlineData(Specialty.GeneralPractice, "10000000018", "chiffre de contrôle")]
    [InlineData(Specialty.Dietetics, "1234", "9 caractères")]
    [InlineData(Specialty.Administration, "10000000017", "pas de numéro")]
    public void Normalise_RefusesWhatTheDirectoryWouldNotIssue_NamingTheField(Specialty specialty, string? input, string expectedPart)
    {
        var e = Assert.Throws<DomainValidationException>(() => ProfessionalIdentifier.Normalise(specialty, input, "identifier"));
        Assert.Equal("identifier", e.Field);
        Assert.Contains(expectedPart, e.Message);
    }
}

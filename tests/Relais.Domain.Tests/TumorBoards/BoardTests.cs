using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Creating a tumour board: its name, specialty and the physician specialties it expects.</summary>
public class BoardTests
{
    [Fact]
    public void Create_TrimsTheTextAndKeepsTheExpectedSpecialtiesOnce()
    {
        var board = TumorBoard.Create("  RCP Sénologie ", " Sénologie ", null, "  CHU ", null, paediatric: true,
            [Specialty.Surgery, Specialty.MedicalOncology, Specialty.Surgery, Specialty.Pathology], Now);

        Assert.Equal("RCP Sénologie", board.Name);
        Assert.Equal("Sénologie", board.Specialty);
        Assert.Equal("CHU", board.Site);
        Assert.Equal("", board.Schedule);
        Assert.True(board.IsPaediatric);
        Assert.Equal([Specialty.Surgery, Specialty.MedicalOncology, Specialty.Pathology], board.ExpectedSpecialties);
    }

    [Fact]
    public void Create_AcceptsABoardWithoutExpectedSpecialties()
    {
        var board = A.Board().WithExpected([]).Build();

        Assert.Empty(board.ExpectedSpecialties);
    }

    [Theory]
    [InlineData(null, "Sénologie", "name")]
    [InlineData("", "Sénologie", "name")]
    [InlineData("   ", "Sénologie", "name")]
    [InlineData("RCP Sénologie", null, "specialty")]
    [InlineData("RCP Sénologie", " ", "specialty")]
    public void Create_IsRefused_WithoutNameOrSpecialty(string? name, string? specialty, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => A.Board().WithName(name).WithSpecialty(specialty).Build());

        Assert.Equal(field, error.Field);
    }

    public static TheoryData<Specialty> NonDecisionSpecialties() =>
        new(Enum.GetValues<Specialty>().Where(s => !Quorum.IsPhysicianSpecialty(s)).Append(Specialty.GeneralPractice));

    /// <summary>The GP is a physician, invited and contributing, but not one of the specialties that decide ([G] 1.3; issue 10 point 7).</summary>
    [Theory]
    [MemberData(nameof(NonDecisionSpecialties))]
    public void Create_IsRefused_WhenAnExpectedSpecialtyIsNotADecisionSpecialty(Specialty specialty)
    {
        var error = Assert.Throws<DomainValidationException>(() => A.Board().WithExpected([Specialty.Surgery, specialty]).Build());

        Assert.Equal("expectedSpecialties", error.Field);
    }

    [Fact]
    public void Create_AcceptsEveryDecisionSpecialty()
    {
        var physicians = Enum.GetValues<Specialty>().Where(Quorum.IsDecisionSpecialty).ToList();

        var board = A.Board().WithExpected(physicians).Build();

        Assert.Equal(15, physicians.Count);
        Assert.DoesNotContain(Specialty.GeneralPractice, physicians);
        Assert.Equal(physicians, board.ExpectedSpecialties);
    }
}

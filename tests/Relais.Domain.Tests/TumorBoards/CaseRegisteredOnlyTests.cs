using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>A case registered without discussion (validated guideline, emergency): never in paediatric oncology, always with a reason.</summary>
public class CaseRegisteredOnlyTests
{
    [Theory]
    [InlineData(true, 40)]   // paediatric board, whatever the age
    [InlineData(false, 17)]  // adult board, patient under 18
    [InlineData(false, 0)]
    [InlineData(true, 12)]
    public void RegisteredOnly_IsRefused_InPaediatricOncology(bool paediatricBoard, int age)
    {
        var error = A.Case().WithBoard(A.Board().WithPaediatric(paediatricBoard).Build()).WithAge(age).RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline).Refused();

        Assert.Equal("kind", error.Field);
    }

    [Theory]
    [InlineData(true, 12)]
    [InlineData(false, 17)]
    public void Discussion_IsAlwaysPossible_InPaediatricOncology(bool paediatricBoard, int age)
    {
        var @case = A.Case().WithBoard(A.Board().WithPaediatric(paediatricBoard).Build()).WithAge(age).WithKind(CaseKind.Discussed).Register();

        Assert.Equal(CaseKind.Discussed, @case.Kind);
    }

    [Theory]
    [InlineData(18, RegisteredOnlyReason.ValidatedGuideline)]
    [InlineData(58, RegisteredOnlyReason.Emergency)]
    public void RegisteredOnly_IsAllowed_ForAnAdultWithAReason(int age, RegisteredOnlyReason reason)
    {
        var @case = A.Case().WithAge(age).RegisteredOnly(reason).Register();

        Assert.Equal(CaseKind.RegisteredOnly, @case.Kind);
        Assert.Equal(reason, @case.RegisteredOnlyReason);
    }

    [Fact]
    public void RegisteredOnly_NeedsAReason()
    {
        var error = A.Case().WithAge(58).RegisteredOnly(null).Refused();

        Assert.Equal("registeredOnlyReason", error.Field);
    }
}

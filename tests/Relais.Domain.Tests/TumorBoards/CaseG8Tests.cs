using Relais.Domain.Professionals;
using Relais.Domain.Tests.Builders;
using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.TumorBoards;

/// <summary>Over 75, a case needs a G8 screening of at most three months before the meeting day.</summary>
public class CaseG8Tests
{
    [Theory]
    [InlineData(76)]
    [InlineData(90)]
    public void Register_IsRefused_Over75_WithoutAG8(int age)
    {
        var error = A.Case().WithAge(age).WithG8(null).Refused();

        Assert.Equal("g8", error.Field);
        Assert.Contains($"{age} ans", error.Message);
    }

    [Fact]
    public void Register_At75_NeedsNoG8()
    {
        var @case = A.Case().WithAge(75).WithG8(null).Register();

        Assert.Null(@case.G8AssessmentId);
    }

    [Fact]
    public void Register_At75_DoesNotLinkAG8_EvenWhenOneExists()
    {
        var @case = A.Case().WithAge(75).WithG8(A.G8().On(new DateOnly(2025, 6, 1)).WithAge(75).Build()).Register();

        Assert.Null(@case.G8AssessmentId);
    }

    [Theory]
    // The meeting is on 24 June 2025: a G8 is valid from 24 March 2025 on.
    [InlineData(2025, 3, 23, false)]
    [InlineData(2025, 3, 24, true)]
    [InlineData(2025, 5, 2, true)]
    [InlineData(2025, 6, 16, true)]
    [InlineData(2024, 12, 1, false)]
    public void Register_Over75_NeedsAG8OfAtMostThreeMonthsBeforeTheMeetingDay(int year, int month, int day, bool accepted)
    {
        var g8 = A.G8().On(new DateOnly(year, month, day)).Build();
        var builder = A.Case().WithAge(80).WithG8(g8);

        if (accepted)
        {
            Assert.Equal(g8.Id, builder.Register().G8AssessmentId);
        }
        else
        {
            Assert.Equal("g8", builder.Refused().Field);
        }
    }

    [Fact]
    public void Register_Over75_NeedsTheG8EvenForARegisteredOnlyCase()
    {
        var error = A.Case().WithAge(82).RegisteredOnly(RegisteredOnlyReason.ValidatedGuideline).Refused();

        Assert.Equal("g8", error.Field);
    }

    [Fact]
    public void Register_Over75_InAnEmergency_MayWaiveTheG8WithAReason_WhichIsKept()
    {
        var @case = A.Case().WithAge(82).WithG8(null).RegisteredOnly(RegisteredOnlyReason.Emergency)
            .WithG8WaiverReason("  Compression médullaire : radiothérapie dans les 24 heures.  ").Register();

        Assert.Null(@case.G8AssessmentId);
        Assert.Equal("Compression médullaire : radiothérapie dans les 24 heures.", @case.G8WaiverReason);
    }

    [Theory]
    [InlineData(CaseKind.Discussed, null)]
    [InlineData(CaseKind.RegisteredOnly, RegisteredOnlyReason.ValidatedGuideline)]
    public void Register_Over75_OutsideAnEmergency_CannotWaiveTheG8(CaseKind kind, RegisteredOnlyReason? reason)
    {
        var error = A.Case().WithAge(82).WithG8(null).WithKind(kind).WithReason(reason).WithG8WaiverReason("Pas le temps.").Refused();

        Assert.Equal("g8WaiverReason", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Register_Over75_InAnEmergency_WithoutAReason_StillNeedsTheG8(string? waiver)
    {
        var error = A.Case().WithAge(82).WithG8(null).RegisteredOnly(RegisteredOnlyReason.Emergency).WithG8WaiverReason(waiver).Refused();

        Assert.Equal("g8", error.Field);
    }

    [Fact]
    public void Register_WithAValidG8_KeepsNoWaiver()
    {
        var g8 = A.G8().On(new DateOnly(2025, 6, 1)).Build();

        var @case = A.Case().WithAge(80).WithG8(g8).RegisteredOnly(RegisteredOnlyReason.Emergency).WithG8WaiverReason("Urgence").Register();

        Assert.Equal(g8.Id, @case.G8AssessmentId);
        Assert.Null(@case.G8WaiverReason);
    }
}

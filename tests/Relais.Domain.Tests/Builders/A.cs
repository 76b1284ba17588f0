using Relais.Domain.TumorBoards;
using static Relais.Domain.Tests.Builders.Ids;
using static Relais.Domain.Tests.Builders.Moments;

namespace Relais.Domain.Tests.Builders;

/// <summary>Entry points of the builders: <c>A.Case().WithAge(80).Register()</c>.</summary>
public static class A
{
    public static BoardBuilder Board() => new();
    public static MeetingBuilder Meeting() => new();
    public static CaseBuilder Case() => new();
    public static G8Builder G8() => new();
}

/// <summary>A G8 screening of an 80-year-old patient by the oncologist, recorded today, always with the same answers.</summary>
public sealed class G8Builder
{
    private DateOnly on = Today;
    private int age = 80;

    public G8Builder On(DateOnly value) { on = value; return this; }
    public G8Builder WithAge(int value) { age = value; return this; }

    public G8Assessment Build() => G8Assessment.Record(Patient, new G8Answers(2, 3, 2, 2, 24m, true, 1m), age, on, Today, Oncologist, Now);
}

namespace Relais.Domain.Tests.Builders;

/// <summary>
/// The fixture's ids, one per role, the same in every test that needs one (version-7 shaped, as the
/// app's own). Tests bring them in with <c>using static Relais.Domain.Tests.Builders.Ids;</c>.
/// </summary>
public static class Ids
{
    public static readonly Guid Patient = Id(0x01);
    public static readonly Guid Episode = Id(0x02);
    public static readonly Guid OtherPatient = Id(0x03);

    public static readonly Guid Oncologist = Id(0x10);
    public static readonly Guid Surgeon = Id(0x11);
    public static readonly Guid Radiotherapist = Id(0x12);
    public static readonly Guid Nurse = Id(0x13);
    public static readonly Guid Gp = Id(0x20);
    public static readonly Guid Pharmacist = Id(0x30);
    public static readonly Guid Secretary = Id(0x50);
    public static readonly Guid Pathologist = Id(0x60);
    public static readonly Guid OtherPathologist = Id(0x61);

    public static readonly Guid Document = Id(0x40);
    public static readonly Guid Event = Id(0x51);
    public static readonly Guid Case = Id(0x70);
    public static readonly Guid OtherCase = Id(0x71);
    public static readonly Guid Board = Id(0x80);
    public static readonly Guid OtherBoard = Id(0x81);

    private static Guid Id(int n) => Guid.Parse($"0197a000-0000-7000-8000-{n:x12}");
}

/// <summary>The fixture's instants: a Monday morning in Paris (summer time), and the tumour board meeting a week on.</summary>
public static class Moments
{
    public static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 30, 0, TimeSpan.FromHours(2));
    public static readonly DateOnly Today = new(2025, 6, 16);
    public static readonly DateTimeOffset MeetingStart = new(2025, 6, 24, 14, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateOnly MeetingDay = new(2025, 6, 24);
}

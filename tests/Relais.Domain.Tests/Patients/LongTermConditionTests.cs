using Relais.Domain.Patients;

namespace Relais.Domain.Tests.Patients;

/// <summary>The ALD 30 record ([G] §1.4): an emergency protocol opens six months; the GP is reminded before any expiry.</summary>
public class LongTermConditionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
    private static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    [Theory]
    [InlineData("2026-01-10", null, true, "2026-07-09", "2026-06-09")]        // emergency: six months
    [InlineData("2026-01-10", "2026-04-30", true, "2026-04-30", "2026-03-31")] // emergency with a sooner notified end
    [InlineData("2026-01-10", "2031-01-09", false, "2031-01-09", "2030-12-10")] // the notified end
    [InlineData("2026-01-10", null, false, null, null)]                        // not notified: nothing expires
    public void TheAdmissionExpires_AndTheGpIsRemindedBefore(string from, string? to, bool emergency, string? expires, string? reminder)
    {
        var period = LongTermCondition.Create(D(from), N(to), emergency, Today);
        Assert.Equal(N(expires), LongTermCondition.Expires(period));
        Assert.Equal(N(reminder), LongTermCondition.ReminderOn(period));
    }

    [Theory]
    [InlineData("2026-01-09", false)]
    [InlineData("2026-01-10", true)]
    [InlineData("2026-07-09", true)]
    [InlineData("2026-07-10", false)]
    public void AnEmergencyAdmission_CoversItsSixMonthsOnly(string day, bool covered) =>
        Assert.Equal(covered, LongTermCondition.Covers(LongTermCondition.Create(D("2026-01-10"), null, true, Today), D(day)));

    [Theory]
    [InlineData(null, null, "from")]
    [InlineData("2026-05-01", "2026-05-01", "to")]
    [InlineData("2026-05-01", "2026-04-30", "to")]
    [InlineData("2027-11-24", null, "from")]
    [InlineData("1990-01-01", null, "from")]
    [InlineData("2026-05-01", "2050-01-01", "to")]
    public void AnImplausiblePeriod_IsRefusedNamingItsField(string? from, string? to, string field) =>
        Assert.Equal(field, Assert.Throws<DomainValidationException>(() => LongTermCondition.Create(N(from), N(to), false, Today)).Field);
}

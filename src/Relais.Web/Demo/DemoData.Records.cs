using Microsoft.AspNetCore.Identity;
using Relais.Domain.Patients;
using Relais.Domain.Professionals;

namespace Relais.Web.Demo;

/// <summary>Helpers of the demo's seeding (see <see cref="DemoData"/>).</summary>
public static partial class DemoData
{
    /// <summary>A demo account as the sign-in page lists it.</summary>
    public sealed record DemoAccount(string Email, string Name, string Role, Specialty Specialty);

    /// <summary>Every demo account, in the order of the README.</summary>
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } = [.. Accounts.Select(a => new DemoAccount(a.Email, $"{a.First} {a.Last}", a.Role, a.Specialty))];

    /// <summary>A fictitious but well-formed INS: sex, birth year and month, department, commune, order, key.</summary>
    private static string DemoIns(Sex sex, DateOnly birth, string postalCode, int index)
    {
        var nir13 = $"{(sex == Sex.Male ? 1 : 2)}{birth.Year % 100:00}{birth.Month:00}{postalCode[..2]}{100 + index:000}{500 + index:000}";
        return nir13 + InsNumber.ComputeKey(nir13).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// The app under test runs on a fixed <see cref="RelaisFactory.Start"/>; the machine's clock still
/// rules the HTTP client's and the browser's cookie expiry, Identity's TOTP and lockout, and Data
/// Protection key lifetimes. A test where the two clocks meet carries
/// <c>[Trait(Clocks.Trait, Clocks.Machine)]</c>: scripts/test.sh runs it again under faketime a year
/// later and a year earlier, so that a time bomb fails the day it is written.
/// </summary>
public static class Clocks
{
    public const string Trait = "Clock";
    public const string Machine = "machine";
}

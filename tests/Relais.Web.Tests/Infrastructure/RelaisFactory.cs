using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// Relais on a real database of its own: a SQLite file, or a database on the private PostgreSQL
/// cluster that scripts/test.sh starts (RELAIS_TEST_POSTGRES), copied from the test process's
/// template (<see cref="TemplateDatabases"/>), so that it starts migrated and seeded. Development
/// environment, so the demo accounts exist; the clock is fixed so that dates are reproducible.
/// </summary>
public abstract class RelaisFactory : WebApplicationFactory<Program>
{
    /// <summary>Monday 23 November 2026, 09:00 UTC (10:00 in Paris).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public abstract string Provider { get; }

    /// <summary>Configuration for this instance, applied when it starts.</summary>
    public Dictionary<string, string?> Settings { get; } = DefaultSettings();

    internal static Dictionary<string, string?> DefaultSettings() => new()
    {
        ["Mail:Host"] = Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_HOST") ?? "127.0.0.1",
        ["Mail:Port"] = Environment.GetEnvironmentVariable("RELAIS_TEST_SMTP_PORT") ?? "2525",
        ["Mail:Security"] = "None",
        ["Mail:Domain"] = "relais.test",
        // The test accounts' addresses (relais.test) are in the MSSanté space of the tests, as the demo's (relais.demo) are in the demo's.
        ["Mail:MssanteDomains:0"] = "relais.test",
        // Tests dispatch the outbox themselves, when they mean to; the background pass runs once at start.
        ["Mail:DispatchIntervalSeconds"] = "3600",
        // The indicators' background refresh likewise: none; the dashboard computes all that changed before it answers.
        ["Indicators:RefreshSeconds"] = "0",
        ["Indicators:CatchUpPatients"] = "1000000",
        // The audit key of the tests: a fixed one, given as the configuration gives it in production.
        ["Audit:Key"] = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i))]),
        // The tests sign in hundreds of times from one address: the limits are raised, never switched off
        // (SignInLimitsTests proves them with low ones).
        ["Security:SignInLimits:PerClientPerWindow"] = "1000000",
        ["Security:SignInLimits:PerAccountPerWindow"] = "1000000",
        // The demo accounts sign in with their published password because this setting says so, not because the
        // environment is called Development (SafetySwitchesTests turns it off).
        ["Security:AcceptDemoPassword"] = "true",
        // The tests sign in thousands of times and the template hashes fifty demo passwords: the password hashes are made
        // with fewer PBKDF2 iterations than Identity's default (a setting, as any installation would give it; the hashing,
        // its format and its checks are the same).
        ["Security:PasswordHashIterations"] = "1000",
    };

    /// <summary>Points the app at this instance's database, copying the template first if it does not exist yet.</summary>
    protected abstract void ConfigureDatabase(IWebHostBuilder builder);

    /// <summary>A new instance of the app on this instance's database.</summary>
    public abstract RelaisFactory Sibling();

    /// <summary>
    /// A new instance of the app on a new database of the same kind (a new copy of the template),
    /// with the same settings and its own clock: for a test that moves the clock, so that the other
    /// tests of its class keep running at <see cref="Start"/> whatever order xUnit picks.
    /// </summary>
    public RelaisFactory Fresh()
    {
        var fresh = NewOfSameKind();
        foreach (var (key, value) in Settings) fresh.Settings[key] = value;
        return fresh;
    }

    protected abstract RelaisFactory NewOfSameKind();

    /// <summary>
    /// A client whose cookies live at the app's time (<see cref="AppTimeCookies"/>), not at the
    /// machine's: hides the base method so that no test can get a jar that expires on the real clock.
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(new WebApplicationFactoryClientOptions());

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new AppTimeCookies(Time));
        return CreateDefaultClient(options.BaseAddress, [.. handlers]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        ConfigureApp(builder, Settings, Time, ConfigureDatabase);

    /// <summary>What every instance of the app under test shares, the template's builder included.</summary>
    internal static void ConfigureApp(IWebHostBuilder builder, IReadOnlyDictionary<string, string?> settings, TimeProvider time, Action<IWebHostBuilder> database)
    {
        builder.UseEnvironment("Development");
        database(builder);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(time);
        });
        if (Environment.GetEnvironmentVariable("RELAIS_TEST_ERROR_LOG") is { Length: > 0 } errors)
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorFileLoggerProvider(errors)));
    }
}

using Microsoft.Extensions.Logging;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>
/// The app's errors under test, appended to the file <c>RELAIS_TEST_ERROR_LOG</c> names (the test command sets it beside the
/// results): a 500 in a test otherwise says only "Erreur interne", and a failure that does not come back when the test runs
/// alone cannot be read afterwards. The app logs no clinical text (SECURITY.md), so the file holds exceptions and paths.
/// </summary>
internal sealed class ErrorFileLoggerProvider(string path) : ILoggerProvider
{
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new ErrorFileLogger(path, categoryName);

    public void Dispose()
    {
    }

    private sealed class ErrorFileLogger(string path, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"{DateTimeOffset.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n";
            lock (Gate) File.AppendAllText(path, line);
        }
    }
}

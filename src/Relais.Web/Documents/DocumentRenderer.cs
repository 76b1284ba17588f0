using Relais.Web.Operations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Playwright;

namespace Relais.Web.Documents;

/// <summary>
/// Renders a document template (a Razor component) to HTML — the same page for the screen and for
/// print — and to PDF through headless Chromium (the system's, driven by Playwright).
/// </summary>
public sealed class DocumentRenderer(IServiceProvider services, ILoggerFactory loggers, PdfPrinter printer)
{
    public async Task<string> HtmlAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    public Task<byte[]?> PdfAsync(string html, CancellationToken ct = default) => printer.PrintAsync(html, ct);
}

/// <summary>
/// One headless Chromium for the whole app, started on first use. When Chromium is missing (a bare
/// development machine), documents stay available as HTML and no PDF is produced.
/// </summary>
public sealed class PdfPrinter(IConfiguration configuration, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private bool unavailable;

    public string ExecutablePath => configuration["Documents:Chromium"] ?? Environment.GetEnvironmentVariable("RELAIS_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>
    /// False when the configuration turns printing off (<c>Documents:Pdf</c>): documents then stay HTML, as
    /// without Chromium. The demo's story prints nothing, or every start of the demo would print some seventy PDFs.
    /// </summary>
    public bool Prints => configuration.GetValue("Documents:Pdf", true);

    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (!Prints) return null;
        var chromium = await BrowserAsync();
        if (chromium is null) return null;
        var page = await chromium.NewPageAsync();
        try
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowser?> BrowserAsync()
    {
        if (browser is { IsConnected: true }) return browser;
        if (unavailable) return null;
        await gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (!File.Exists(ExecutablePath))
            {
                unavailable = true;
                logger.ChromiumMissing(ExecutablePath);
                return null;
            }
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}

using Microsoft.Playwright;

namespace Relais.Browser.Tests;

/// <summary>
/// The browser tests share one database whose clock stands still: the inbox's newest-first order cannot put one
/// patient's items first among the many delivered at the same fake instant, so a test pages through the inbox as a
/// person would, until the patient's row is there.
/// </summary>
internal static class InboxPages
{
    public static async Task<ILocator> RowAsync(IPage page, string patient, string text)
    {
        var row = page.GetByRole(AriaRole.Region, new() { Name = patient }).GetByRole(AriaRole.Row).Filter(new() { HasText = text }).First;
        for (var number = 1; number <= 10; number++)
        {
            await page.GotoAsync($"/boite?filtre=tout&page={number}");
            if (await row.CountAsync() > 0) break;
        }
        return row;
    }
}

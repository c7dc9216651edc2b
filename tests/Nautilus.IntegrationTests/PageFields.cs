using Microsoft.Playwright;

namespace Nautilus.IntegrationTests;

public static class PageFields
{
    /// <summary>The text box of a form field: MudBlazor may put the test id on the input itself or on the field around it.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, " +
            $"[data-testid='{testId}'] textarea").First;

    /// <summary>Types into a form field and leaves it, as an operator does, so the value is bound before the next click.</summary>
    public static async Task FillAsync(IPage page, string testId, string value)
    {
        var field = Field(page, testId);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>Picks the option showing <paramref name="option"/> of a MudSelect: it keeps its input hidden, so the operator
    /// clicks the control around it (not its wrapper, which may be wider) and then the option in the list that opens.</summary>
    public static async Task SelectAsync(IPage page, string testId, string option, float timeout = 30_000)
    {
        await page.Locator(".mud-input-control").Filter(new() { Has = page.Locator($"[data-testid='{testId}']") }).First
            .ClickAsync(new() { Timeout = timeout });
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        // Until the list has closed, a click elsewhere only closes it.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}

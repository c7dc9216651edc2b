using Microsoft.Playwright;

namespace Nautilus.IntegrationTests;

public static class PageFields
{
    /// <summary>The text box of a form field: MudBlazor may put the test id on the input itself or on the field around it.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, " +
            $"[data-testid='{testId}'] textarea").First;
}

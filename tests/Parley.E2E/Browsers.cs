using Microsoft.Playwright;

namespace Parley.E2E;

/// <summary>Launches Debian's chromium through Playwright (ExecutablePath; never a downloaded browser).</summary>
internal static class Browsers
{
    public const string Variable = "PARLEY_CHROMIUM";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static string? Chromium => File.Exists(Path) ? Path : null;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium ?? throw new InvalidOperationException($"chromium is not installed at {Path}"),
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}

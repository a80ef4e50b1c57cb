namespace Parley.E2E;

/// <summary>
/// A test that drives Debian's chromium: skipped, with the reason, when the browser is absent on a
/// developer's machine; in CI (CI=true) it runs and fails if chromium is missing (.ci/run installs it).
/// No browser is ever downloaded.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Browsers.Chromium is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"chromium is not installed ({Browsers.Path}; `apt-get install chromium`, or set {Browsers.Variable}); the browser tests need it";
        }
    }
}

using System.Globalization;

namespace Parley.Cli;

/// <summary>Parses and prints durations the way people write them: 3s, 500ms, 2m, 1h, 2d.</summary>
internal static class Durations
{
    /// <summary>"2 days", "3 s", "1 h 30 min".</summary>
    public static string Describe(TimeSpan t)
    {
        var inv = CultureInfo.InvariantCulture;
        if (t.TotalDays >= 1 && t.TotalDays == Math.Floor(t.TotalDays))
        {
            return t.TotalDays == 1 ? "1 day" : string.Create(inv, $"{t.TotalDays} days");
        }

        if (t.TotalHours >= 1)
        {
            return t.Minutes == 0 ? string.Create(inv, $"{(int)t.TotalHours} h") : string.Create(inv, $"{(int)t.TotalHours} h {t.Minutes} min");
        }

        if (t.TotalMinutes >= 1)
        {
            return t.Seconds == 0 ? string.Create(inv, $"{(int)t.TotalMinutes} min") : string.Create(inv, $"{(int)t.TotalMinutes} min {t.Seconds} s");
        }

        return t.TotalSeconds >= 1 ? string.Create(inv, $"{t.TotalSeconds:0.###} s") : string.Create(inv, $"{t.TotalMilliseconds:0.###} ms");
    }

    /// <summary>Parses "3s", "500ms", "2m", "1h", "2d" or a plain number of seconds.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        (string suffix, double scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("min", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, scale) in units.OrderByDescending(u => u.suffix.Length))
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && double.IsFinite(n))
            {
                value = TimeSpan.FromSeconds(n * scale);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s))
        {
            value = TimeSpan.FromSeconds(s);
            return true;
        }

        return false;
    }
}

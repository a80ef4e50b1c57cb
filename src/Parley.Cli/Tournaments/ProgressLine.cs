using System.Globalization;
using Parley.Tournaments;

namespace Parley.Cli.Tournaments;

/// <summary>A one-line progress bar on standard error: done/total, rate and time left, redrawn in place.</summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<TournamentProgress>
{
    private const int Width = 30;
    private readonly Lock _lock = new();
    private int _lastLength;

    public void Report(TournamentProgress value)
    {
        var fraction = value.Total == 0 ? 1 : (double)value.Finished / value.Total;
        var filled = (int)Math.Round(fraction * Width);
        var left = value.Remaining is { } r ? Format(r) : "--:--";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {value.Finished:N0}/{value.Total:N0} {fraction * 100,5:0.0}%  {value.Rate,8:N0} sessions/s  {left} left{(value.Failed > 0 ? $"  {value.Failed} failed" : string.Empty)}");
        lock (_lock)
        {
            error.Write("\r" + line + new string(' ', Math.Max(0, _lastLength - line.Length)));
            error.Flush();
            _lastLength = line.Length;
        }
    }

    public void Finish()
    {
        lock (_lock)
        {
            if (_lastLength > 0)
            {
                error.WriteLine();
            }
        }
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}

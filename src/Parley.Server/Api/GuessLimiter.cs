using System.Collections.Concurrent;

namespace Parley.Server.Api;

/// <summary>
/// Rate-limits guessing: each client address may fail to present a valid token (or name a
/// negotiation its token does not open) <see cref="ServerOptions.MaxFailedTokens"/> times per
/// window; after that every token check from it is refused with 429 until the window ends.
/// </summary>
internal sealed class GuessLimiter(ServerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Failures)> _windows = new(StringComparer.Ordinal);

    public bool IsBlocked(string client) =>
        _windows.TryGetValue(client, out var w) && time.GetUtcNow() - w.Start < options.GuessWindow && w.Failures >= options.MaxFailedTokens;

    public void Fail(string client)
    {
        var now = time.GetUtcNow();
        _windows.AddOrUpdate(client, _ => (now, 1), (_, w) => now - w.Start >= options.GuessWindow ? (now, 1) : (w.Start, w.Failures + 1));
        if (_windows.Count > 100_000)
        {
            foreach (var (key, w) in _windows)
            {
                if (now - w.Start >= options.GuessWindow)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }
    }
}

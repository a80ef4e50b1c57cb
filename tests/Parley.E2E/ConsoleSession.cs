using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Parley.E2E;

/// <summary>One person's console: a browser context of its own, its page, and everything that crossed the wire to it (API bodies and live-channel frames).</summary>
internal sealed class ConsoleSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ConsoleSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Response bodies from the server and frames received on the live channel, as text.</summary>
    public ConcurrentQueue<string> Traffic { get; } = new();

    /// <summary>Every URL the page requested.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The form controls on the page that no label (nor aria-label) names.</summary>
    public async Task<IReadOnlyList<string>> UnlabelledControlsAsync() =>
        await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('input, select, textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.outerHTML.slice(0, 120))");

    /// <summary>The form controls with no stable key (a name or data-key) that a redraw could match them by.</summary>
    public async Task<IReadOnlyList<string>> UnkeyedControlsAsync() =>
        await Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main input, main select, main textarea')].filter(e => !e.name && !e.dataset.key).map(e => e.outerHTML.slice(0, 120))");

    public static async Task<ConsoleSession> OpenAsync(IBrowser browser, string link, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var session = new ConsoleSession(context, page);
        page.Response += async (_, response) =>
        {
            try
            {
                session.Traffic.Enqueue(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
                // A body that is gone (a redirect, a closed page) carries nothing to check.
            }
        };
        page.Request += (_, request) => session.Requests.Enqueue(request.Url);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => session.Traffic.Enqueue(frame.Text ?? "");
        await page.GotoAsync(link);
        // The first load reads the view (and, for the mediator, the analysis) before the live channel opens: allow for a loaded machine.
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Live"), new() { Timeout = 30_000 });
        return session;
    }

    public ILocator Text(string text) => Page.GetByText(text, new PageGetByTextOptions { Exact = false });

    /// <summary>
    /// Whether anything this console received holds another seat's private data: a declaration,
    /// ballot, article answer, answer to an offered improvement or note of <paramref name="seat"/> (index <paramref name="seatIndex"/>),
    /// a profile view of it, or one of <paramref name="markers"/>.
    /// </summary>
    public IReadOnlyList<string> LeaksOf(string seat, int seatIndex, params string[] markers)
    {
        var leaks = new List<string>();
        foreach (var body in Traffic)
        {
            foreach (var marker in markers)
            {
                if (body.Contains(marker, StringComparison.Ordinal))
                {
                    leaks.Add($"marker '{marker}' in {Cut(body)}");
                }
            }

            foreach (var part in body.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                JsonDocument doc;
                try
                {
                    doc = JsonDocument.Parse(part);
                }
                catch (JsonException)
                {
                    continue;
                }

                using (doc)
                {
                    Walk(doc.RootElement, seat, seatIndex, leaks, part);
                }
            }
        }

        return leaks;
    }

    private static void Walk(JsonElement e, string seat, int seatIndex, List<string> leaks, string body)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
            {
                Walk(x, seat, seatIndex, leaks, body);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && type.GetString() is "profile-declared" or "ballot" or "articles-answered" or "improvement-answered"
            && e.TryGetProperty("seat", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() == seatIndex)
        {
            leaks.Add($"{type.GetString()} of seat {seatIndex} in {Cut(body)}");
        }

        if (e.TryGetProperty("seat", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == seat && e.TryGetProperty("weights", out _))
        {
            leaks.Add($"the profile of {seat} in {Cut(body)}");
        }

        if (e.TryGetProperty("type", out var t2) && t2.ValueKind == JsonValueKind.String && t2.GetString() == "note"
            && e.TryGetProperty("author", out var author) && author.TryGetProperty("seat", out var authorSeat) && authorSeat.GetInt32() == seatIndex)
        {
            leaks.Add($"a note of seat {seatIndex} in {Cut(body)}");
        }

        foreach (var p in e.EnumerateObject())
        {
            Walk(p.Value, seat, seatIndex, leaks, body);
        }
    }

    private static string Cut(string s) => s.Length > 300 ? s[..300] + "…" : s;

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

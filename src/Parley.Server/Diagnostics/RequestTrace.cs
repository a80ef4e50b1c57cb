using System.Collections.Concurrent;
using System.Diagnostics;

namespace Parley.Server.Diagnostics;

/// <summary>
/// A request's timeline through the server (accepted, authorised, the negotiation's gate, decided, its
/// append queued, its group commit begun and done, the cache applied, the answer written), for the load
/// benchmark's breakdown of its slowest votes (<c>server-load ... --trace</c>).
/// </summary>
/// <remarks>
/// Off unless the server's process starts with <c>PARLEY_TRACE_REQUESTS=1</c>: <see cref="Enabled"/> is a
/// static read-only field, so in a server without it the optimising JIT removes every check below, and
/// no middleware is added. A request is traced only if it carries the <c>X-Parley-Trace</c> header (the
/// tag the runner looks it up by). Timestamps are <see cref="Stopwatch.GetTimestamp"/> (0: not reached).
/// </remarks>
internal sealed class RequestTrace
{
    public const string Header = "X-Parley-Trace";

    private static readonly AsyncLocal<RequestTrace?> Slot = new();

    /// <summary>Whether tracing is on in this process (<c>PARLEY_TRACE_REQUESTS=1</c>, read once).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("PARLEY_TRACE_REQUESTS") == "1";

    /// <summary>The traced requests, by their tag (the runner takes them out after a block).</summary>
    public static ConcurrentDictionary<string, RequestTrace> ByTag { get; } = new(StringComparer.Ordinal);

    /// <summary>The request being traced on this flow, or null (always null when tracing is off).</summary>
    public static RequestTrace? Current => Enabled ? Slot.Value : null;

    public long Started;
    public long Authorised;
    public long GateAcquired;
    public long Decided;
    public long Enqueued;
    public long GroupStarted;
    public long Committed;
    public long Resumed;
    public long Applied;
    public long Released;
    public long Written;

    /// <summary>The number of appends in the group commit this request's append joined, and its place in it.</summary>
    public int GroupSize;
    public int GroupIndex;

    /// <summary>How many appends were queued for the writer (this one included) when this one was.</summary>
    public int QueuedAhead;

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>The middleware (added only when <see cref="Enabled"/>): traces a request that carries the header.</summary>
    public static async Task Middleware(HttpContext http, RequestDelegate next)
    {
        var started = Now();
        if (!http.Request.Headers.TryGetValue(Header, out var tag) || tag.Count != 1)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        var trace = new RequestTrace { Started = started };
        ByTag[tag[0]!] = trace;
        Slot.Value = trace;
        await next(http).ConfigureAwait(false);
        trace.Written = Now();
    }
}

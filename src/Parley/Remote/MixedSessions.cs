using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Scenarios;

namespace Parley.Remote;

/// <summary>
/// Runs a SAOP session whose seats are played by built-in agents and remote GeniusWeb parties
/// together, through the asynchronous host (<see cref="NegotiationHost"/>): each built-in agent
/// through <see cref="HostedAgent"/>, each remote party through <see cref="RemoteParty"/>.
/// </summary>
/// <remarks>
/// The result is the same as an in-process session's (<see cref="Saop.Result"/>), with the trace
/// when asked. A failing party (a remote fault, an agent's exception or overrun) ends the session
/// as its failure; every seat's task has ended when the call returns.
/// </remarks>
public static class MixedSessions
{
    /// <summary>Runs a SAOP session between <paramref name="seats"/> (one per profile, in order).</summary>
    public static async Task<SessionResult> RunSaopAsync(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> names, IReadOnlyList<SessionSeat> seats, SessionOptions options, RemotePartyOptions? remote = null)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(options);
        if (seats.Count != profiles.Count)
        {
            throw new ArgumentException($"Got {profiles.Count} profiles and {seats.Count} seats: give one seat per profile.", nameof(seats));
        }

        var setup = new NegotiationSetup(domain, names, profiles, options.Deadline, options.Seed) { TimeProvider = options.TimeProvider };
        var negotiation = new SaopNegotiation(setup);
        var recorder = options.RecordTrace || options.Observer is not null ? new TraceRecorder(setup, options.RecordTrace, options.Observer) : null;
        if (recorder is not null)
        {
            negotiation.Observe(recorder);
        }

        var elapsed = await PlayAsync(negotiation, seats, options, remote, (host, party, agent, stop) => HostedAgent.PlayAsync(host, party, agent, options.ActionTimeLimit, stop)).ConfigureAwait(false);
        return Saop.Result(negotiation, elapsed, recorder?.Trace);
    }

    /// <summary>Runs a MOPAC session between <paramref name="seats"/> (one per negotiator of <paramref name="scenario"/>, in order); returns the result and each party's agreement.</summary>
    public static async Task<(SessionResult Result, IReadOnlyList<Outcome?> Agreements)> RunMopacAsync(Scenario scenario, IReadOnlyList<SessionSeat> seats, SessionOptions options, RemotePartyOptions? remote = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(options);
        var setup = NegotiationSetup.For(scenario, options.Deadline, options.Seed) with { TimeProvider = options.TimeProvider };
        if (seats.Count != setup.PartyCount)
        {
            throw new ArgumentException($"Got {setup.PartyCount} parties and {seats.Count} seats: give one seat per party.", nameof(seats));
        }

        var negotiation = new MopacNegotiation(setup);
        var elapsed = await PlayAsync(negotiation, seats, options, remote, (host, party, agent, stop) => HostedMopacAgent.PlayAsync(host, party, agent, stop)).ConfigureAwait(false);
        return (Mopac.Result(negotiation, elapsed), [.. negotiation.Agreements]);
    }

    /// <summary>Runs a SAOP session synchronously (for tournament threads).</summary>
    public static SessionResult RunSaop(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> names, IReadOnlyList<SessionSeat> seats, SessionOptions options, RemotePartyOptions? remote = null) =>
        RunSaopAsync(domain, profiles, names, seats, options, remote).GetAwaiter().GetResult();

    // Plays every seat of the negotiation to its end: remote parties through RemoteParty (under the
    // session's action time limit when it has one), built-in agents through builtIn; returns the time it took.
    private static async Task<TimeSpan> PlayAsync(Negotiation negotiation, IReadOnlyList<SessionSeat> seats, SessionOptions options, RemotePartyOptions? remote, Func<NegotiationHost, int, IAgent, CancellationToken, Task> builtIn)
    {
        if (options.Log is { } log)
        {
            negotiation.Observe(log);
        }

        remote ??= new RemotePartyOptions();
        if (options.ActionTimeLimit is { } limit)
        {
            remote = remote with { ActionTimeLimit = limit };
        }

        var start = options.TimeProvider.GetTimestamp();
        await RunSeatsAsync(negotiation, seats, options, party => seats[party].Remote is { } uri
            ? (host, stop) => RemoteParty.PlayAsync(host, party, uri, remote, stop)
            : (host, stop) => builtIn(host, party, seats[party].Agent!(), stop)).ConfigureAwait(false);
        return options.TimeProvider.GetElapsedTime(start);
    }

    private static async Task RunSeatsAsync(Negotiation negotiation, IReadOnlyList<SessionSeat> seats, SessionOptions options, Func<int, Func<NegotiationHost, CancellationToken, Task>> player)
    {
        var tick = options.Deadline.Time is { } time ? TimeSpan.FromTicks(Math.Clamp(time.Ticks / 100, TimeSpan.TicksPerMillisecond, TimeSpan.TicksPerSecond)) : (TimeSpan?)null;
        using var host = new NegotiationHost(negotiation, tick);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.Cancellation);
        var tasks = new Task[seats.Count];
        for (var i = 0; i < seats.Count; i++)
        {
            var play = player(i);
            tasks[i] = Task.Run(() => play(host, stop.Token), CancellationToken.None);
        }

        try
        {
            await host.WaitForEndAsync(options.Cancellation).ConfigureAwait(false);
        }
        finally
        {
            if (options.Cancellation.IsCancellationRequested)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A seat stopped by the caller's cancellation.
            }
        }

        options.Cancellation.ThrowIfCancellationRequested();
    }

    private sealed class TraceRecorder : INegotiationObserver
    {
        private readonly NegotiationSetup _setup;
        private readonly ISessionObserver? _observer;
        private readonly double[] _utilities;

        public TraceRecorder(NegotiationSetup setup, bool keep, ISessionObserver? observer)
        {
            _setup = setup;
            _observer = observer;
            _utilities = new double[setup.PartyCount];
            Trace = keep ? new SessionTrace(setup.Domain, setup.Parties) : null;
        }

        public SessionTrace? Trace { get; }

        public void OnEvent(Negotiation negotiation, in NegotiationEvent e)
        {
            var kind = e.Kind switch
            {
                EventKind.Offered => ActionKind.Offer,
                EventKind.Accepted => ActionKind.Accept,
                EventKind.WalkedAway => ActionKind.WalkAway,
                _ => (ActionKind)(-1),
            };
            if (kind < 0)
            {
                return;
            }

            for (var i = 0; i < _utilities.Length; i++)
            {
                _utilities[i] = e.Outcome is { } o ? _setup.Profiles[i]!.Utility(o.Levels) : double.NaN;
            }

            var se = new SessionEvent(e.Round, e.Time, e.Actor, kind, e.Outcome);
            Trace?.Add(se, _utilities);
            _observer?.OnEvent(se, _utilities);
        }
    }
}

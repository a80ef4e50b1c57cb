using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// One mediated negotiation over the single negotiating text between in-process strategies: a
/// <see cref="SingleTextNegotiation"/> (the state machine) driven by a <see cref="MediationRunner"/>
/// (which asks the mediator's strategy and the parties' voters), whose result is read from the
/// machine's state.
/// </summary>
/// <remarks>
/// The deadline is <see cref="MediationOptions.Rounds"/> and <see cref="MediationOptions.TimeLimit"/>
/// on the injected <see cref="TimeProvider"/>; party p's random source is seeded with
/// <see cref="Saop.AgentSeed"/>(seed, p) and the mediator's with (seed, parties), so a run replays
/// exactly from its seed; a strategy's exception, overrun or refused action ends the session with
/// <see cref="EndReason.Failure"/> and a <see cref="SessionFailure"/> naming who failed, and never
/// escapes. Events go to <see cref="MediationOptions.Log"/> (the negotiation's log), to the
/// <see cref="IMediationObserver"/> and, as SAOP's do, to the <see cref="ISessionObserver"/> and the
/// <see cref="SessionTrace"/>. Profiles reach the mediator only when it is trusted; a party's voter
/// sees only its own profile. The scenario's linkage rules (<see cref="Scenario.Linkage"/>) bind every
/// text: they are added to every party's red lines (<see cref="Scenario.WithLinkageAsRedLines"/>).
/// </remarks>
public sealed class MediationSession
{
    private readonly Scenario _scenario;
    private readonly MediatorStrategy _mediator;
    private readonly Voter[] _voters;
    private readonly MediationOptions _options;
    private bool _ran;

    /// <summary>Creates a session.</summary>
    /// <param name="scenario">The scenario; its negotiators are the parties.</param>
    /// <param name="mediator">The mediator's strategy (used for this session only).</param>
    /// <param name="voters">One voter strategy per negotiator, in order, or a single one for all.</param>
    /// <param name="options">Protocol, round limit, agenda.</param>
    /// <param name="seed">The seed every random source derives from.</param>
    /// <param name="time">The clock for <see cref="MediationOptions.TimeLimit"/>; the system clock when null.</param>
    /// <exception cref="ArgumentException">No negotiators, not one voter per negotiator (or one for all), a round limit that is not positive, or an agenda naming an unknown issue.</exception>
    public MediationSession(Scenario scenario, MediatorStrategy mediator, IReadOnlyList<Voter> voters, MediationOptions? options = null, int seed = 0, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(voters);

        _scenario = scenario;
        _mediator = mediator;

        // The scenario's linkage rules bind every text: each party carries them as red lines, so the
        // protocol refuses, and the strategies avoid, any text that breaks one.
        var parties = scenario.WithLinkageAsRedLines().Negotiators;
        if (parties.Count == 0)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no negotiating parties.", nameof(scenario));
        }

        _voters = voters.Count == 1 ? Enumerable.Repeat(voters[0], parties.Count).ToArray() : [.. voters];
        if (_voters.Length != parties.Count)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has {parties.Count} parties; {voters.Count} voters were given.", nameof(voters));
        }

        _options = options ?? new MediationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Rounds);
        var setup = new NegotiationSetup(
            scenario.Domain,
            [.. parties.Select(p => p.Name)],
            [.. parties.Select(p => p.Profile)],
            new Deadline(_options.Rounds, _options.TimeLimit),
            seed,
            scenario.Mediator?.Name ?? "mediator")
        {
            TimeProvider = time ?? TimeProvider.System,
        };
        var settings = new SingleTextSettings
        {
            Protocol = _options.Protocol,
            Agenda = _options.Agenda,
            Trusted = mediator.IsTrusted,
            PostSettlement = _options.PostSettlement,
            MediatorLabel = mediator.Name,
            StatusQuoModel = StatusQuoArticleAcceptance.ModelFor(scenario),
        };
        try
        {
            Negotiation = new SingleTextNegotiation(setup, settings);
        }
        catch (ArgumentException ex) when (ex.ParamName == nameof(settings))
        {
            throw new ArgumentException(ex.Message, nameof(options), ex);
        }
    }

    /// <summary>The state machine this session drives (its log, phase and texts; observe it before <see cref="Run"/>).</summary>
    public SingleTextNegotiation Negotiation { get; }

    /// <summary>Runs the session to its end.</summary>
    /// <remarks>Call once: a session and its strategies serve one run.</remarks>
    /// <exception cref="InvalidOperationException">The session has already run.</exception>
    public MediationResult Run(IMediationObserver? observer = null, CancellationToken cancellationToken = default)
    {
        if (_ran)
        {
            throw new InvalidOperationException("A mediation session runs once.");
        }

        _ran = true;
        var setup = Negotiation.Setup;
        var trace = _options.RecordEvents ? new SessionTrace(setup.Domain, [.. setup.Parties, setup.Mediator!], 4 * (setup.ActorCount + 1)) : null;
        if (observer is not null || trace is not null || _options.Observer is not null)
        {
            Negotiation.Observe(new MediationEventFeed(observer, trace, _options.Observer));
        }

        if (_options.Log is { } log)
        {
            Negotiation.Observe(log);
        }

        var elapsed = MediationRunner.Run(Negotiation, _mediator, _voters, _options.ActionTimeLimit, cancellationToken);
        return MediationResult.From(Negotiation, _scenario, _mediator.Name, [.. _voters.Select(v => v.Name)], elapsed, trace);
    }
}

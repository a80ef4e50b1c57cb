using Parley.Protocols;

namespace Parley.Mediation;

/// <summary>How a mediated session runs.</summary>
public sealed record MediationOptions
{
    /// <summary>How parties answer texts (votes, feedback, veto). Default: votes.</summary>
    public MediatedProtocol Protocol { get; init; } = MediatedProtocol.Votes;

    /// <summary>The round limit (each text put to the parties is one round). Default 200.</summary>
    public int Rounds { get; init; } = 200;

    /// <summary>A wall-time limit, measured on the session's <see cref="TimeProvider"/>; null for none.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// Issue-by-issue ("bite-size") mode: the issues' indexes in the order they are taken up; an
    /// issue missing from the list comes after, in domain order. Null: the whole text is negotiated at once.
    /// </summary>
    public IReadOnlyList<int>? Agenda { get; init; }

    /// <summary>
    /// The longest the mediator or a party may take for one call, as in SAOP
    /// (<see cref="SessionOptions.ActionTimeLimit"/>): an overrun ends the session in failure
    /// attributed to it, and with a limit the session runs under the <see cref="SessionWatchdog"/>.
    /// Null for no limit.
    /// </summary>
    public TimeSpan? ActionTimeLimit { get; init; }

    /// <summary>Told of every event as it happens (the mediator's texts, the parties' answers), on the same stream as SAOP; null for none.</summary>
    public ISessionObserver? Observer { get; init; }

    /// <summary>Receives every event of the negotiation's log (<see cref="SingleTextNegotiation"/>: a file being written, a store); null for none.</summary>
    public INegotiationObserver? Log { get; init; }

    /// <summary>Whether to keep the event stream in <see cref="MediationResult.Events"/>. Default true.</summary>
    public bool RecordEvents { get; init; } = true;

    /// <summary>
    /// After any deal, the mediator proposes post-settlement improvements (Raiffa): packages every party weakly
    /// prefers, adopted only when every party accepts; with an untrusted mediator the parties confide their
    /// profiles for that step only. Default true (issue 15: offered after any agreement, not only a trusted
    /// mediator's); false keeps an untrusted mediator's deal as signed.
    /// </summary>
    public bool PostSettlement { get; init; } = true;
}

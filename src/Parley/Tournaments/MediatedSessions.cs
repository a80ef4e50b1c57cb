using Parley.Mediation;
using Parley.Protocols;
using Parley.Remote;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// Runs the sessions of a mediated tournament (<see cref="MediationSession"/>): each session seats
/// one voter strategy on each profile under one mediator; the plan's "agents" are the voter ids and
/// its mediators the mediator ids (see <see cref="TournamentDefinition.Mediators"/>).
/// </summary>
/// <remarks>
/// Mediator ids: <c>hill-climbing</c>, <c>annealing</c>, <c>random-flip</c>, <c>nash</c> and
/// <c>maximin</c> (trusted mediators that read the confided profiles). Voter ids: <c>truthful</c>,
/// <c>strategic</c>, <c>annealing</c>, or a remote GeniusWeb party's <c>ws://</c> URL: each session
/// connects to it afresh (a <see cref="RemoteVoter"/>), and a fault of that party fails only that
/// session, attributed to its seat. Fresh strategies are built for every session. Mediated
/// protocols do not discount: the Utility and Disc. Util. columns are equal; on a partial
/// agreement a party's utility counts only the agreed articles (open ones count 0), and the end
/// reason is <see cref="EndReason.Partial"/> (named by <see cref="EndReasonNames"/>, as everywhere). Each scenario's analysis is shared between sessions.
/// </remarks>
public sealed class MediatedSessions
{
    private readonly ScenarioEntry[] _scenarios;
    private readonly Dictionary<string, Func<MediatorStrategy>> _mediators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Voter>> _voters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _remote = new(StringComparer.Ordinal);
    private readonly RemotePartyOptions? _remoteOptions;
    private readonly MediatedProtocol _protocol;
    private readonly bool _postSettlement;

    /// <summary>Prepares a mediated tournament's sessions.</summary>
    /// <exception cref="InputException">A mediator or voter id is unknown.</exception>
    /// <param name="scenarios">The scenarios, in the tournament's order.</param>
    /// <param name="mediators">The mediator ids.</param>
    /// <param name="voters">The voter ids, or remote parties' <c>ws://</c> URLs.</param>
    /// <param name="protocol">How the parties answer each text.</param>
    /// <param name="remoteOptions">The remote parties' budgets and limits; the defaults when null.</param>
    /// <param name="postSettlement">Whether to judge each agreement for a post-settlement improvement (<see cref="SessionOutcome.PostSettlement"/>).</param>
    public MediatedSessions(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> mediators, IReadOnlyList<string> voters, MediatedProtocol protocol = MediatedProtocol.Votes, RemotePartyOptions? remoteOptions = null, bool postSettlement = true)
    {
        _postSettlement = postSettlement;
        foreach (var id in mediators)
        {
            _mediators[id] = MediatorFactory(id);
        }

        foreach (var id in voters)
        {
            if (RemoteParty.IsRemote(id))
            {
                try
                {
                    _remote[id] = SessionSeat.Parse(id).Remote!;
                }
                catch (ArgumentException ex)
                {
                    throw new InputException("--voters", string.Empty, ex.Message, ex);
                }

                continue;
            }

            _voters[id] = VoterFactory(id);
        }

        _remoteOptions = remoteOptions;

        _protocol = protocol;
        _scenarios = [.. scenarios.Select(s => new ScenarioEntry(s))];
        Scenarios = [.. _scenarios.Select(e => e.Describe())];
    }

    /// <summary>The mediator ids this runner knows.</summary>
    public static IReadOnlyList<string> MediatorIds => MediationRegistry.MediatorIds;

    /// <summary>The voter ids this runner knows.</summary>
    public static IReadOnlyList<string> VoterIds => MediationRegistry.VoterIds;

    /// <summary>The scenarios as the tournament plan sees them.</summary>
    public IReadOnlyList<TournamentScenario> Scenarios { get; }

    /// <summary>Runs one session; thread-safe.</summary>
    public SessionOutcome Run(SessionSpec session, CancellationToken cancellationToken)
    {
        var entry = _scenarios[session.ScenarioIndex];
        var mediator = _mediators[session.Mediator ?? throw new ArgumentException("A mediated session needs a mediator.", nameof(session))]();
        var rounds = session.Rounds ?? int.MaxValue;
        var voters = new Voter[session.Agents.Count];
        MediationResult result;
        try
        {
            for (var i = 0; i < voters.Length; i++)
            {
                var id = session.Agents[i];
                if (!_remote.TryGetValue(id, out var address))
                {
                    voters[i] = _voters[id]();
                    continue;
                }

                try
                {
                    voters[i] = new RemoteVoter(address, entry.Scenario, i, rounds, _remoteOptions);
                }
                catch (ArgumentException ex)
                {
                    // A profile GeniusWeb cannot carry (not additive): this session fails, attributed to the seat; the tournament goes on.
                    return SessionOutcome.FailedBeforeEnd(Scenarios[session.ScenarioIndex], $"{id}: {ex.Message}", i);
                }
            }

            var options = new MediationOptions { Protocol = _protocol, Rounds = rounds, TimeLimit = session.Time, RecordEvents = false };
            result = new MediationSession(entry.Scenario, mediator, voters, options, session.Seed).Run(cancellationToken: cancellationToken);
        }
        finally
        {
            foreach (var v in voters)
            {
                (v as IDisposable)?.Dispose(); // sends the remote party Finished and closes its connection
            }
        }

        var (pareto, nash, welfare) = entry.Measure(result.Utilities);
        var agreement = result.EndReason == EndReason.Agreement;
        return new SessionOutcome(
            result.Rounds,
            agreement,
            agreement ? voters.Length : 0,
            false,
            [.. result.Utilities],
            [.. result.Utilities],
            pareto,
            nash,
            welfare,
            EndReasonNames.Name(result.EndReason),
            result.EndReason == EndReason.Failure ? result.FailureMessage ?? "failure" : null,
            result.Failure is { } f && f.Party < voters.Length ? f.Party : null)
        {
            // After the protocol's own post-settlement steps: is an improvement still left for the final (or partial) agreement?
            PostSettlement = _postSettlement && result.EndReason is EndReason.Agreement or EndReason.Partial && result.Agreement.Agreed.SettledCount > 0
                ? entry.PostSettlementOf(result.Agreement.Agreed)
                : null,
        };
    }

    private static Func<MediatorStrategy> MediatorFactory(string id)
    {
        try
        {
            return MediationRegistry.MediatorFactory(id);
        }
        catch (ArgumentException ex)
        {
            throw new InputException("--mediators", string.Empty, ex.Message, ex);
        }
    }

    private static Func<Voter> VoterFactory(string id)
    {
        try
        {
            return MediationRegistry.VoterFactory(id);
        }
        catch (ArgumentException ex)
        {
            throw new InputException("--voters", string.Empty, ex.Message, ex);
        }
    }
}

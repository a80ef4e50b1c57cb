using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>What a mediated session produced: how it ended, every version of the text, the trace of rounds and the (partial) agreement.</summary>
/// <param name="EndReason">How it ended.</param>
/// <param name="Mediator">The mediator strategy's name.</param>
/// <param name="Voters">Each party's voter strategy name, in party order.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="PartyNames">The negotiators, in order.</param>
/// <param name="Rounds">The number of rounds played.</param>
/// <param name="Versions">The versions of the negotiating text, first to final: every one, or in a long session the first and last <see cref="SingleTextNegotiation.KeptAtEachEnd"/> and an evenly spaced sample between (see <see cref="VersionCount"/>).</param>
/// <param name="Trace">The rounds, kept as <paramref name="Versions"/> are: every one, or in a long session (more than 2 × <see cref="SingleTextNegotiation.KeptAtEachEnd"/> rounds) the first and last ones and an evenly spaced sample; <paramref name="Rounds"/> counts them all.</param>
/// <param name="Agreement">Agreed and open articles, gaps and packages.</param>
/// <param name="Utilities">Each party's utility of what was agreed: of the complete text on an agreement; otherwise, when the scenario states a status quo, of the status quo with the agreed articles replaced, and without one of the agreed articles alone (open articles count 0).</param>
/// <param name="FailureMessage">Why the session failed, when it did.</param>
public sealed record MediationResult(
    EndReason EndReason,
    string Mediator,
    IReadOnlyList<string> Voters,
    MediatedProtocol Protocol,
    IReadOnlyList<string> PartyNames,
    int Rounds,
    IReadOnlyList<NegotiatingText> Versions,
    IReadOnlyList<MediationRound> Trace,
    PartialAgreement Agreement,
    IReadOnlyList<double> Utilities,
    string? FailureMessage)
{
    /// <summary>
    /// The event stream, as SAOP records it: per round, the mediator's text (an offer by the
    /// mediator, the last actor) and each party's answer (accept or reject of that text), with
    /// every party's utility of it (NaN for the mediator). Null when not recorded.
    /// </summary>
    public SessionTrace? Events { get; init; }

    /// <summary>The failure that ended the session (who, exception or timeout, why), as SAOP reports it; null otherwise.</summary>
    public SessionFailure? Failure { get; init; }

    /// <summary>The seed the session ran with.</summary>
    public int Seed { get; init; }

    /// <summary>The wall time the session took, read from the session's clock.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How many versions of the text were published in all (<see cref="Versions"/> may keep fewer).</summary>
    public int VersionCount { get; init; }

    /// <summary>In how many of all the rounds the text (or its unvetoed part) was adopted.</summary>
    public int AdoptedRounds { get; init; }

    /// <summary>In how many of all the rounds each party accepted the text put to it, in party order.</summary>
    public IReadOnlyList<int> Acceptances { get; init; } = [];

    /// <summary>Whether <see cref="Trace"/> holds every round played (false: a long session's bounded summary).</summary>
    public bool IsTraceComplete => Trace.Count == Rounds;

    /// <summary>The final version of the text.</summary>
    public NegotiatingText FinalText => Versions[^1];

    /// <summary>The complete agreed text, on an agreement.</summary>
    public Outcome? Deal => Agreement.Agreed.TryComplete(out var o) ? o : null;

    // The stream of the random source GapAnalysis uses when it cannot enumerate (independent of the session's seed).
    private const int GapAnalysisStream = 99;

    /// <summary>
    /// The result of a finished (or failed) single-text negotiation, from its state alone: a run and
    /// a replay of its log give the same result.
    /// </summary>
    /// <param name="negotiation">The negotiation, over (or failed).</param>
    /// <param name="scenario">Its scenario (for the gap analysis of the open articles, which respects its linkage rules).</param>
    /// <param name="mediator">The mediator strategy's name.</param>
    /// <param name="voters">Each party's voter strategy name, in party order.</param>
    /// <param name="elapsed">The wall time the run took, as its driver measured it (zero for a replay).</param>
    /// <param name="events">The event stream, if one was kept (<see cref="MediationEventFeed"/>).</param>
    public static MediationResult From(SingleTextNegotiation negotiation, Scenario scenario, string mediator, IReadOnlyList<string> voters, TimeSpan elapsed = default, SessionTrace? events = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(scenario);
        var setup = negotiation.Setup;
        var domain = setup.Domain;
        var failure = negotiation.Failure;
        var agreed = negotiation.IsOver && failure is null ? negotiation.Agreed : PartialOutcome.AllOpen(domain.IssueCount);
        var reason = !negotiation.IsOver ? (agreed.SettledCount > 0 ? EndReason.Partial : EndReason.Deadline) : negotiation.EndReason;
        var agreement = GapAnalysis.Analyse(scenario.WithLinkageAsRedLines(), agreed, new Random(Saop.AgentSeed(0, GapAnalysisStream)));
        var utilities = new double[setup.PartyCount];
        var statusQuo = agreed.IsComplete ? null : StatusQuoArticleAcceptance.ModelFor(scenario);
        for (var p = 0; p < utilities.Length; p++)
        {
            utilities[p] = setup.Profiles[p] is not { } profile ? double.NaN
                : agreed.TryComplete(out var o) ? profile.Utility(o)
                : statusQuo is not null ? statusQuo.Value(p, agreed)
                : profile is AdditiveProfile a ? a.SettledUtility(agreed)
                : 0.0;
        }

        IReadOnlyList<NegotiatingText> versions = negotiation.Versions.Count == 0 ? [NegotiatingText.Blank(domain)] : [.. negotiation.Versions];
        var message = failure is not null ? $"{failure.PartyName} failed: {failure.Reason}"
            : negotiation.NoText ? "No text avoids every party's red lines."
            : null;
        return new MediationResult(
            reason,
            mediator,
            [.. voters],
            negotiation.Settings.Protocol,
            setup.Parties,
            negotiation.Round,
            versions,
            [.. negotiation.Rounds],
            agreement,
            utilities,
            message)
        {
            Events = events,
            VersionCount = Math.Max(negotiation.VersionCount, versions.Count),
            AdoptedRounds = negotiation.AdoptedRounds,
            Acceptances = [.. negotiation.Acceptances],
            Failure = failure,
            Seed = setup.Seed,
            Elapsed = elapsed,
        };
    }
}

using Parley.Domains;

namespace Parley.Mediation;

/// <summary>What a mediated session produced: how it ended, every version of the text, the trace of rounds and the (partial) agreement.</summary>
/// <param name="EndReason">How it ended.</param>
/// <param name="Mediator">The mediator strategy's name.</param>
/// <param name="Voters">Each party's voter strategy name, in party order.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="PartyNames">The negotiators, in order.</param>
/// <param name="Rounds">The number of rounds played.</param>
/// <param name="Versions">Every version of the negotiating text, first to final.</param>
/// <param name="Trace">Every round.</param>
/// <param name="Agreement">Agreed and open articles, gaps and packages.</param>
/// <param name="Utilities">Each party's utility of what was agreed: of the complete text on an agreement, otherwise of the agreed articles alone (open articles count 0).</param>
/// <param name="FailureMessage">Why the session failed, when it did.</param>
public sealed record MediationResult(
    MediationEndReason EndReason,
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
    /// <summary>The final version of the text.</summary>
    public NegotiatingText FinalText => Versions[^1];

    /// <summary>The complete agreed text, on an agreement.</summary>
    public Outcome? Deal => Agreement.Agreed.TryComplete(out var o) ? o : null;
}

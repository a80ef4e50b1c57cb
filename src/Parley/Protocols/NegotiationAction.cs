using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// What a party (or the mediator) submits to a negotiation: one value type for every protocol and
/// every way of acting (an in-process agent, a remote agent, a person in a browser).
/// </summary>
/// <remarks>
/// <para>A value type: submitting an offer or an acceptance allocates nothing. <see cref="Value"/>
/// and <see cref="Detail"/> carry what the kind needs:</para>
/// <list type="bullet">
/// <item><see cref="ActionKind.Offer"/>: <see cref="Outcome"/> is the offer.</item>
/// <item><see cref="ActionKind.Accept"/>: <see cref="Outcome"/> may name the offer accepted (it must then be the one on the table).</item>
/// <item><see cref="ActionKind.Vote"/>: <see cref="Value"/> is 1 (yes) or 0 (no), or a feedback code in the feedback protocol; <see cref="Detail"/> holds the vetoed articles in the veto protocol.</item>
/// <item><see cref="ActionKind.ProposeText"/>: <see cref="Outcome"/> is the text; <see cref="Value"/> is the article put to the table alone (issue-by-issue), or −1 for the whole text.</item>
/// <item><see cref="ActionKind.Decide"/> and <see cref="ActionKind.Sign"/>: <see cref="Value"/> is 1 (yes) or 0 (no).</item>
/// <item><see cref="ActionKind.Votes"/>: <see cref="Detail"/> holds the MOPAC votes.</item>
/// </list>
/// </remarks>
/// <param name="Kind">What the party does.</param>
/// <param name="Outcome">The outcome offered, accepted or proposed, if any.</param>
/// <param name="Value">A small integer whose meaning depends on <paramref name="Kind"/>.</param>
/// <param name="Detail">Structured content for ballots with vetoes and MOPAC votes; otherwise null.</param>
public readonly record struct NegotiationAction(ActionKind Kind, Outcome? Outcome = null, int Value = 0, ActionDetail? Detail = null)
{
    /// <summary>Offer <paramref name="outcome"/>.</summary>
    public static NegotiationAction Offer(Outcome outcome) => new(ActionKind.Offer, outcome);

    /// <summary>Accept the offer on the table.</summary>
    public static NegotiationAction Accept() => new(ActionKind.Accept);

    /// <summary>Accept <paramref name="outcome"/>, which must be the offer on the table.</summary>
    public static NegotiationAction Accept(Outcome outcome) => new(ActionKind.Accept, outcome);

    /// <summary>Walk away.</summary>
    public static NegotiationAction WalkAway() => new(ActionKind.WalkAway);

    /// <summary>A yes/no ballot (also an article's acceptance).</summary>
    public static NegotiationAction Vote(bool yes) => new(ActionKind.Vote, null, yes ? 1 : 0);

    /// <summary>A ballot with a protocol-specific value (the feedback protocol's better / same / worse code).</summary>
    public static NegotiationAction Ballot(int value) => new(ActionKind.Vote, null, value);

    /// <summary>A veto ballot: the articles of the candidate the party blocks (none: it accepts every change).</summary>
    public static NegotiationAction Veto(IReadOnlyList<int> vetoed) => new(ActionKind.Vote, null, vetoed.Count == 0 ? 1 : 0, new VetoDetail([.. vetoed]));

    /// <summary>The mediator proposes <paramref name="text"/>; with <paramref name="article"/> ≥ 0 only that article's clause is put to the table.</summary>
    public static NegotiationAction ProposeText(Outcome text, int article = -1) => new(ActionKind.ProposeText, text, article);

    /// <summary>The mediator adopts (or drops) the candidate text.</summary>
    public static NegotiationAction Decide(bool adopt) => new(ActionKind.Decide, null, adopt ? 1 : 0);

    /// <summary>Sign (or decline to sign) the text.</summary>
    public static NegotiationAction Sign(bool yes) => new(ActionKind.Sign, null, yes ? 1 : 0);

    /// <summary>The mediator has nothing to propose.</summary>
    public static NegotiationAction Pass() => new(ActionKind.Pass);

    /// <summary>MOPAC votes.</summary>
    public static NegotiationAction CastVotes(IReadOnlyList<MopacVote> votes) => new(ActionKind.Votes, null, votes.Count, new MopacVotesDetail([.. votes]));

    /// <summary>Converts an agent's SAOP action (no allocation).</summary>
    public static NegotiationAction From(in AgentAction action) => new(action.Kind, action.Offer);

    /// <inheritdoc />
    public override string ToString() => Outcome is null ? $"{Kind}({Value})" : $"{Kind} {Outcome}";
}

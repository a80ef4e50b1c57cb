using Parley.Domains;

namespace Parley.Agents;

/// <summary>A party's answer on its turn: accept, offer an outcome, or walk away.</summary>
/// <remarks>A value type: returning one allocates nothing. Build one with <see cref="Accept"/>, <see cref="Counter"/> or <see cref="WalkAway"/>.</remarks>
public readonly record struct AgentAction
{
    private AgentAction(ActionKind kind, Outcome? offer)
    {
        Kind = kind;
        Offer = offer;
    }

    /// <summary>What the party does.</summary>
    public ActionKind Kind { get; }

    /// <summary>The outcome offered, for <see cref="ActionKind.Offer"/>; otherwise null.</summary>
    public Outcome? Offer { get; }

    /// <summary>Accept the offer on the table.</summary>
    public static AgentAction Accept => new(ActionKind.Accept, null);

    /// <summary>Walk away from the table.</summary>
    public static AgentAction WalkAway => new(ActionKind.WalkAway, null);

    /// <summary>Offer <paramref name="outcome"/> (a first offer or a counter-offer).</summary>
    public static AgentAction Counter(Outcome outcome) => new(ActionKind.Offer, outcome);

    /// <inheritdoc />
    public override string ToString() => Kind == ActionKind.Offer ? $"Offer {Offer}" : Kind.ToString();
}

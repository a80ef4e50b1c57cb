using Parley.Domains;

namespace Parley.Remote;

/// <summary>A GeniusWeb action as it travels: who acts (a party id), what, with which bid or votes.</summary>
/// <param name="Kind">The action's class.</param>
/// <param name="Actor">The acting party's id.</param>
/// <param name="Bid">The bid of an offer, an acceptance or a vote; null otherwise.</param>
/// <param name="MinPower">A vote's minimum power (the fewest parties, itself included, in the deal it wants).</param>
/// <param name="MaxPower">A vote's maximum power.</param>
/// <param name="Votes">The votes of a <see cref="GeniusWebActionKind.Votes"/> action; null otherwise.</param>
public sealed record GeniusWebAction(GeniusWebActionKind Kind, string Actor, Outcome? Bid = null, int MinPower = 0, int MaxPower = 0, IReadOnlyList<GeniusWebAction>? Votes = null)
{
    /// <summary>The class name that wraps the action on the wire.</summary>
    public string TypeName => Kind.ToString();
}

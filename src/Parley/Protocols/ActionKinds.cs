using Parley.Agents;

namespace Parley.Protocols;

/// <summary>A set of <see cref="ActionKind"/>s: what a party may submit now.</summary>
[Flags]
public enum ActionKinds
{
    /// <summary>Nothing: the party may not act now.</summary>
    None = 0,

    /// <summary><see cref="ActionKind.Offer"/>.</summary>
    Offer = 1 << 0,

    /// <summary><see cref="ActionKind.Accept"/>.</summary>
    Accept = 1 << 1,

    /// <summary><see cref="ActionKind.WalkAway"/>.</summary>
    WalkAway = 1 << 2,

    /// <summary><see cref="ActionKind.Reject"/>.</summary>
    Reject = 1 << 3,

    /// <summary><see cref="ActionKind.Vote"/>.</summary>
    Vote = 1 << 4,

    /// <summary><see cref="ActionKind.ProposeText"/>.</summary>
    ProposeText = 1 << 5,

    /// <summary><see cref="ActionKind.Decide"/>.</summary>
    Decide = 1 << 6,

    /// <summary><see cref="ActionKind.Sign"/>.</summary>
    Sign = 1 << 7,

    /// <summary><see cref="ActionKind.Pass"/>.</summary>
    Pass = 1 << 8,

    /// <summary><see cref="ActionKind.Votes"/>.</summary>
    Votes = 1 << 9,
}

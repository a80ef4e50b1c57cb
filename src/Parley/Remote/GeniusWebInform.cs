using Parley.Domains;

namespace Parley.Remote;

/// <summary>A GeniusWeb inform as a party reads it.</summary>
/// <param name="Kind">The inform's class.</param>
/// <param name="Settings">The settings (<see cref="GeniusWebInformKind.Settings"/>).</param>
/// <param name="Action">The action done (<see cref="GeniusWebInformKind.ActionDone"/>).</param>
/// <param name="Offers">The offers to vote on (<see cref="GeniusWebInformKind.Voting"/>).</param>
/// <param name="Powers">Each party's power (<see cref="GeniusWebInformKind.Voting"/>).</param>
/// <param name="Votes">Every party's votes (<see cref="GeniusWebInformKind.OptIn"/>).</param>
/// <param name="Agreements">The agreements by party id (<see cref="GeniusWebInformKind.Finished"/>).</param>
public sealed record GeniusWebInform(
    GeniusWebInformKind Kind,
    GeniusWebSettings? Settings = null,
    GeniusWebAction? Action = null,
    IReadOnlyList<GeniusWebAction>? Offers = null,
    IReadOnlyDictionary<string, int>? Powers = null,
    IReadOnlyList<GeniusWebAction>? Votes = null,
    IReadOnlyDictionary<string, Outcome>? Agreements = null);

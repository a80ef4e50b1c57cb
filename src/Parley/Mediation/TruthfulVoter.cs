namespace Parley.Mediation;

/// <summary>Votes its true preference: accepts a text that crosses none of its red lines and is at least as good as the current one.</summary>
public sealed class TruthfulVoter : Voter
{
    /// <inheritdoc />
    public override string Name => "truthful";

    /// <inheritdoc />
    public override bool Vote(VoteContext context) => !context.CrossesRedLine && context.Gain >= -Epsilon;
}

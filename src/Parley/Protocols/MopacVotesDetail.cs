namespace Parley.Protocols;

/// <summary>A party's MOPAC votes.</summary>
/// <param name="Votes">The votes, at most one per offer.</param>
public sealed record MopacVotesDetail(IReadOnlyList<MopacVote> Votes) : ActionDetail
{
    /// <inheritdoc />
    public bool Equals(MopacVotesDetail? other) => other is not null && Votes.SequenceEqual(other.Votes);

    /// <inheritdoc />
    public override int GetHashCode() => Votes.Count;
}

namespace Parley.Protocols;

/// <summary>A veto ballot's blocked articles (issue indices).</summary>
/// <param name="Articles">The vetoed articles, as given.</param>
public sealed record VetoDetail(IReadOnlyList<int> Articles) : ActionDetail
{
    /// <inheritdoc />
    public bool Equals(VetoDetail? other) => other is not null && Articles.SequenceEqual(other.Articles);

    /// <inheritdoc />
    public override int GetHashCode() => Articles.Count;
}

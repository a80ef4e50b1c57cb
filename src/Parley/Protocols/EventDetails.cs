using Parley.Domains;

namespace Parley.Protocols;

/// <summary>A failure report: who failed is the event's actor.</summary>
/// <param name="Kind">Exception, timeout or invalid action.</param>
/// <param name="Reason">What went wrong, in words.</param>
public sealed record FailureDetail(FailureKind Kind, string Reason) : ActionDetail;

/// <summary>A (partial) agreement at the end of a mediated session.</summary>
/// <param name="Agreed">The agreed articles; open ones are <see cref="PartialOutcome.Open"/>.</param>
/// <param name="Message">Why the session ended as it did (a failure's description), if anything needs saying.</param>
public sealed record AgreementDetail(PartialOutcome Agreed, string? Message = null) : ActionDetail;

/// <summary>A version of the negotiating text.</summary>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Draft">The clauses; open articles are <see cref="PartialOutcome.Open"/>.</param>
/// <param name="Statuses">Each article's status code (open 0, proposed 1, agreed 2).</param>
/// <param name="Note">What changed and why, in words.</param>
public sealed record TextDetail(int Version, PartialOutcome Draft, IReadOnlyList<int> Statuses, string Note) : ActionDetail
{
    /// <inheritdoc />
    public bool Equals(TextDetail? other) =>
        other is not null && Version == other.Version && Draft.Equals(other.Draft) && Statuses.SequenceEqual(other.Statuses) && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Version, Draft, Note);
}

/// <summary>The count of a closed round of ballots.</summary>
/// <param name="Accepts">Ballots that accept.</param>
/// <param name="Better">Feedback "better".</param>
/// <param name="Worse">Feedback "worse".</param>
/// <param name="Missing">Parties that did not answer before the round closed.</param>
public sealed record TallyDetail(int Accepts, int Better, int Worse, int Missing) : ActionDetail;

/// <summary>A protocol phase: its name, and the article on the table when the phase is about one article.</summary>
/// <param name="Name">The phase's name (for people and logs).</param>
/// <param name="Article">The article concerned, or −1.</param>
public sealed record PhaseDetail(string Name, int Article) : ActionDetail;

/// <summary>A set of parties (the members of a MOPAC agreement).</summary>
/// <param name="Parties">The parties' indices, ascending.</param>
public sealed record PartiesDetail(IReadOnlyList<int> Parties) : ActionDetail
{
    /// <inheritdoc />
    public bool Equals(PartiesDetail? other) => other is not null && Parties.SequenceEqual(other.Parties);

    /// <inheritdoc />
    public override int GetHashCode() => Parties.Count;
}

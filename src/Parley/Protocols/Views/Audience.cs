namespace Parley.Protocols.Views;

/// <summary>Who is looking at a negotiation: one party, the mediator, or the public (an observer, the record).</summary>
/// <param name="Kind">The kind of audience.</param>
/// <param name="Party">The party's index, for <see cref="AudienceKind.Party"/>; otherwise −1.</param>
public readonly record struct Audience(AudienceKind Kind, int Party = -1)
{
    /// <summary>The public: what every party and an observer may see.</summary>
    public static Audience Public => new(AudienceKind.Public);

    /// <summary>The mediator.</summary>
    public static Audience Mediator => new(AudienceKind.Mediator);

    /// <summary>Party <paramref name="index"/>.</summary>
    public static Audience OfParty(int index) => new(AudienceKind.Party, index);

    /// <inheritdoc />
    public override string ToString() => Kind == AudienceKind.Party ? $"party {Party}" : Kind.ToString().ToLowerInvariant();
}

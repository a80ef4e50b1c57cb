namespace Parley.Analysis;

/// <summary>The verdict on one published frontier point.</summary>
/// <param name="Published">The published utilities.</param>
/// <param name="Verdict">On the frontier, dominated, or above it.</param>
/// <param name="By">The frontier point it matches (on the frontier) or that dominates it (the one gaining most in total); null above the frontier.</param>
public sealed record PublishedPointCheck(IReadOnlyList<double> Published, PublishedPointVerdict Verdict, FrontierPoint? By);

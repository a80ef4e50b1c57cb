using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>What a party sees when asked to agree to a single article (issue-by-issue mode, or a partial agreement).</summary>
/// <param name="Profile">The party's own profile.</param>
/// <param name="Settled">The articles already agreed.</param>
/// <param name="Issue">The article put to the party.</param>
/// <param name="Level">The proposed clause.</param>
/// <param name="Time">Normalised time in [0, 1].</param>
/// <param name="Random">The party's own seeded random source.</param>
public sealed record ArticleContext(Profile Profile, PartialOutcome Settled, int Issue, int Level, double Time, Random Random);

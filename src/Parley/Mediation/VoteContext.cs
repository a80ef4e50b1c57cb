using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>What a party sees when the mediator puts a new text to it: its own profile, the current text and the new one.</summary>
/// <param name="Profile">The party's own (private) profile.</param>
/// <param name="Candidate">The text the mediator proposes.</param>
/// <param name="Incumbent">The current text: the last one every party accepted.</param>
/// <param name="Time">Normalised time in [0, 1]: the share of the deadline used.</param>
/// <param name="Random">The party's own seeded random source.</param>
public sealed record VoteContext(Profile Profile, Outcome Candidate, Outcome Incumbent, double Time, Random Random)
{
    /// <summary>The party's utility of the candidate minus that of the incumbent.</summary>
    public double Gain => Profile.Utility(Candidate) - Profile.Utility(Incumbent);

    /// <summary>Whether the candidate crosses one of the party's red lines.</summary>
    public bool CrossesRedLine => Profile.CrossesRedLine(Candidate.Levels);

    /// <summary>The party's gain from changing only article <paramref name="issue"/> of the incumbent to the candidate's clause.</summary>
    public double ArticleGain(int issue)
    {
        var changed = Incumbent.With(issue, Candidate[issue]);
        return Profile.Utility(changed) - Profile.Utility(Incumbent);
    }
}

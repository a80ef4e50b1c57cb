using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// A party's strategy in a mediated protocol: how it votes on texts, gives feedback, vetoes
/// changes, agrees to single articles and signs.
/// </summary>
/// <remarks>
/// A voter sees only its own profile and the texts; it never sees another party's profile.
/// Implementations must be deterministic given the <see cref="VoteContext.Random"/> they are handed.
/// </remarks>
public abstract class Voter
{
    /// <summary>The tolerance under which two utilities count as equal.</summary>
    public const double Epsilon = 1e-9;

    /// <summary>The strategy's name as the CLI spells it (truthful, strategic, annealing).</summary>
    public abstract string Name { get; }

    /// <summary>Accept (true) or reject (false) the candidate text in place of the incumbent.</summary>
    public abstract bool Vote(VoteContext context);

    /// <summary>Better, same or worse than the incumbent (feedback protocol). By default, truthful.</summary>
    public virtual Feedback Answer(VoteContext context)
    {
        if (context.CrossesRedLine)
        {
            return Feedback.Worse;
        }

        var gain = context.Gain;
        return gain > Epsilon ? Feedback.Better : gain < -Epsilon ? Feedback.Worse : Feedback.Same;
    }

    /// <summary>The changed articles the party blocks (veto protocol). By default, those whose change alone makes it worse off.</summary>
    public virtual IReadOnlyList<int> Veto(VoteContext context)
    {
        var vetoed = new List<int>();
        for (var i = 0; i < context.Candidate.Count; i++)
        {
            if (context.Candidate[i] != context.Incumbent[i] && BlocksArticle(context, i))
            {
                vetoed.Add(i);
            }
        }

        return vetoed;
    }

    /// <summary>
    /// Whether the party agrees to settle one article (issue-by-issue mode, or a partial agreement). By
    /// default, <see cref="ArticleContext.Acceptable"/>: against the status quo when the scenario states one
    /// (<see cref="StatusQuoArticleAcceptance"/>), else <see cref="ArticleAcceptance.Accepts"/>.
    /// </summary>
    public virtual bool AcceptArticle(ArticleContext context) => context.Acceptable();

    /// <summary>Whether the party signs <paramref name="text"/> as the final agreement: no red line crossed and utility at least its reservation value.</summary>
    public virtual bool Sign(Preferences.Profile profile, Outcome text) => profile.Accepts(text.Levels);

    /// <summary>Whether the party blocks the change of article <paramref name="issue"/> (veto protocol).</summary>
    protected virtual bool BlocksArticle(VoteContext context, int issue) => context.ArticleGain(issue) < -Epsilon;

    /// <inheritdoc />
    public override string ToString() => Name;
}

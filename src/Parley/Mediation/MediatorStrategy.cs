using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// A mediator's strategy for the single negotiating text: how it drafts the next text from the
/// current one, and whether it moves to a text the parties did not all accept.
/// </summary>
/// <remarks>
/// The protocol guarantees that no text crossing a declared red line reaches the parties; the
/// strategies also avoid drafting one. A strategy keeps whatever memory it needs; it is used for
/// one session only.
/// </remarks>
public abstract class MediatorStrategy
{
    /// <summary>The strategy's name as the CLI spells it.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the strategy needs the parties' confided profiles.</summary>
    public virtual bool IsTrusted => false;

    /// <summary>The first text (called once, before any other), or null when no text avoiding every red line exists.</summary>
    public virtual Outcome? Open(MediatorView view) =>
        view.Guard.TryComplete(view.Settled, view.Random, out var o) ? o : null;

    /// <summary>The next text to put to the parties, or null when the strategy has nothing left to propose.</summary>
    public abstract Outcome? Propose(MediatorView view);

    /// <summary>
    /// A trusted mediator's package after the agenda (issue-by-issue mode): the best package across
    /// the open articles that keeps <paramref name="settled"/>, else the best package reopening agreed
    /// articles, by the Nash product of the gains over the reservation values; null when the parties
    /// confided no profiles or no package gives every party its reservation value.
    /// </summary>
    /// <remarks>Called only when <see cref="IsTrusted"/>; every party must then sign the package.</remarks>
    public virtual Outcome? ProposePackage(MediatorView view, PartialOutcome settled) => BestPackage(view, settled, PackageObjective.NashProduct);

    /// <summary>The best package keeping <paramref name="settled"/>, else reopening it, under <paramref name="objective"/> (see <see cref="ProposePackage"/>).</summary>
    protected static Outcome? BestPackage(MediatorView view, PartialOutcome settled, PackageObjective objective)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(settled);
        if (view.ConfidedProfiles is not { } profiles)
        {
            return null;
        }

        var reservations = profiles.Select(p => p.ReservationValue).ToArray();
        return PackageSearch.Best(profiles, view.Guard, settled, reservations, objective, view.Random)?.Outcome
            ?? PackageSearch.Best(profiles, view.Guard, PartialOutcome.AllOpen(view.Domain.IssueCount), reservations, objective, view.Random)?.Outcome;
    }

    /// <summary>
    /// A post-settlement improvement of <paramref name="deal"/> (Raiffa), with the profiles the parties confide for
    /// that step: by default <see cref="PostSettlement.Improve"/>, the red-line-free package every party weakly
    /// prefers with the largest total gain; null when there is none.
    /// </summary>
    public virtual Outcome? PostSettle(MediatorView view, Outcome deal, IReadOnlyList<Preferences.Profile> profiles)
    {
        ArgumentNullException.ThrowIfNull(view);
        return PostSettlement.Improve(profiles, view.Guard, deal, view.Random);
    }

    /// <summary>Whether to make <paramref name="candidate"/> the current text, given how the parties answered.</summary>
    public virtual bool Adopt(MediatorView view, Outcome candidate, BallotTally tally) => tally.Unanimous;

    /// <summary>
    /// A text that changes <paramref name="flips"/> random changeable articles of the current text
    /// to another clause, crossing no declared red line and not tried since the current text was
    /// adopted; null when none is found in a bounded number of draws.
    /// </summary>
    protected static Outcome? Mutate(MediatorView view, int flips, bool avoidTried = true)
    {
        var incumbent = view.Incumbent ?? throw new InvalidOperationException("The mediator has no current text.");
        var mutable = new List<int>();
        for (var i = 0; i < view.Domain.IssueCount; i++)
        {
            if (view.IsMutable(i) && view.Domain.Issues[i].Cardinality > 1)
            {
                mutable.Add(i);
            }
        }

        if (mutable.Count == 0)
        {
            return null;
        }

        flips = Math.Clamp(flips, 1, mutable.Count);
        var levels = new int[incumbent.Count];
        var picked = new int[mutable.Count];
        for (var attempt = 0; attempt < 64; attempt++)
        {
            incumbent.Levels.CopyTo(levels);
            mutable.CopyTo(picked);
            view.Random.Shuffle(picked);
            for (var k = 0; k < flips; k++)
            {
                var issue = picked[k];
                var card = view.Domain.Issues[issue].Cardinality;
                var next = view.Random.Next(card - 1);
                levels[issue] = next >= incumbent[issue] ? next + 1 : next;
            }

            var candidate = new Outcome(levels);
            if (!view.Guard.IsCrossed(levels) && !(avoidTried && view.WasTried(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }
}

using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>
/// A trusted mediator: the parties confide their profiles to it (never to each other); it
/// proposes the package that maximises the Nash product of the gains over the reservation values,
/// or the smallest gain (maximin), never crossing a red line; after a deal it proposes
/// improvements every party weakly prefers (Raiffa's post-settlement settlement).
/// </summary>
/// <remarks>
/// When no package gives every party its reservation value, the opening text is the red-line-free
/// package with the largest smallest gain (the least bad shortfall), which the parties will not
/// sign; the protocol then keeps the articles they can agree on. In issue-by-issue mode it
/// proposes, for the article on the table, the clause in every party's zone of agreement with the
/// best objective of the clause values over the reservation values, and nothing when that zone is empty;
/// with a status quo (<see cref="MediatorView.ConfidedModel"/>), the clauses every party accepts against
/// the status quo (<see cref="StatusQuoArticleAcceptance.Accepts"/>) that keep a complete package acceptable
/// to all, scored by what each gains over the settled articles without it.
/// The ratification-aware variant (<c>ratification-nash</c>) opens with, and after an agenda proposes,
/// the package of the zone of agreement that maximises the Nash product times the probability that every
/// party ratifies it (<see cref="TwoLevelModel.RatificationNashPackage(PartialOutcome)"/>, on the scenario
/// confided with its status quo: <see cref="MediatorView.ConfidedModel"/>); without a status quo it is the
/// Nash mediator.
/// Sources: J. Nash, "The bargaining problem", Econometrica 18 (1950); H. Raiffa, "Post-settlement
/// settlements", Negotiation Journal 1 (1985); the Smartsettle practice of confidential preferences.
/// </remarks>
public sealed class TrustedMediator : MediatorStrategy
{
    /// <summary>Creates a trusted mediator maximising <paramref name="objective"/>.</summary>
    /// <param name="objective">The Nash product or the smallest gain.</param>
    /// <param name="ratificationAware">
    /// Aim at the ratification-aware Nash package instead (Nash product only): the package of the zone of
    /// agreement that maximises the Nash product times the probability that every party ratifies it at home
    /// (<see cref="StatusQuoArticleAcceptance.RatificationAwareObjective"/>), and post-settlement improvements
    /// only when they do not lower that probability.
    /// </param>
    public TrustedMediator(PackageObjective objective = PackageObjective.NashProduct, bool ratificationAware = false)
    {
        if (objective == PackageObjective.SumOfGains)
        {
            throw new ArgumentException("A trusted mediator maximises the Nash product or the smallest gain.", nameof(objective));
        }

        if (ratificationAware && objective != PackageObjective.NashProduct)
        {
            throw new ArgumentException("A ratification-aware mediator maximises the Nash product times the probability of ratification.", nameof(ratificationAware));
        }

        Objective = objective;
        RatificationAware = ratificationAware;
    }

    /// <summary>Whether the mediator aims at the ratification-aware Nash package.</summary>
    public bool RatificationAware { get; }

    /// <summary>What the mediator maximises.</summary>
    public PackageObjective Objective { get; }

    /// <inheritdoc />
    public override string Name => RatificationAware ? "ratification-nash" : Objective == PackageObjective.NashProduct ? "nash" : "maximin";

    /// <inheritdoc />
    public override bool IsTrusted => true;

    /// <inheritdoc />
    public override Outcome? Open(MediatorView view)
    {
        var profiles = Profiles(view);
        if (RatificationPackage(view, view.Settled) is { } aware)
        {
            return aware;
        }

        var reservations = profiles.Select(p => p.ReservationValue).ToArray();
        var best = PackageSearch.Best(profiles, view.Guard, view.Settled, reservations, Objective, view.Random);
        if (best is not null)
        {
            return best.Outcome;
        }

        var unbounded = Enumerable.Repeat(-1e9, profiles.Count).ToArray();
        var fallback = PackageSearch.Best(profiles, view.Guard, view.Settled, unbounded, PackageObjective.Maximin, view.Random);
        return fallback?.Outcome ?? base.Open(view);
    }

    /// <inheritdoc />
    public override Outcome? ProposePackage(MediatorView view, PartialOutcome settled) =>
        RatificationPackage(view, settled) ?? RatificationPackage(view, PartialOutcome.AllOpen(view.Domain.IssueCount)) ?? BestPackage(view, settled, Objective);

    /// <inheritdoc />
    public override Outcome? Propose(MediatorView view)
    {
        var profiles = Profiles(view);
        var incumbent = view.Incumbent ?? throw new InvalidOperationException("The mediator has no current text.");
        if (view.AgendaIssue is { } issue)
        {
            return ProposeClause(view, profiles, incumbent, issue);
        }

        // After the opening package: a post-settlement improvement, if one exists and is new.
        if (!AllSign(profiles, incumbent))
        {
            return null;
        }

        var better = PostSettle(view, incumbent, profiles);
        return better is null || view.WasTried(better) ? null : better;
    }

    /// <inheritdoc />
    /// <remarks>The ratification-aware mediator proposes no improvement at the table that the parties' constituencies are less likely to ratify.</remarks>
    public override Outcome? PostSettle(MediatorView view, Outcome deal, IReadOnlyList<Profile> profiles)
    {
        var better = base.PostSettle(view, deal, profiles);
        return better is not null && RatificationAware && view.ConfidedModel is { } model && model.RatificationAll(better.Levels) < model.RatificationAll(deal.Levels) - 1e-12
            ? null
            : better;
    }

    // The ratification-aware Nash package keeping the settled articles, when the mediator aims at it and the scenario was confided with its status quo and constituencies.
    private Outcome? RatificationPackage(MediatorView view, PartialOutcome settled) =>
        RatificationAware && view.ConfidedModel is { } model && model.RatificationNashPackage(settled) is { } levels ? new Outcome(levels) : null;

    private Outcome? ProposeClause(MediatorView view, IReadOnlyList<Profile> profiles, Outcome incumbent, int issue)
    {
        var bestLevel = -1;
        var bestScore = double.NegativeInfinity;
        var bestSum = double.NegativeInfinity;
        for (var l = 0; l < view.Domain.Issues[issue].Cardinality; l++)
        {
            var candidate = incumbent.With(issue, l);
            if (view.WasTried(candidate) || view.Guard.IsCrossed(view.Settled.Settle(issue, l)))
            {
                continue;
            }

            var product = 1.0;
            var min = double.PositiveInfinity;
            var sum = 0.0;
            var inZone = view.ConfidedModel is not { } model || model.HasAcceptableCompletion(view.Settled.Settle(issue, l));
            for (var k = 0; k < profiles.Count && inZone; k++)
            {
                var p = profiles[k];
                var gain = view.ConfidedModel is { } sq ? StatusQuoArticleAcceptance.Gain(sq, k, view.Settled, issue, l) : ArticleAcceptance.ClauseValue(p, issue, l) - p.ReservationValue;
                if (view.ConfidedModel is { } sqm ? !StatusQuoArticleAcceptance.Accepts(sqm, k, view.Settled, issue, l) : !ArticleAcceptance.MeetsBar(p, issue, l))
                {
                    inZone = false;
                    break;
                }

                gain = Math.Max(gain, 0);
                product *= gain;
                min = Math.Min(min, gain);
                sum += gain;
            }

            var score = Objective == PackageObjective.NashProduct ? product : min;
            if (inZone && (score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && sum > bestSum + 1e-12)))
            {
                bestLevel = l;
                bestScore = score;
                bestSum = sum;
            }
        }

        return bestLevel < 0 ? null : incumbent.With(issue, bestLevel);
    }

    private static bool AllSign(IReadOnlyList<Profile> profiles, Outcome text)
    {
        foreach (var p in profiles)
        {
            if (!p.Accepts(text.Levels))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<Profile> Profiles(MediatorView view) =>
        view.ConfidedProfiles ?? throw new InvalidOperationException("A trusted mediator needs the parties' confided profiles.");
}

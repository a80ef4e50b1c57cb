using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>
/// The built-in agents that can hold a delegation's seat (a person negotiating against an agent, a
/// mediator rehearsing): the mediation voters of <c>Mediation/</c>, voting with the seat's profile.
/// </summary>
/// <remarks>
/// In a round the agent first answers article by article (an article is accepted when the seat
/// would settle it alone: with a status quo, judged against today's situation as the mediation voters
/// judge it, <see cref="StatusQuoArticleAcceptance.Accepts"/>; without one, <see cref="ArticleAcceptance.Accepts"/>), then votes. The first text is accepted when the seat's profile accepts it (not across a red line, at least
/// the reservation value); later texts are put to the voter against the negotiating text in
/// force. The agent signs a text its profile accepts (article by article, an article it would settle), and
/// accepts an offered post-settlement improvement that leaves the seat at least as well off. Randomness (the annealing voter) is seeded by
/// the seat and the round, so a replay of the log is the same.
/// </remarks>
public static class SeatAgents
{
    /// <summary>The agents' names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["truthful", "strategic", "annealing"];

    /// <summary>What the agent holding <paramref name="seat"/> does now, or null (it has nothing to do, or no agent holds the seat).</summary>
    public static CaseCommand? Next(MediationCase @case, int seat)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.AgentOf(seat) is not null && @case.ProfileOf(seat) is { } own && @case.AwaitsImprovementAnswer(seat))
        {
            // An offered improvement is accepted when it leaves the seat at least as well off and crosses none of its red lines.
            var offered = @case.OfferedImprovement!;
            return new AnswerImprovement(!own.RedLines.IsCrossed(offered)
                && PostSettlement.Value(own, offered) >= PostSettlement.Value(own, @case.SignedAgreementBeforeImprovement!));
        }

        if (@case.AgentOf(seat) is not { } name || @case.ProfileOf(seat) is not { } profile || @case.IsClosed)
        {
            return null;
        }

        var state = @case.Protocol;
        if (state.RoundOpen && state.Ballots[seat] is null && state.Candidate is { } candidate)
        {
            if (!@case.HasAnsweredArticles(seat))
            {
                return ArticleAnswers(@case, seat, profile, candidate);
            }

            if (state.Adopted is not { } incumbent)
            {
                return new Vote(profile.Accepts(candidate.Levels));
            }

            var voter = Create(name);
            return new Vote(voter.Vote(new VoteContext(profile, candidate, incumbent, 0, new Random((seat * 7919) + state.Round))));
        }

        if (state.SigningOpen && state.Signatures[seat] is null && state.SigningText is Outcome text)
        {
            // Article by article (after a refused signature), an article is signed when the seat would settle it.
            return new Sign(state.SigningArticle >= 0
                ? AcceptsArticle(SeatView(@case, seat, profile), profile, state.Settled, state.SigningArticle, text[state.SigningArticle])
                : profile.Accepts(text.Levels));
        }

        return null;
    }

    // Article by article first (so the mediator can see what a partial agreement could hold): an
    // article is accepted when the seat would settle it alone (see AcceptsArticle).
    private static AnswerArticles ArticleAnswers(MediationCase @case, int seat, Preferences.Profile profile, Outcome candidate)
    {
        var open = PartialOutcome.AllOpen(@case.Domain.IssueCount);
        var view = SeatView(@case, seat, profile);
        var answers = new ArticleAnswer[@case.Domain.IssueCount];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = new ArticleAnswer(@case.Domain.Issues[i].Name, AcceptsArticle(view, profile, open, i, candidate[i]), "");
        }

        return new AnswerArticles(answers);
    }

    // As the mediation voters judge an article (issue 15): with a status quo, against today's situation
    // on a view holding only this seat's profile (StatusQuoArticleAcceptance); without one, by its bar
    // and red lines alone (ArticleAcceptance).
    private static bool AcceptsArticle(TwoLevelModel? view, Preferences.Profile profile, PartialOutcome settled, int issue, int level) =>
        view is not null
            ? StatusQuoArticleAcceptance.Accepts(view, 0, settled, issue, level)
            : ArticleAcceptance.Accepts(profile, settled, issue, level);

    // The scenario's status quo with the seat's profile as declared, seen by the seat alone; null without a status quo (or a profile the model cannot compile).
    private static TwoLevelModel? SeatView(MediationCase @case, int seat, Preferences.Profile profile)
    {
        if (@case.Scenario is not { StatusQuo: not null } scenario)
        {
            return null;
        }

        var name = @case.Seats[seat];
        var declared = scenario.WithParties(scenario.Parties.Select(p => p.Role == PartyRole.Party && p.Name == name ? p with { Profile = profile } : p));
        var model = StatusQuoArticleAcceptance.ModelFor(declared);
        return model is null ? null : StatusQuoArticleAcceptance.PartyView(model, IndexOf(model.PartyNames, name));
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No party '{name}' in the scenario.");
    }

    private static Voter Create(string name) => name switch
    {
        "strategic" => new StrategicVoter(),
        "annealing" => new AnnealingVoter(),
        _ => new TruthfulVoter(),
    };
}

using System.Buffers;
using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Mediation;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

/// <summary>Per session, whether a post-settlement improvement exists for the agreement and what it gains: journal, CSV, summary, and the switch.</summary>
public sealed class TournamentPostSettlementTests
{
    [SharedFact]
    public void Run_RealSessions_EachAgreementJudgedAgainstTheLibrarysProposal()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2010", "Travel"));
        string[] agents = ["boulware", "conceder", "random"];
        var sessions = new SaopSessions([scenario], agents);
        var plan = new TournamentPlan(new TournamentDefinition(agents, sessions.Scenarios, 2, 200, null, 3));
        var profiles = scenario.WithLinkageAsRedLines().Negotiators.Select(n => n.Profile!).ToArray();
        var improvable = 0;

        for (var i = 0; i < plan.Count; i++)
        {
            var outcome = sessions.Run(plan[i], default);
            if (!outcome.Agreement)
            {
                outcome.PostSettlement.ShouldBeNull();
                continue;
            }

            var post = outcome.PostSettlement.ShouldNotBeNull();
            var agreement = FindAgreement(scenario.Domain, profiles, outcome.Utilities);
            var expected = PostSettlement.Propose(scenario.Domain, ["a", "b"], profiles, [], PartialOutcome.From(agreement));
            post.Improvable.ShouldBe(expected.Improved is not null);
            post.Gains.Count.ShouldBe(2);
            if (post.Improvable)
            {
                improvable++;
                post.Gains.ShouldAllBe(g => g >= 0);
                post.Gains.Max().ShouldBeGreaterThan(1e-9);
                post.Gains.ShouldBe(expected.Gains);
            }
            else
            {
                post.Gains.ShouldAllBe(g => g == 0);
            }
        }

        improvable.ShouldBeGreaterThan(0, "random agreements on Travel leave value on the table");
    }

    [SharedFact]
    public void Run_SwitchedOff_NothingJudgedAndSummarySaysSo()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2010", "Travel"));
        string[] agents = ["boulware", "random"];
        var sessions = new SaopSessions([scenario], agents, postSettlement: false);
        var plan = new TournamentPlan(new TournamentDefinition(agents, sessions.Scenarios, 2, 200, null, 3, PostSettlement: false));
        var folder = SyntheticSessions.TempFolder();

        var report = Tournament.Run(plan, sessions.Run, folder, new TournamentRunOptions(1));

        report.Summary!.Agreements.ShouldBeGreaterThan(0);
        report.Summary.PostSettlement.ShouldBeNull();
        report.Summary.Agents.ShouldAllBe(a => a.PostSettlement == null && a.PostSettlementGain == null);
        File.ReadAllText(Path.Combine(folder, TournamentManifest.FileName)).ShouldContain("\"postSettlement\": false");
        var rows = File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName)).Skip(2).Select(l => l.Split(';')).ToList();
        rows.SelectMany(cells => cells.TakeLast(3)).ShouldAllBe(cell => cell.Length == 0);
    }

    [SharedFact]
    public void Run_Default_CsvAndSummaryCarryTheJudgement()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2010", "Travel"));
        string[] agents = ["conceder", "random"];
        var sessions = new SaopSessions([scenario], agents);
        var plan = new TournamentPlan(new TournamentDefinition(agents, sessions.Scenarios, 3, 200, null, 3));
        var folder = SyntheticSessions.TempFolder();

        var report = Tournament.Run(plan, sessions.Run, folder, new TournamentRunOptions(2));

        var lines = File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName));
        var header = lines[1].Split(';');
        var rows = lines.Skip(2).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
        rows.Where(r => r["Agreement"] == "Yes").ShouldAllBe(r => r["Post-settlement"] == "Yes" || r["Post-settlement"] == "No");
        rows.Where(r => r["Agreement"] == "No").ShouldAllBe(r => r["Post-settlement"] == "" && r["Post-settlement gain 1"] == "");
        rows.Where(r => r["Post-settlement"] == "Yes").ShouldAllBe(r => double.Parse(r["Post-settlement gain 1"], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(r["Post-settlement gain 2"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        var post = report.Summary!.PostSettlement.ShouldNotBeNull();
        post.Judged.ShouldBe(rows.Count(r => r["Agreement"] == "Yes"));
        post.Improvable.ShouldBe(rows.Count(r => r["Post-settlement"] == "Yes"));
        var random = report.Summary.Agents.Single(a => a.Agent == "random");
        random.PostSettlement!.Count.ShouldBe(rows.Count(r => r["Agreement"] == "Yes" && (r["Agent 1"] == "random" || r["Agent 2"] == "random")));
        var json = TournamentSummaryJson.ToJson(report.Summary, plan.Definition);
        json.ShouldContain($"\"judged\": {post.Judged}");
        json.ShouldContain("\"postSettlementGain\": {");
    }

    [Fact]
    public void Run_MediatedSessions_AgreementsAndPartialAgreementsJudgedOnTheirArticles()
    {
        var scenario = Parley.Formats.BuiltInScenarios.Load("israel-syria-2026");
        var sessions = new MediatedSessions([scenario], ["hill-climbing", "nash"], ["truthful", "strategic"]);
        var plan = new TournamentPlan(new TournamentDefinition(["truthful", "strategic"], sessions.Scenarios, 1, 40, null, 3, ["hill-climbing", "nash"], SelfPlay: true, Protocol: "mediated:votes"));
        var judged = 0;

        for (var i = 0; i < plan.Count; i++)
        {
            var outcome = sessions.Run(plan[i], default);

            if (outcome.EndReason is EndReasons.Agreement or EndReasons.Partial)
            {
                var post = outcome.PostSettlement.ShouldNotBeNull();
                judged++;
                post.Gains.Count.ShouldBe(2);
                post.Gains.ShouldAllBe(g => g >= 0);
                (post.Improvable == post.Gains.Sum() > 1e-9).ShouldBeTrue();
            }
            else
            {
                outcome.PostSettlement.ShouldBeNull();
            }
        }

        judged.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Journal_PostSettlement_RoundTripsAndOldLinesReadAsNotJudged()
    {
        var outcome = new SessionOutcome(3, true, 2, false, [0.5, 0.6], [0.5, 0.6], 0.1, 0.2, 1.1, EndReasons.Agreement) { PostSettlement = new SessionPostSettlement(true, [0.1 + 0.2, 0]) };
        var buffer = new ArrayBufferWriter<byte>();

        SessionRecordJson.WriteLine(buffer, new SessionRecord(7, 1, TimeSpan.Zero, outcome));
        var read = SessionRecordJson.Read(buffer.WrittenSpan[..^1]);
        var old = SessionRecordJson.Read("""{"id":7,"seed":1,"runTime":0,"rounds":3,"agreement":true,"agreeing":2,"discounted":false,"utilities":[0.5,0.6],"discountedUtilities":[0.5,0.6],"distanceToPareto":0.1,"distanceToNash":0.2,"socialWelfare":1.1,"endReason":"agreement","exception":null,"failedRole":null}"""u8);

        read.Outcome.PostSettlement!.Improvable.ShouldBeTrue();
        read.Outcome.PostSettlement.Gains.ShouldBe([0.1 + 0.2, 0]);
        old.Outcome.PostSettlement.ShouldBeNull();
    }

    // An outcome with the session's utilities: the proposal depends on the agreement only through them
    // (the floors of the search), so any outcome with the same utilities stands for it.
    private static Outcome FindAgreement(Domain domain, Parley.Preferences.Profile[] profiles, IReadOnlyList<double> utilities)
    {
        foreach (var outcome in domain.EnumerateOutcomes())
        {
            if (profiles[0].Utility(outcome) == utilities[0] && profiles[1].Utility(outcome) == utilities[1])
            {
                return outcome;
            }
        }

        throw new InvalidOperationException("no outcome has the session's utilities");
    }
}

using Parley.Agents;
using Parley.Formats.Genius;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class SaopTournamentTests
{
    [SharedFact]
    public void Run_CrashingAndHangingAgents_BothRecordedAgainstThemAndTournamentCompletes()
    {
        // Arrange: two test-only agents added through the resolver, beside two built-in ones.
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2010", "Travel"));
        Func<IAgent> Resolve(string id) => id switch
        {
            "crasher" => () => new CrashingAgent(),
            "hanger" => () => new HangingAgent(),
            _ => AgentRegistry.Factory(id),
        };
        string[] agents = ["boulware", "crasher", "hanger", "conceder"];
        var sessions = new SaopSessions([scenario], agents, Resolve, actionTimeLimit: TimeSpan.FromSeconds(1));
        var plan = new TournamentPlan(new TournamentDefinition(agents, sessions.Scenarios, 1, 200, null, 5));
        var folder = SyntheticSessions.TempFolder();
        sessions.Run(plan[plan.Count - 1], default); // conceder against boulware: builds the outcome indexes and JIT-compiles outside the time limit

        // Act
        var report = Tournament.Run(plan, sessions.Run, folder, new TournamentRunOptions(2, TimeSpan.FromSeconds(30)));

        // Assert
        report.Run.Completed.ShouldBeTrue();
        var rows = File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName)).Skip(2).Select(Row.Parse).ToList();
        rows.Count.ShouldBe(12);
        var crasherSessions = rows.Where(r => r.Seats("crasher")).ToList();
        crasherSessions.Count.ShouldBe(6);
        crasherSessions.ShouldAllBe(r => r.EndReason == "failure");
        // Between crasher and hanger, whoever acts first fails first; elsewhere the culprit is certain.
        crasherSessions.Where(r => !r.Seats("hanger")).ShouldAllBe(r => r.FailedAgent == "crasher" && r.Exception.Contains("crashed on purpose"));
        rows.Where(r => r.Seats("hanger") && !r.Seats("crasher")).ShouldAllBe(r => r.EndReason == "failure" && r.FailedAgent == "hanger" && r.Exception.StartsWith("Timeout"));
        rows.Where(r => !r.Seats("hanger") && !r.Seats("crasher")).ShouldAllBe(r => r.EndReason != "failure" && r.Exception.Length == 0);
        report.Summary!.Agents.Single(a => a.Agent == "crasher").Failures.ShouldBeGreaterThanOrEqualTo(4);
        report.Summary.Agents.Single(a => a.Agent == "hanger").Failures.ShouldBeGreaterThanOrEqualTo(4);
        rows.Count(r => r.FailedAgent.Length > 0).ShouldBe(10);
        report.Summary.Failures.ShouldBe(10);
    }

    [SharedFact]
    public void Run_RealSessions_AnalysisSharedAndMetricsFilled()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2010", "Travel"));
        string[] agents = ["boulware", "conceder", "hardliner"];
        var sessions = new SaopSessions([scenario], agents);
        var plan = new TournamentPlan(new TournamentDefinition(agents, sessions.Scenarios, 2, 300, null, 1));

        var outcome = sessions.Run(plan[0], default);
        var folder = SyntheticSessions.TempFolder();
        var report = Tournament.Run(plan, sessions.Run, folder, new TournamentRunOptions(2));

        outcome.Agreement.ShouldBeTrue();
        double.IsNaN(outcome.DistanceToPareto).ShouldBeFalse();
        double.IsNaN(outcome.DistanceToNash).ShouldBeFalse();
        outcome.SocialWelfare.ShouldBe(outcome.Utilities.Sum(), 1e-12);
        report.Summary!.Sessions.ShouldBe(12);
        report.Summary.Agents.Single(a => a.Agent == "hardliner").DiscountedUtility.Mean.ShouldBeGreaterThan(report.Summary.Agents.Single(a => a.Agent == "conceder").DiscountedUtility.Mean);
    }

    private sealed record Row(string Line, string Exception, string EndReason, string FailedAgent)
    {
        public bool Seats(string agent) => Line.Contains(";" + agent + ";", StringComparison.Ordinal);

        public static Row Parse(string line)
        {
            var cells = line.Split(';');
            // End reason and Failed agent come before the post-settlement columns (Post-settlement, and a gain per seat of the two).
            return new Row(line, cells[2].Trim('"'), cells[^5], cells[^4]);
        }
    }

    private sealed class CrashingAgent : IAgent
    {
        public void Start(AgentContext context)
        {
        }

        public AgentAction Act(NegotiationState state) => throw new InvalidOperationException("crashed on purpose");
    }

    private sealed class HangingAgent : IAgent
    {
        private AgentContext? _context;

        public void Start(AgentContext context) => _context = context;

        public AgentAction Act(NegotiationState state)
        {
            _context!.Cancellation.WaitHandle.WaitOne(); // never returns on its own
            throw new OperationCanceledException();
        }
    }
}

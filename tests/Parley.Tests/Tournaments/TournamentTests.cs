using System.Text.Json;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class TournamentTests
{
    [Fact]
    public void Run_ParallelOneAndTwo_IdenticalResults()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition());
        var one = SyntheticSessions.TempFolder();
        var two = SyntheticSessions.TempFolder();

        var a = Tournament.Run(plan, SyntheticSessions.Run, one, new TournamentRunOptions(1));
        var b = Tournament.Run(plan, SyntheticSessions.Run, two, new TournamentRunOptions(2));

        a.Run.Ran.ShouldBe(plan.Count);
        b.Run.Ran.ShouldBe(plan.Count);
        SyntheticSessions.CsvWithoutRunTime(two).ShouldBe(SyntheticSessions.CsvWithoutRunTime(one));
        File.ReadAllText(Path.Combine(two, "summary.json")).ShouldBe(File.ReadAllText(Path.Combine(one, "summary.json")));
        File.ReadAllText(Path.Combine(two, "heatmap.svg")).ShouldBe(File.ReadAllText(Path.Combine(one, "heatmap.svg")));
    }

    [Fact]
    public void Run_InterruptedThenResumed_SameResultsAsUninterrupted()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition());
        var reference = SyntheticSessions.TempFolder();
        Tournament.Run(plan, SyntheticSessions.Run, reference, new TournamentRunOptions(2));
        var folder = SyntheticSessions.TempFolder();
        using var cancel = new CancellationTokenSource();
        var started = 0;
        SessionOutcome Interrupting(SessionSpec spec, CancellationToken ct)
        {
            if (Interlocked.Increment(ref started) == 20)
            {
                cancel.Cancel();
            }

            return SyntheticSessions.Run(spec, ct);
        }

        var first = Tournament.Run(plan, Interrupting, folder, new TournamentRunOptions(2), cancellationToken: cancel.Token);
        var csvAfterInterruption = File.Exists(Path.Combine(folder, TournamentResults.CsvFileName));
        var ranInSecond = 0;
        var second = Tournament.Run(plan, (s, ct) => { Interlocked.Increment(ref ranInSecond); return SyntheticSessions.Run(s, ct); }, folder, new TournamentRunOptions(2));

        first.Run.Cancelled.ShouldBeTrue();
        first.Summary.ShouldBeNull();
        csvAfterInterruption.ShouldBeFalse();
        first.Run.Ran.ShouldBeLessThan(plan.Count);
        second.Run.Resumed.ShouldBe(first.Run.Ran);
        ranInSecond.ShouldBe((int)(plan.Count - first.Run.Ran));
        SyntheticSessions.CsvWithoutRunTime(folder).ShouldBe(SyntheticSessions.CsvWithoutRunTime(reference));
        File.ReadAllText(Path.Combine(folder, "summary.json")).ShouldBe(File.ReadAllText(Path.Combine(reference, "summary.json")));
    }

    [Fact]
    public void Run_CompletedTournamentRunAgain_RunsNothingAndRewritesSameResults()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition(repetitions: 1));
        var folder = SyntheticSessions.TempFolder();
        Tournament.Run(plan, SyntheticSessions.Run, folder, new TournamentRunOptions(2));
        var before = SyntheticSessions.CsvWithoutRunTime(folder);

        var again = Tournament.Run(plan, (_, _) => throw new InvalidOperationException("must not run"), folder, new TournamentRunOptions(2));

        again.Run.Ran.ShouldBe(0);
        again.Run.Resumed.ShouldBe(plan.Count);
        SyntheticSessions.CsvWithoutRunTime(folder).ShouldBe(before);
    }

    [Fact]
    public void Run_FolderOfAnotherTournament_ThrowsInputExceptionNamingTheDifference()
    {
        var folder = SyntheticSessions.TempFolder();
        Tournament.Run(new TournamentPlan(SyntheticSessions.Definition(repetitions: 1, seed: 1)), SyntheticSessions.Run, folder, new TournamentRunOptions(1));

        var ex = Should.Throw<InputException>(() => Tournament.Run(new TournamentPlan(SyntheticSessions.Definition(repetitions: 1, seed: 2)), SyntheticSessions.Run, folder, new TournamentRunOptions(1)));

        ex.Message.ShouldContain("$.seed");
    }

    [Fact]
    public void Run_CrashingAndHangingAgents_BothRecordedAndTournamentCompletes()
    {
        var definition = new TournamentDefinition(["steady", "crasher", "hanger"], [new TournamentScenario("S", ["p", "q"], [0.25, 0.5])], 1, 100, null, 7);
        var plan = new TournamentPlan(definition);
        var folder = SyntheticSessions.TempFolder();
        SessionOutcome Faulty(SessionSpec spec, CancellationToken ct)
        {
            if (spec.Agents.Contains("crasher"))
            {
                throw new InvalidOperationException("crasher failed on purpose");
            }

            if (spec.Agents.Contains("hanger"))
            {
                ct.WaitHandle.WaitOne(); // hangs until the watchdog gives up on the session
                return SyntheticSessions.Run(spec, ct);
            }

            return SyntheticSessions.Run(spec, ct);
        }

        var report = Tournament.Run(plan, Faulty, folder, new TournamentRunOptions(2, TimeSpan.FromMilliseconds(300)));

        report.Run.Completed.ShouldBeTrue();
        report.Summary.ShouldNotBeNull();
        var rows = File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName)).Skip(2).ToList();
        rows.Count.ShouldBe(6);
        rows.Count(r => r.Contains("crasher failed on purpose", StringComparison.Ordinal)).ShouldBe(4); // crasher vs steady, vs hanger, both ways
        rows.Count(r => r.Contains("TimeoutException", StringComparison.Ordinal)).ShouldBe(2); // steady vs hanger, both ways
        rows.Count(r => r.Contains(";agreement;", StringComparison.Ordinal) || r.Contains(";deadline;", StringComparison.Ordinal)).ShouldBe(0);
        report.Summary.Failures.ShouldBe(6);
    }

    [Fact]
    public void Run_WorkerHangsAfterFinishingOthers_TheirRecordsAreStillJournaled()
    {
        // A worker hands its records over in batches: the ones it finished before it hung on the last
        // session must reach the journal all the same (the watchdog hands them over).
        var plan = new TournamentPlan(SyntheticSessions.Definition(repetitions: 1, seed: 3));
        var last = plan.Count - 1;
        var folder = SyntheticSessions.TempFolder();
        SessionOutcome HangsOnLast(SessionSpec spec, CancellationToken ct)
        {
            if (spec.Id == last)
            {
                ct.WaitHandle.WaitOne();
            }

            return SyntheticSessions.Run(spec, ct);
        }

        var report = Tournament.Run(plan, HangsOnLast, folder, new TournamentRunOptions(1, TimeSpan.FromMilliseconds(300)));

        report.Run.Completed.ShouldBeTrue();
        var rows = File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName)).Skip(2).ToList();
        rows.Count.ShouldBe((int)plan.Count);
        rows.Count(r => r.Contains("TimeoutException", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void Write_Summary_JsonHasPerAgentStatisticsWithIntervals()
    {
        var plan = new TournamentPlan(SyntheticSessions.Definition());
        var folder = SyntheticSessions.TempFolder();

        var report = Tournament.Run(plan, SyntheticSessions.Run, folder, new TournamentRunOptions(2));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));

        var agents = json.RootElement.GetProperty("agents");
        agents.GetArrayLength().ShouldBe(4);
        var first = agents[0];
        first.GetProperty("agent").GetString().ShouldBe("boulware");
        var utility = first.GetProperty("discountedUtility");
        var low = utility.GetProperty("ci95")[0].GetDouble();
        var high = utility.GetProperty("ci95")[1].GetDouble();
        var mean = utility.GetProperty("mean").GetDouble();
        low.ShouldBeLessThan(mean);
        high.ShouldBeGreaterThan(mean);
        // boulware plays 2 scenarios × 3 ordered opponents × 2 roles... : every session it sits in.
        first.GetProperty("sessions").GetInt64().ShouldBe(report.Summary!.Agents[0].Sessions);
        report.Summary.Agents.Sum(a => a.Sessions).ShouldBe((2 * 12 * 3 * 2) + (4 * 3 * 3 * 3));
        File.ReadAllText(Path.Combine(folder, "scores.svg")).ShouldStartWith("<svg");
    }

    [Fact]
    public void Csv_Header_HasGeniusColumnsThenParleys()
    {
        var header = TournamentCsv.Header(2).Split('\n');

        header[0].ShouldBe("sep=;");
        header[1].ShouldBe("Run time (s);Round;Exception;deadline;Agreement;Discounted;#agreeing;min.util.;max.util.;Dist. to Pareto;Dist. to Nash;Social Welfare;Agent 1;Agent 2;Utility 1;Utility 2;Disc. Util. 1;Disc. Util. 2;Profile 1;Profile 2;Session;Scenario;Mediator;Repetition;Seed;End reason;Failed agent;Post-settlement;Post-settlement gain 1;Post-settlement gain 2");
    }
}

using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Traces;
using Parley.Scenarios;

namespace Parley.Tests.Protocols.Traces;

/// <summary>A trace file is streamed while the session runs (issue 14: a trace is never kept whole in memory) and says exactly what the in-memory writers say.</summary>
public sealed class TraceFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("parley-trace-");

    public void Dispose() => _dir.Delete(true);

    // Nobody accepts (no utility reaches 1.1): every round is played, so the trace outgrows the file buffers.
    private static SessionResult Run(Scenario scenario, SessionOptions options) =>
        Saop.Run(scenario, [new BoaAgent(new TimeDependentBidding(BuiltInAgents.BoulwareE), new AcConst(1.1)), new BoaAgent(new TimeDependentBidding(1), new AcConst(1.1))], options);

    [Theory]
    [InlineData("trace.csv")]
    [InlineData("trace.json")]
    public void Streamed_KeepsNoTraceInMemory_AndWritesWhatTheInMemoryWriterWrites(string name)
    {
        var scenario = SessionFixtures.Multilateral(2, 2);
        var options = new SessionOptions { Deadline = new Deadline(2000, null), Seed = 1 };
        var path = Path.Combine(_dir.FullName, name);
        var expectedPath = Path.Combine(_dir.FullName, "expected-" + name);

        SessionResult streamed;
        using (var trace = TraceFile.Create(path, scenario.Domain, [.. scenario.Negotiators.Select(n => n.Name)]))
        {
            streamed = Run(scenario, options with { RecordTrace = false, Observer = trace });
            trace.Count.ShouldBe(4000);
            File.Exists(path).ShouldBeFalse(); // under its temporary name until complete
            new FileInfo(path + ".partial").Length.ShouldBeGreaterThan(0); // rows went out while the session ran
            trace.Complete(streamed);
        }

        var kept = Run(scenario, options with { RecordTrace = true });
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            using var writer = new StreamWriter(expectedPath, false, new System.Text.UTF8Encoding(false));
            TraceCsvWriter.Write(kept.Trace!, writer);
        }
        else
        {
            using var stream = File.Create(expectedPath);
            TraceJsonWriter.Write(kept, scenario.Domain, stream);
        }

        streamed.Trace.ShouldBeNull();
        File.ReadAllText(path).ShouldBe(File.ReadAllText(expectedPath));
        File.Exists(path + ".partial").ShouldBeFalse();
    }

    [Fact]
    public void Unfinished_LeavesNoFileBehind()
    {
        var scenario = SessionFixtures.Multilateral(2, 2);
        var path = Path.Combine(_dir.FullName, "interrupted.json");

        using (var trace = TraceFile.Create(path, scenario.Domain, [.. scenario.Negotiators.Select(n => n.Name)]))
        {
            Run(scenario, new SessionOptions { Deadline = new Deadline(10, null), Seed = 1, Observer = trace });
        }

        File.Exists(path).ShouldBeFalse();
        File.Exists(path + ".partial").ShouldBeFalse();
    }

    [Fact]
    public void Create_OtherEnding_IsRefused()
    {
        var scenario = SessionFixtures.Multilateral(2, 2);

        Should.Throw<ArgumentException>(() => TraceFile.Create(Path.Combine(_dir.FullName, "trace.txt"), scenario.Domain, ["a", "b"]));
    }
}

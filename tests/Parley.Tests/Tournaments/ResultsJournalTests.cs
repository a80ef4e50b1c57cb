using System.Buffers;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class ResultsJournalTests
{
    [Fact]
    public void Read_WrittenRecord_RoundTripsExactly()
    {
        var outcome = new SessionOutcome(17, false, 0, true, [0.1 + 0.2, 1.0 / 3], [0.25, double.NaN], double.NaN, 0.125, 0.6, EndReasons.Failure, "Boom; \"quoted\"\nnext", 1);
        var record = new SessionRecord(42, 123456, TimeSpan.FromMilliseconds(1.5), outcome);
        var buffer = new ArrayBufferWriter<byte>();

        SessionRecordJson.WriteLine(buffer, record);
        var line = buffer.WrittenSpan[..^1];
        var read = SessionRecordJson.Read(line);

        buffer.WrittenSpan[^1].ShouldBe((byte)'\n');
        line.IndexOf((byte)'\n').ShouldBe(-1);
        read.Id.ShouldBe(42);
        read.Seed.ShouldBe(123456);
        read.Outcome.Utilities.ShouldBe([0.1 + 0.2, 1.0 / 3]);
        double.IsNaN(read.Outcome.DiscountedUtilities[1]).ShouldBeTrue();
        double.IsNaN(read.Outcome.DistanceToPareto).ShouldBeTrue();
        read.Outcome.Exception.ShouldBe(outcome.Exception);
        read.Outcome.FailedRole.ShouldBe(1);
        SessionRecordJson.ReadId(line).ShouldBe(42);
    }

    [Fact]
    public void Open_TornLastLine_CutsItOffAndKeepsCompleteRecords()
    {
        var folder = SyntheticSessions.TempFolder();
        var path = Path.Combine(folder, "journal.jsonl");
        var plan = new TournamentPlan(SyntheticSessions.Definition(repetitions: 1));
        using (var journal = ResultsJournal.Open(path, plan.Count))
        {
            journal.Append(new SessionRecord(0, plan[0].Seed, TimeSpan.Zero, SyntheticSessions.Run(plan[0], default)));
            journal.Append(new SessionRecord(1, plan[1].Seed, TimeSpan.Zero, SyntheticSessions.Run(plan[1], default)));
        }

        var complete = new FileInfo(path).Length;
        File.AppendAllText(path, "{\"id\":2,\"seed\":");

        using (var reopened = ResultsJournal.Open(path, plan.Count))
        {
            reopened.FinishedCount.ShouldBe(2);
            reopened.IsFinished(1).ShouldBeTrue();
            reopened.IsFinished(2).ShouldBeFalse();
        }

        new FileInfo(path).Length.ShouldBe(complete);
    }

    [Fact]
    public void Open_CorruptMiddleLine_ThrowsInputExceptionWithLine()
    {
        var folder = SyntheticSessions.TempFolder();
        var path = Path.Combine(folder, "journal.jsonl");
        File.WriteAllText(path, "not json\n{\"id\":0}\n");

        Should.Throw<InputException>(() => ResultsJournal.Open(path, 10)).Message.ShouldContain("line 1");
    }
}

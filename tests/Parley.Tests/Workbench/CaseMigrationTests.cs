using Parley.Protocols;
using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>Logs stored before the rounds ran on the engine: recognised, migrated by re-deriving the engine's events, refused with the event's sequence when the engine does not reproduce them.</summary>
public sealed class CaseMigrationTests
{
    private static readonly Audience[] Audiences = [Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1)];

    [Fact]
    public void Replay_PreEngineLog_FoldsIntoACaseWhoseEngineNeverStarted()
    {
        var log = CaseJson.Import(PreEngineLogs.Running);

        var c = MediationCase.Replay(log);

        // What loading such a log did before the migration: no error, and a state that is wrong.
        MediationCase.PredatesEngine(log).ShouldBeTrue();
        c.Protocol.Round.ShouldBe(0);
        c.Protocol.Adopted.ShouldBeNull();
        c.Engine.Engine.IsStarted.ShouldBeFalse();
    }

    [Fact]
    public void Migrate_PreEngineLog_RederivesEveryRoundVoteAndSignatureOnTheEngine()
    {
        var log = CaseJson.Import(PreEngineLogs.Declined);

        var c = MediationCase.Migrate(log);

        c.Version.ShouldBe(23);
        c.Protocol.Round.ShouldBe(4);
        c.Protocol.Adopted.ShouldNotBeNull();
        c.TextOf(c.Protocol.Adopted).ShouldBe(new Dictionary<string, string> { ["Border"] = "b", ["Water"] = "x" });
        c.IsClosed.ShouldBeTrue();
        c.Protocol.Agreement.ShouldBeFalse();
        c.Engine.Engine.Rounds.Select(r => r.Adopted).ShouldBe([false, false, false, true]);
        c.Records.Select(r => (r.Sequence, r.At, r.Event.Kind)).ShouldBe(log.Select(r => (r.Sequence, r.At, r.Event.Kind)));
        foreach (var (migrated, stored) in c.Records.Zip(log))
        {
            CaseJson.Serialize(migrated.Event with { Engine = null }).ShouldBe(CaseJson.Serialize(stored.Event));
        }

        c.Records.Where(r => r.Event is RoundOpened or BallotCast or SigningOpened).ShouldAllBe(r => r.Event.Engine != null && r.Event.Engine.Count > 0);
    }

    [Fact]
    public void Migrate_RunningPreEngineCase_GoesOnAsACaseOnTheEngine()
    {
        var log = CaseJson.Import(PreEngineLogs.Running);
        var c = MediationCase.Migrate(log);
        var at = log[^1].At.AddMinutes(5);

        var opened = c.Decide(Audience.Mediator, new OpenSigning(), at);
        opened.Accepted.ShouldBeTrue(opened.Message);
        var v = c.Version;
        foreach (var e in opened.Events)
        {
            c.Apply(new CaseRecord(++v, at, e));
        }

        foreach (var seat in new[] { 0, 1 })
        {
            var signed = c.Decide(Audience.Delegation(seat), new Sign(true), at);
            signed.Accepted.ShouldBeTrue(signed.Message);
            foreach (var e in signed.Events)
            {
                c.Apply(new CaseRecord(++v, at, e));
            }
        }

        c.IsClosed.ShouldBeTrue();
        c.Protocol.Agreement.ShouldBeTrue();

        // The mixed log (old events, then the engine's) migrates again to the same case.
        var again = MediationCase.Migrate(CaseJson.Import(CaseJson.Export(c.Records.Select(r => r.Sequence <= log.Count ? log[(int)r.Sequence - 1] : r))));
        foreach (var a in Audiences)
        {
            ViewJson(again, a).ShouldBe(ViewJson(c, a));
        }
    }

    [Fact]
    public void Migrate_LogTheEngineDoesNotReproduce_IsRefusedWithTheEventsSequence()
    {
        var log = CaseJson.Import(PreEngineLogs.Tampered);

        var e = Should.Throw<InvalidLogException>(() => MediationCase.Migrate(log));

        e.Sequence.ShouldBe(10);
        e.Message.ShouldContain("round-closed");
        e.Message.ShouldNotContain("\"yes\"");   // names kinds, never a ballot's content
    }

    [Fact]
    public void Migrate_LogOnTheEngine_IsNotAPreEngineLog()
    {
        var c = Open();

        MediationCase.PredatesEngine(c.Records).ShouldBeFalse();
        Should.Throw<InvalidLogException>(() => MediationCase.Migrate(c.Records));
    }
}

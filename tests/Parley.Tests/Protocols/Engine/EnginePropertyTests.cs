using CsCheck;
using Parley.Agents;
using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Protocols;
using Parley.Protocols.Log;
using Parley.Protocols.Views;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Protocols.Engine;

/// <summary>
/// Properties every protocol must hold for any sequence of submitted actions, valid or not:
/// refusals change nothing, the log replays to the identical state, the log survives its file
/// format, accepted offers never cross the submitter's declared red line, and views hold no other
/// party's private data.
/// </summary>
public sealed class EnginePropertyTests
{
    private sealed record Submission(int Actor, ActionKind Kind, int[] Levels, int Value, bool ValidOutcome, int Pick);

    private static readonly Gen<(Scenario Scenario, Submission[] Script, int Rounds)> Cases =
        Gen.Int[2, 3].SelectMany(parties => ModelGen.Scenario(parties, maxIssues: 3, withRedLines: true, allowReal: false)).SelectMany(scenario =>
            Gen.Select(
                Gen.Select(
                    Gen.Int[-1, scenario.Negotiators.Count],
                    Gen.Int[0, Enum.GetValues<ActionKind>().Length - 1],
                    Gen.Int[-1, 6].Array[scenario.Domain.IssueCount],
                    Gen.Int[-1, 3],
                    Gen.Int[0, 9],
                    Gen.Int[0, 9],
                    (actor, kind, levels, value, valid, pick) => new Submission(actor, (ActionKind)kind, levels, value, valid < 8, pick)).Array[0, 80],
                Gen.Int[1, 8],
                (script, rounds) => (scenario, script, rounds)));

    [Fact]
    public void Saop_AnySubmissions_HoldTheEngineProperties() =>
        Cases.Sample(c => Check(c.Scenario, c.Script, new SaopNegotiation(NegotiationSetup.For(c.Scenario, new Deadline(c.Rounds, null)))), iter: 300);

    [Fact]
    public void Mopac_AnySubmissions_HoldTheEngineProperties() =>
        Cases.Sample(c => Check(c.Scenario, c.Script, new MopacNegotiation(NegotiationSetup.For(c.Scenario, new Deadline(c.Rounds, null)))), iter: 300);

    private static void Check(Scenario scenario, Submission[] script, Negotiation n)
    {
        var log = new EventCollector();
        n.Observe(log);
        n.Start();
        var states = new List<(long Events, string State)> { (n.EventCount, StateText.Of(n)) };
        var domain = scenario.Domain;
        var offered = new List<Outcome>();
        foreach (var raw in script)
        {
            // Most steps steer to an actor that may act and a kind it may submit, so sessions go deep.
            var s = raw;
            var awaiting = n.Awaiting();
            if (raw.Pick >= 3 && awaiting.Count > 0)
            {
                var actor = awaiting[(raw.Value + 1) % awaiting.Count];
                var kinds = Enum.GetValues<ActionKind>().Where(k => (n.Allowed(actor) & (ActionKinds)(1 << (int)k)) != 0).ToArray();
                s = raw with { Actor = actor, Kind = kinds[raw.Pick % kinds.Length] };
            }

            var action = ToAction(s, domain, n, offered);
            var before = StateText.Of(n);
            var count = n.EventCount;
            var result = n.Submit(s.Actor, action);
            if (!result.Accepted)
            {
                // A refusal changes nothing (a deadline found passed is recorded, and only then).
                if (result.EventCount == 0)
                {
                    StateText.Of(n).ShouldBe(before);
                }
                else
                {
                    result.Refusal.ShouldBe(RefusalKind.SessionOver);
                }
            }
            if (result.EventCount > 0)
            {
                states.Add((n.EventCount, StateText.Of(n)));
            }

            if (result.Accepted)
            {
                (n.EventCount - count).ShouldBe(result.EventCount);
                if (action.Kind == ActionKind.Offer && action.Outcome is { } o)
                {
                    offered.Add(o);
                    scenario.Negotiators[s.Actor].Profile!.CrossesRedLine(o.Levels).ShouldBeFalse();
                }
            }
        }

        // The log replays to the identical state, event for event.
        var replayed = n is SaopNegotiation ? (Negotiation)new SaopNegotiation(n.Setup) : new MopacNegotiation(n.Setup);
        var again = new EventCollector();
        replayed.Observe(again);
        replayed.Replay(log.Events);
        StateText.Of(replayed).ShouldBe(StateText.Of(n));
        again.Events.ShouldBe(log.Events);

        // Every prefix replays too: the state after it is the state the run had after that step
        // (a prefix cut inside a step is completed with the events the step derives).
        for (var cut = 0; cut <= log.Events.Count; cut++)
        {
            var prefix = n is SaopNegotiation ? (Negotiation)new SaopNegotiation(n.Setup) : new MopacNegotiation(n.Setup);
            prefix.Replay(log.Events.Take(cut).ToList());
            if (cut == 0)
            {
                prefix.EventCount.ShouldBe(0);
                continue;
            }

            StateText.Of(prefix).ShouldBe(states.First(st => st.Events >= cut).State);
        }

        // The file format keeps every event.
        using var file = new MemoryStream();
        using (var writer = new NegotiationLogWriter(file, new NegotiationLogHeader(n.Protocol, ParleyScenarioWriter.ToJson(scenario), n.Setup.Parties, null, n.Setup.Deadline, 0, new Dictionary<string, string>()), ownsStream: false))
        {
            foreach (var e in log.Events)
            {
                writer.OnEvent(n, e);
            }
        }

        file.Position = 0;
        var read = NegotiationLog.Read(file, "generated.jsonl");
        read.Events.ShouldBe(log.Events);

        // A party's view of the setup holds its own profile and no other; offer protocols hide nothing else.
        for (var p = 0; p < n.Setup.PartyCount; p++)
        {
            var view = NegotiationViews.For(Audience.OfParty(p), n.Setup, ViewPolicy.Open);
            for (var q = 0; q < n.Setup.PartyCount; q++)
            {
                (view.Profiles[q] is null).ShouldBe(q != p);
            }
        }
    }

    private static NegotiationAction ToAction(Submission s, Domain domain, Negotiation n, List<Outcome> offered)
    {
        Outcome outcome;
        if (s.ValidOutcome)
        {
            var levels = new int[domain.IssueCount];
            for (var i = 0; i < levels.Length; i++)
            {
                levels[i] = Math.Abs(s.Levels[i]) % domain.Issues[i].Cardinality;
            }

            outcome = new Outcome(levels);
        }
        else
        {
            outcome = new Outcome(s.Levels);
        }

        return s.Kind switch
        {
            ActionKind.Offer => NegotiationAction.Offer(outcome),
            ActionKind.Accept => s.Pick < 5 ? NegotiationAction.Accept() : NegotiationAction.Accept(outcome),
            ActionKind.Votes when n is MopacNegotiation m => NegotiationAction.CastVotes(
                m.Offers.Where(o => o is not null).Select((o, i) => new MopacVote(i == s.Pick % 3 ? outcome : o!, 2 + (s.Value & 1), 2 + s.Pick % 3)).ToArray()),
            _ => new NegotiationAction(s.Kind, s.Pick < 3 ? outcome : null, s.Value),
        };
    }
}

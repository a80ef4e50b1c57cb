using CsCheck;
using Parley.Agents;
using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Mediation;

/// <summary>
/// Property tests of the single-text state machine: any sequence of submitted actions, valid or
/// not, leaves a state that replays identically from its log; refusals change nothing; the
/// mediator's text never crosses a declared red line.
/// </summary>
public sealed class SingleTextPropertyTests
{
    // One step of a generated session: whom to submit as, what kind of action, and its raw material.
    private sealed record Step(bool Guided, int Actor, int Kind, int Value, int[] Levels, int Article, int[] Vetoes);

    private static Gen<Step> StepGen(int issues) =>
        Gen.Select(Gen.Int[0, 9], Gen.Int[-1, 4], Gen.Int[0, 11], Gen.Int[-1, 3], Gen.Int[-1, 3].Array[issues], Gen.Int[-2, issues], Gen.Int[-1, issues].Array[0, 2])
            .Select((g, actor, kind, value, levels, article, vetoes) => new Step(g < 8, actor, kind, value, levels, article, vetoes));

    private static Gen<(Scenario Scenario, bool[] Declared, SingleTextSettings Settings, int Rounds, Step[] Steps)> SessionGen =>
        ModelGen.Scenario(parties: 3, maxIssues: 4, withRedLines: true, allowReal: false).SelectMany(scenario =>
            Gen.Select(
                Gen.Bool.Array[3],
                Gen.Int[0, 2],
                Gen.Bool,
                Gen.Bool,
                Gen.Bool,
                Gen.Int[1, 8],
                StepGen(scenario.Domain.IssueCount).Array[0, 120])
            .Select((declared, protocol, agenda, trusted, post, rounds, steps) => (
                scenario,
                declared,
                new SingleTextSettings
                {
                    Protocol = (MediatedProtocol)protocol,
                    Agenda = agenda ? [.. Enumerable.Range(0, scenario.Domain.IssueCount).Reverse()] : null,
                    Trusted = trusted,
                    PostSettlement = post,
                    MediatorLabel = "generated",
                },
                rounds,
                steps)));

    [Fact]
    public void Submit_AnySequenceOfActions_RefusalsChangeNothingAndTheLogReplaysToTheSameState()
    {
        SessionGen.Sample(
            t =>
            {
                var (negotiation, log) = Play(t.Scenario, t.Declared, t.Settings, t.Rounds, t.Steps, checkRefusals: true);
                var replayed = Fresh(t.Scenario, t.Declared, t.Settings, t.Rounds);
                var relog = new Collect();
                replayed.Observe(relog);
                replayed.Replay(log);
                relog.Events.ShouldBe(log);
                Snapshot(replayed).ShouldBe(Snapshot(negotiation));
                replayed.Versions.Select(v => (v.Version, v.Draft, string.Join(",", v.Statuses), v.Note))
                    .ShouldBe(negotiation.Versions.Select(v => (v.Version, v.Draft, string.Join(",", v.Statuses), v.Note)));
                replayed.Rounds.Select(Describe).ShouldBe(negotiation.Rounds.Select(Describe));
            },
            iter: 300);
    }

    [Fact]
    public void Restore_SnapshotOfAnyPrefixThenTheRest_IsTheNegotiationTheWholeLogRebuilds()
    {
        SessionGen.Select(Gen.Int[0, 1_000], StepGen(4).Array[0, 40]).Sample(
            (t, cut, next) =>
            {
                var (_, log) = Play(t.Scenario, t.Declared, t.Settings, t.Rounds, t.Steps, checkRefusals: false);
                var prefix = Fresh(t.Scenario, t.Declared, t.Settings, t.Rounds);
                prefix.Replay(log[..(cut % (log.Count + 1))]);
                var k = (int)prefix.EventCount; // a prefix cut inside a step is completed by the replay
                var snapshot = prefix.Snapshot();

                var restored = Fresh(t.Scenario, t.Declared, t.Settings, t.Rounds);
                restored.Restore(snapshot);
                var tail = new Collect();
                restored.Observe(tail);
                restored.Replay(log[k..]);
                var replayed = Fresh(t.Scenario, t.Declared, t.Settings, t.Rounds);
                replayed.Replay(log);

                tail.Events.ShouldBe(log[k..]);
                restored.Snapshot().ShouldBe(replayed.Snapshot());
                Snapshot(restored).ShouldBe(Snapshot(replayed));
                restored.Versions.Select(v => (v.Version, v.Draft, string.Join(",", v.Statuses), v.Note))
                    .ShouldBe(replayed.Versions.Select(v => (v.Version, v.Draft, string.Join(",", v.Statuses), v.Note)));
                restored.Rounds.Select(Describe).ShouldBe(replayed.Rounds.Select(Describe));
                restored.Acceptances.ShouldBe(replayed.Acceptances);

                // The same next actions get the same answers and leave the same state.
                var steps = next.Select(s => s with { Levels = [.. s.Levels.Take(t.Scenario.Domain.IssueCount)] }).ToArray();
                Continue(restored, steps, checkRefusals: false).ShouldBe(Continue(replayed, steps, checkRefusals: false));
                restored.Snapshot().ShouldBe(replayed.Snapshot());
            },
            iter: 300);
    }

    [Fact]
    public void Restore_SnapshotOfAnotherFormatVersion_IsRefused()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var negotiation = Fresh(scenario, [true, true, true], new SingleTextSettings(), 10);
        negotiation.Start();
        var snapshot = negotiation.Snapshot();
        var older = snapshot.Replace($"\"parleySnapshot\":{Negotiation.SnapshotFormat}", "\"parleySnapshot\":0", StringComparison.Ordinal);

        older.ShouldNotBe(snapshot);
        Should.Throw<InvalidSnapshotException>(() => Fresh(scenario, [true, true, true], new SingleTextSettings(), 10).Restore(older)).Message.ShouldContain("format 0");
        Should.Throw<InvalidSnapshotException>(() => Fresh(scenario, [true, true, true], new SingleTextSettings(), 10).Restore(snapshot[..^5]));
        Should.Throw<InvalidSnapshotException>(() => Fresh(scenario, [true, true, true], new SingleTextSettings(), 10).Restore(snapshot.Replace("\"phase\":", "\"phase-\":", StringComparison.Ordinal)));
    }

    [Fact]
    public void Submit_AnySequenceOfActions_NoTextOnTheTableCrossesADeclaredRedLine()
    {
        SessionGen.Sample(
            t =>
            {
                var (negotiation, log) = Play(t.Scenario, t.Declared, t.Settings, t.Rounds, t.Steps, checkRefusals: false);
                var declared = t.Scenario.Negotiators.Where((_, p) => t.Declared[p]).Select(p => p.Profile!).ToArray();
                var guard = new RedLineGuard(t.Scenario.Domain, declared);
                foreach (var e in log)
                {
                    if (e.Kind == EventKind.TextProposed && e.Value < 0 && guard.IsCrossed(e.Outcome!.Levels))
                    {
                        return false;
                    }

                    if (e.Kind == EventKind.TextAdopted && guard.IsCrossed(((TextDetail)e.Detail!).Draft))
                    {
                        return false;
                    }
                }

                return !guard.IsCrossed(negotiation.Agreed);
            },
            iter: 300);
    }

    [Fact]
    public void Submit_TextAcrossAnUndeclaredPartysRedLine_IsAllowed_AcrossADeclaredOne_Refused()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var crossesA = new Outcome([0, 0, 2, 1]); // zones without withdrawal: A's red line
        var declaredA = Fresh(scenario, [true, true, true], new SingleTextSettings(), 10);
        var undeclaredA = Fresh(scenario, [false, true, true], new SingleTextSettings(), 10);
        declaredA.Start();
        undeclaredA.Start();

        var refused = declaredA.Submit(2, NegotiationAction.ProposeText(crossesA));
        var allowed = undeclaredA.Submit(2, NegotiationAction.ProposeText(crossesA));

        refused.Refusal.ShouldBe(RefusalKind.CrossesRedLine);
        refused.Message.ShouldNotBeNull().ShouldContain("A");
        declaredA.EventCount.ShouldBe(2);
        allowed.Accepted.ShouldBeTrue();
        undeclaredA.Phase.ShouldBe(SingleTextPhase.Proposing);
    }

    private static (SingleTextNegotiation Negotiation, List<NegotiationEvent> Log) Play(Scenario scenario, bool[] declared, SingleTextSettings settings, int rounds, Step[] steps, bool checkRefusals)
    {
        var negotiation = Fresh(scenario, declared, settings, rounds);
        var log = new Collect();
        negotiation.Observe(log);
        negotiation.Start();
        Continue(negotiation, steps, checkRefusals);
        return (negotiation, log.Events);
    }

    // Submits the steps in turn; what each submission answered (refusal, message, events caused).
    private static List<string> Continue(SingleTextNegotiation negotiation, Step[] steps, bool checkRefusals)
    {
        var answers = new List<string>();
        var domain = negotiation.Domain;
        foreach (var step in steps)
        {
            var actor = step.Actor;
            var kind = (ActionKind)step.Kind;
            if (step.Guided && negotiation.Awaiting() is { Count: > 0 } awaiting)
            {
                // Mostly act as someone who may act, with the kind of action expected, so that
                // sequences reach every phase; the content stays arbitrary.
                actor = awaiting[Math.Abs(step.Value + step.Article + 7) % awaiting.Count];
                var allowed = negotiation.Allowed(actor);
                kind = allowed.HasFlag(ActionKinds.ProposeText) ? (step.Kind == 0 ? ActionKind.Pass : ActionKind.ProposeText)
                    : allowed.HasFlag(ActionKinds.Decide) ? ActionKind.Decide
                    : allowed.HasFlag(ActionKinds.Sign) ? ActionKind.Sign
                    : ActionKind.Vote;
            }

            var levels = new int[domain.IssueCount];
            for (var i = 0; i < levels.Length; i++)
            {
                levels[i] = step.Levels[i] < 0 ? step.Levels[i] : step.Levels[i] % (domain.Issues[i].Cardinality + (step.Kind == 11 ? 1 : 0));
            }

            var article = step.Article == -2 ? -1 : step.Article == domain.IssueCount ? negotiation.PhaseArticle : step.Article;
            var value = step.Guided && kind != ActionKind.Vote ? Math.Clamp(step.Value, 0, 1) : step.Value;
            var action = kind switch
            {
                ActionKind.ProposeText => NegotiationAction.ProposeText(new Outcome(levels), step.Guided ? negotiation.PhaseArticle : article),
                ActionKind.Vote when step.Vetoes.Length > 0 && step.Vetoes[0] >= 0 => NegotiationAction.Veto([.. step.Vetoes.Where(v => v >= 0)]),
                ActionKind.Vote when step.Guided && negotiation.Settings.Protocol == MediatedProtocol.Veto && negotiation.Phase == SingleTextPhase.Voting => NegotiationAction.Veto([]),
                _ => new NegotiationAction(kind, null, value),
            };
            var before = Snapshot(negotiation);
            var result = negotiation.Submit(actor, action);
            if (checkRefusals && !result.Accepted)
            {
                result.EventCount.ShouldBe(0);
                Snapshot(negotiation).ShouldBe(before, $"refused {action} by {actor}: {result.Message}");
            }

            answers.Add($"{actor} {action}: {result.Refusal} {result.Message} {result.FirstEvent}+{result.EventCount}");
        }

        return answers;
    }

    private static SingleTextNegotiation Fresh(Scenario scenario, bool[] declared, SingleTextSettings settings, int rounds)
    {
        var parties = scenario.Negotiators;
        var profiles = new Profile?[parties.Count];
        for (var p = 0; p < profiles.Length; p++)
        {
            profiles[p] = declared[p] ? parties[p].Profile : null;
        }

        var setup = new NegotiationSetup(scenario.Domain, [.. parties.Select(p => p.Name)], profiles, new Deadline(rounds, null), 5, "mediator");
        return new SingleTextNegotiation(setup, settings);
    }

    private static string Snapshot(SingleTextNegotiation n) =>
        string.Join(
            "|",
            n.EventCount,
            n.Phase,
            n.PhaseArticle,
            n.PhaseText,
            n.Candidate,
            n.Incumbent,
            n.LastUnanimous,
            n.Settled,
            n.Agreed,
            n.Round,
            n.IsOver,
            n.IsOver ? n.EndReason : (EndReason?)null,
            n.Versions.Count,
            n.Rounds.Count,
            n.RoundStartTime,
            n.Tally,
            string.Join(",", Enumerable.Range(0, n.Setup.PartyCount).Select(n.HasAnswered)),
            string.Join(",", Enumerable.Range(0, n.Setup.ActorCount).Select(n.Allowed)));

    private static string Describe(MediationRound r) =>
        $"{r.Round} {r.Proposal} {r.Issue} {r.Adopted} {r.Version} {r.Time} {string.Join(",", r.Ballots.Select(b => $"{b.Party}:{b.Accepted}:{b.Feedback}:{string.Join("+", b.Vetoed)}:{b.Utility}"))}";

    private sealed class Collect : INegotiationObserver
    {
        public List<NegotiationEvent> Events { get; } = [];

        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => Events.Add(e);
    }
}

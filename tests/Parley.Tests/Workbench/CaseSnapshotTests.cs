using System.Text.Json;
using CsCheck;
using Parley.Protocols;
using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>
/// Case snapshots: for random histories of real commands (rounds, votes, signing, comments,
/// amendments, shares, notes, profile declarations, invitations, article answers, agreements,
/// clause wording, agents, deadlines, the post-settlement improvement), the case restored from a snapshot of any prefix plus the
/// rest of the log is the case the whole log replays to: every audience's view, the visible
/// records, and the answers to the same next commands.
/// </summary>
public sealed class CaseSnapshotTests
{
    private static readonly Audience[] Audiences =
        [Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1)];

    // One generated command: its kind, its raw material, and how many minutes pass before it.
    private sealed record Step(int Kind, int A, int B, int C, int Minutes);

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 22], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 40])
            .Select((k, a, b, c, m) => new Step(k, a, b, c, m));

    [Fact]
    public void Restore_SnapshotOfAnyPrefixOfARealHistoryThenTheRest_IsTheCaseTheWholeLogReplays()
    {
        Gen.Select(StepGen.Array[1, 90], Gen.Int[0, 10_000], StepGen.Array[0, 25]).Sample(
            (steps, cut, next) =>
            {
                var (log, end) = History(steps);
                var k = 1 + (cut % log.Count);
                var prefix = MediationCase.Replay(log.Take(k));
                if (!prefix.CanSnapshot)
                {
                    // Between the events of one decision (a signature and what it closes): a host stores them together.
                    Should.Throw<InvalidOperationException>(prefix.Snapshot);
                    prefix = MediationCase.Replay(log.Take(++k));
                }

                var snapshot = prefix.Snapshot();

                var restored = MediationCase.Restore(snapshot, log);
                var replayed = MediationCase.Replay(log);

                restored.Version.ShouldBe(replayed.Version);
                restored.Snapshot().ShouldBe(replayed.Snapshot());
                foreach (var a in Audiences)
                {
                    ViewJson(restored, a).ShouldBe(ViewJson(replayed, a));
                    Json(restored.VisibleRecords(a, k / 2)).ShouldBe(Json(replayed.VisibleRecords(a, k / 2)));
                }

                // Restored from the records from the snapshot on: it decides and catches up without the earlier ones.
                var lazy = MediationCase.Restore(snapshot, log.Skip(k - 1).ToArray());
                lazy.HasWholeRecord.ShouldBe(k == 1);
                lazy.Version.ShouldBe(replayed.Version);
                lazy.Snapshot().ShouldBe(replayed.Snapshot());

                // The same next commands get the same decisions and leave the same case.
                var answers = Play(replayed, next, end);
                Play(restored, next, end).ShouldBe(answers);
                Play(lazy, next, end).ShouldBe(answers);
                foreach (var a in Audiences)
                {
                    Json(lazy.VisibleRecords(a, k)).ShouldBe(Json(replayed.VisibleRecords(a, k)));
                }

                lazy.AttachEarlierRecords(log.Take(k - 1).ToArray());
                foreach (var c in new[] { restored, lazy })
                {
                    c.Snapshot().ShouldBe(replayed.Snapshot());
                    c.Engine.Engine.Snapshot().ShouldBe(replayed.Engine.Engine.Snapshot());
                    foreach (var a in Audiences)
                    {
                        ViewJson(c, a).ShouldBe(ViewJson(replayed, a));
                    }
                }
            },
            iter: 150);
    }

    [Fact]
    public void Restore_SnapshotOfTheWholeLog_FoldsNothingAndAnswersAsTheReplay()
    {
        var (log, end) = History([new Step(0, 0, 0, 0, 1), new Step(1, 0, 1, 0, 1), new Step(1, 1, 1, 0, 1), new Step(3, 0, 0, 0, 1), new Step(4, 0, 1, 0, 1)]);
        var snapshot = MediationCase.Replay(log).Snapshot();

        var restored = MediationCase.Restore(snapshot, log);

        restored.Protocol.SigningOpen.ShouldBeTrue();
        restored.Records.Count.ShouldBe(log.Count);
        restored.Engine.Log.ShouldBeEmpty();   // the engine comes from its snapshot, not from a replay
        ViewJson(restored, Audience.Mediator).ShouldBe(ViewJson(MediationCase.Replay(log), Audience.Mediator));
        end.ShouldBeGreaterThan(T0);
    }

    [Fact]
    public void Restore_AtEveryPrefixOfAPostSettlementHistory_IsTheCaseTheWholeLogReplays()
    {
        var events = MediationCase.Create("t", [new IssueSpec("a", ["a0", "a1", "a2"]), new IssueSpec("b", ["b0", "b1", "b2"])], ["P", "Q"], new Invite("m", AudienceRole.Mediator, null, "mediator", CaseFixtures.Hash));
        var c = MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, T0, e)));
        var weights = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 };
        var a = new Dictionary<string, double> { ["a0"] = 1, ["a1"] = 0.5, ["a2"] = 0 };
        Run(c, Audience.Delegation(0), new DeclareProfile(weights, new Dictionary<string, IReadOnlyDictionary<string, double>> { ["a"] = a, ["b"] = new Dictionary<string, double> { ["b0"] = 0, ["b1"] = 0.5, ["b2"] = 1 } }, 0, [], true));
        Run(c, Audience.Delegation(1), new DeclareProfile(weights, new Dictionary<string, IReadOnlyDictionary<string, double>> { ["a"] = a, ["b"] = new Dictionary<string, double> { ["b0"] = 1, ["b1"] = 0.6, ["b2"] = 0 } }, 0, [], true));
        Run(c, Audience.Mediator, new OpenRound(new Dictionary<string, string> { ["a"] = "a1", ["b"] = "b1" }, null));
        Run(c, Audience.Delegation(0), new Vote(true));
        Run(c, Audience.Delegation(1), new Vote(true));
        Run(c, Audience.Mediator, new OpenSigning());
        Run(c, Audience.Delegation(0), new Sign(true));
        Run(c, Audience.Delegation(1), new Sign(true));
        Run(c, Audience.Mediator, new OfferImprovement());
        Run(c, Audience.Delegation(0), new AnswerImprovement(true));
        Run(c, Audience.Delegation(1), new AnswerImprovement(true)).OfType<ImprovementConcluded>().Single().Adopted.ShouldBeTrue();
        var log = CaseJson.Import(CaseJson.Export(c.Records));
        var replayed = MediationCase.Replay(log);

        var between = new List<int>();
        for (var k = 1; k <= log.Count; k++)
        {
            var prefix = MediationCase.Replay(log.Take(k));
            if (!prefix.CanSnapshot)
            {
                between.Add(k);
                continue;
            }

            var snapshot = prefix.Snapshot();
            var whole = MediationCase.Restore(snapshot, log);
            var lazy = MediationCase.Restore(snapshot, log.Skip(k - 1).ToArray());
            lazy.AttachEarlierRecords(log.Take(k - 1).ToArray());
            foreach (var restored in new[] { whole, lazy })
            {
                restored.Snapshot().ShouldBe(replayed.Snapshot(), $"snapshot at {k}");
                foreach (var audience in Audiences)
                {
                    ViewJson(restored, audience).ShouldBe(ViewJson(replayed, audience), $"snapshot at {k}, {audience}");
                }
            }
        }

        // Only inside a decision: the last signature is stored with the closing it causes, as two events of one append.
        between.ShouldBe([(int)log.Single(r => r.Event is CaseClosed).Sequence - 1]);
    }

    [Fact]
    public void Restore_OtherFormatVersionsCorruptionOrAnotherLog_IsRefused()
    {
        var (log, _) = History([new Step(0, 0, 0, 0, 1), new Step(1, 0, 1, 0, 1), new Step(8, 0, 0, 0, 1)]);
        var snapshot = MediationCase.Replay(log).Snapshot();
        var (other, _) = History([new Step(0, 1, 0, 0, 1), new Step(1, 0, 0, 0, 1), new Step(8, 1, 0, 0, 1)]);

        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot.Replace($"\"parleyCaseSnapshot\":{MediationCase.SnapshotFormat}", "\"parleyCaseSnapshot\":0", StringComparison.Ordinal), log))
            .Message.ShouldContain("format 0");
        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot.Replace($"\"parleySnapshot\":{Negotiation.SnapshotFormat}", "\"parleySnapshot\":99", StringComparison.Ordinal), log))
            .Message.ShouldContain("format 99");
        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot[..(snapshot.Length / 2)], log));
        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot.Replace("\"votingRounds\":", "\"votingRounds-\":", StringComparison.Ordinal), log));
        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot, other)).Message.ShouldContain("differs");
        Should.Throw<InvalidSnapshotException>(() => MediationCase.Restore(snapshot, log.Take(log.Count - 1).ToArray()));
    }

    [Fact]
    public void Restore_FromTheRecordsAfterTheSnapshot_NeedsTheEarlierOnesOnlyForAWholeView()
    {
        var (log, _) = History([new Step(7, 0, 0, 0, 1), new Step(0, 0, 0, 0, 1), new Step(1, 0, 1, 0, 1), new Step(7, 1, 1, 0, 1)]);
        var k = log.Count - 1;
        var snapshot = MediationCase.Replay(log.Take(k)).Snapshot();

        var lazy = MediationCase.Restore(snapshot, log.Skip(k - 1).ToArray());

        lazy.EarlierRecordCount.ShouldBe(k - 1);
        Should.Throw<InvalidOperationException>(() => lazy.ViewFor(Audience.Mediator));
        Should.Throw<InvalidOperationException>(() => lazy.Records);
        lazy.VisibleRecords(Audience.Mediator, k).ShouldHaveSingleItem().Sequence.ShouldBe(k + 1);
        Should.Throw<ArgumentException>(() => lazy.AttachEarlierRecords(log.Take(k - 2).ToArray()));
        lazy.AttachEarlierRecords(log.Take(k - 1).ToArray());
        ViewJson(lazy, Audience.Mediator).ShouldBe(ViewJson(MediationCase.Replay(log), Audience.Mediator));
    }

    private static string Json(IReadOnlyList<CaseRecord> records) => JsonSerializer.Serialize(records, CaseJson.Options);

    // Plays the steps from a new case; the records stored (refused commands store nothing) and the last moment.
    private static (List<CaseRecord> Log, DateTimeOffset End) History(Step[] steps)
    {
        var c = Open();
        var log = c.Records.ToList();
        var now = T0;
        foreach (var step in steps)
        {
            now = now.AddMinutes(step.Minutes);
            if (Command(c, step) is not { } command)
            {
                Append(c, log, c.Tick(now), now);
                continue;
            }

            var decision = c.Decide(command.Actor, command.Command, now);
            if (!decision.Accepted && decision.Refusal == CaseRefusalKind.OutOfTurn)
            {
                Append(c, log, c.Tick(now), now);
            }

            Append(c, log, decision, now);
        }

        return (log, now);
    }

    // Decides and applies the steps after `from`; what each decision answered.
    private static List<string> Play(MediationCase c, Step[] steps, DateTimeOffset from)
    {
        var answers = new List<string>();
        var now = from;
        foreach (var step in steps)
        {
            now = now.AddMinutes(step.Minutes);
            var decision = Command(c, step) is { } command ? c.Decide(command.Actor, command.Command, now) : c.Tick(now);
            answers.Add($"{decision.Refusal} {decision.Message} {string.Join(";", decision.Events.Select(CaseJson.Serialize))}");
            var v = c.Version;
            if (decision.Accepted)
            {
                foreach (var e in decision.Events)
                {
                    c.Apply(new CaseRecord(++v, now, e));
                }
            }
        }

        return answers;
    }

    private static void Append(MediationCase c, List<CaseRecord> log, CaseDecision decision, DateTimeOffset now)
    {
        if (!decision.Accepted)
        {
            return;
        }

        foreach (var e in decision.Events)
        {
            var r = new CaseRecord(c.Version + 1, now, e);
            c.Apply(r);
            log.Add(CaseJson.Import(CaseJson.Export([r]))[0]);   // as the store gives it back
        }
    }

    // The command a step stands for, and who gives it (null: the clock ticks).
    private static (Audience Actor, CaseCommand Command)? Command(MediationCase c, Step s)
    {
        var seat = s.A % 2;
        var delegation = Audience.Delegation(seat);
        var issue = c.Domain.Issues[s.B % c.Domain.IssueCount];
        var option = issue.FormatLevel(s.C % issue.Cardinality);
        return s.Kind switch
        {
            0 => (Audience.Mediator, new OpenRound(Text(c, s.A), s.B < 3 ? TimeSpan.FromMinutes(10 + (10 * s.C)) : null)),
            1 or 2 => (delegation, new Vote(s.B % 3 != 0)),
            3 => (Audience.Mediator, new CloseRound()),
            4 => (Audience.Mediator, new OpenSigning()),
            5 or 6 => (delegation, new Sign(s.B % 4 != 0)),
            7 => (s.B % 2 == 0 ? Audience.Mediator : delegation, new Comment($"comment {s.A}{s.B}{s.C}", (CommentAudience)(s.C % 3), s.C % 3 == 2 ? c.Seats[seat] : null)),
            8 => (delegation, Declaration(c, s)),
            9 => (delegation, new Amend(issue.Name, option, $"because {s.C}")),
            10 => (Audience.Mediator, new Share(1 + (s.A * 7 + s.B) % Math.Max(1, (int)c.Version))),
            11 => (s.B % 3 == 0 ? Audience.Observer : s.B % 3 == 1 ? Audience.Mediator : delegation, new Note($"note {s.C}")),
            12 => (Audience.Mediator, new Invite($"i{c.Version}", (AudienceRole)(s.B % 3), s.B % 3 == (int)AudienceRole.Delegation ? c.Seats[seat] : null, $"label {s.C}", new string((char)('a' + s.C), 64))),
            13 => (Audience.Mediator, new Revoke(c.Invitations.Keys.ElementAt(s.B % c.Invitations.Count))),
            14 => (Audience.Mediator, new SetObserverAccess((ObserverAccess)(s.B % 8))),
            15 => (delegation, new AnswerArticles([new ArticleAnswer(issue.Name, s.C % 2 == 0, $"c{s.C}")])),
            16 => (Audience.Mediator, new RecordAgreement(new Dictionary<string, string> { [issue.Name] = option })),
            17 => (Audience.Mediator, new WordClause(issue.Name, option, $"wording {s.A}")),
            18 => (Audience.Mediator, new FillSeat(c.Seats[seat], Parley.Workbench.SeatAgents.Names[s.B % 3])),
            19 => s.A == 0 && s.B == 0 ? (Audience.Mediator, new CloseCase("enough")) : null,
            20 => (Audience.Mediator, new OfferImprovement()),
            21 => (delegation, new AnswerImprovement(s.B % 5 != 0)),
            _ => null,
        };
    }

    // A declaration: every part or only some, shared with the mediator or not.
    private static DeclareProfile Declaration(MediationCase c, Step s)
    {
        var issues = c.Domain.Issues;
        var all = s.B % 3 == 0;
        var weights = issues.Where((_, i) => all || (i + s.C) % 2 == 0).ToDictionary(i => i.Name, i => 1.0 + ((s.A + i.Name.Length) % 5));
        var values = issues.Where((_, i) => all || (i + s.A) % 3 == 0).ToDictionary(
            i => i.Name,
            i => (IReadOnlyDictionary<string, double>)Enumerable.Range(0, i.Cardinality).ToDictionary(i.FormatLevel, l => ((l + s.C) % i.Cardinality) / (double)Math.Max(1, i.Cardinality - 1)));
        var redLines = all || s.C % 2 == 0 ? new[] { new OptionChoice(issues[s.A % issues.Count].Name, issues[s.A % issues.Count].FormatLevel(0)) }.Take(s.C % 2) .ToArray() : null;
        var today = s.C % 4 == 0 ? issues.ToDictionary(i => i.Name, i => ((s.A + i.Name.Length) % 11) / 10.0)
            : s.C % 4 == 1 ? new Dictionary<string, double>()
            : s.C % 4 == 2 ? new Dictionary<string, double> { [issues[s.A % issues.Count].Name] = 0.5 }
            : null;
        return new DeclareProfile(weights, values, all || s.A % 2 == 0 ? 0.1 * (s.C % 6) : null, redLines, s.A % 3 != 1, today);
    }
}

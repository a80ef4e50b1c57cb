using System.Text.Json;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>A case's rounds, votes and signing on the engine: the stored log replays to the same state, and decisions never applied leave no trace.</summary>
public sealed class EngineProtocolTests
{
    [Fact]
    public void Replay_StoredRecords_EngineReplaysToTheSameState()
    {
        var c = Open();
        var now = T0;
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), TimeSpan.FromMinutes(30)), now = now.AddMinutes(1));
        Run(c, Audience.Delegation(0), new Vote(true), now = now.AddMinutes(1));
        Run(c, Audience.Mediator, new CloseRound(), now = now.AddMinutes(1));
        Run(c, Audience.Mediator, new OpenRound(Text(c, 1), null), now = now.AddMinutes(1));
        Run(c, Audience.Delegation(1), new Vote(true), now = now.AddMinutes(1));
        Run(c, Audience.Delegation(0), new Vote(true), now = now.AddMinutes(1));
        Run(c, Audience.Mediator, new OpenSigning(), now = now.AddMinutes(1));
        Run(c, Audience.Delegation(0), new Sign(true), now = now.AddMinutes(1));
        Run(c, Audience.Delegation(1), new Sign(false), now.AddMinutes(1));

        var copy = MediationCase.Replay(CaseJson.Import(CaseJson.Export(c.Records)));
        var live = c.Engine.Engine;
        var replayed = copy.Engine.Engine;

        copy.Engine.Log.Select(Line).ShouldBe(c.Engine.Log.Select(Line));
        replayed.EventCount.ShouldBe(live.EventCount);
        replayed.Phase.ShouldBe(live.Phase);
        replayed.PhaseArticle.ShouldBe(live.PhaseArticle);
        replayed.Rounds.Select(r => (r.Proposal, r.Adopted)).ShouldBe(live.Rounds.Select(r => (r.Proposal, r.Adopted)));
        replayed.Versions.Count.ShouldBe(live.Versions.Count);
        replayed.Incumbent.ShouldBe(live.Incumbent);
        replayed.Elapsed.ShouldBe(TimeSpan.FromMinutes(9).Ticks);
        foreach (var a in new[] { Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1) })
        {
            JsonSerializer.Serialize(copy.ViewFor(a), CaseJson.Options).ShouldBe(JsonSerializer.Serialize(c.ViewFor(a), CaseJson.Options));
        }
    }

    [Fact]
    public void Engine_FreshNegotiationReplaysTheStoredLog_SameStateAsTheCase()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), null), T0);
        Run(c, Audience.Delegation(0), new Vote(true), T0.AddSeconds(5));
        Run(c, Audience.Delegation(1), new Vote(false), T0.AddSeconds(9));

        var engine = c.Engine.Engine;
        var fresh = new SingleTextNegotiation(engine.Setup, engine.Settings);
        fresh.Replay(CaseJson.Import(CaseJson.Export(c.Records)).Where(r => r.Event.Engine is not null)
            .SelectMany(r => r.Event.Engine!.Select((e, i) => Parley.Protocols.Log.NegotiationLogJson.ReadEvent(e, "t", i, c.Domain, 3))).ToArray());

        fresh.EventCount.ShouldBe(engine.EventCount);
        fresh.Phase.ShouldBe(SingleTextPhase.Proposing);
        fresh.Rounds.ShouldHaveSingleItem().Adopted.ShouldBeFalse();
        fresh.Elapsed.ShouldBe(TimeSpan.FromSeconds(9).Ticks);
    }

    [Fact]
    public void Decide_DecisionNeverApplied_NextDecisionStartsFromTheStoredState()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), null), T0);

        c.Decide(Audience.Delegation(0), new Vote(false), T0).Accepted.ShouldBeTrue();   // lost: never stored
        Run(c, Audience.Delegation(1), new Vote(true), T0);

        c.Protocol.Ballots.ShouldBe([null, true]);
        c.Protocol.RoundOpen.ShouldBeTrue();
        Run(c, Audience.Delegation(0), new Vote(true), T0).OfType<RoundClosed>().Single().Adopted.ShouldBeTrue();
    }

    [Fact]
    public void Apply_AnotherWritersEvents_EngineFollowsThem()
    {
        var a = Open();
        var b = MediationCase.Replay(a.Records);
        Run(a, Audience.Mediator, new OpenRound(Text(a, 0), null), T0);
        Catch(b, a);
        b.Decide(Audience.Delegation(1), new Vote(false), T0).Accepted.ShouldBeTrue();   // B's own decision loses the race

        Run(a, Audience.Delegation(1), new Vote(true), T0);
        Catch(b, a);

        b.Protocol.Ballots.ShouldBe([null, true]);
        Run(b, Audience.Delegation(0), new Vote(true), T0).OfType<RoundClosed>().Single().Adopted.ShouldBeTrue();
        b.Protocol.Adopted.ShouldBe(a.Domain.OutcomeOf(Text(a, 0)));
    }

    [Fact]
    public void Apply_TwoWritersInTurn_EachEngineStepsForwardToTheStateOfAFullReplay()
    {
        // Two nodes write in turn and each reads the other's records: its engine steps forward over them
        // (it is not rebuilt from the whole log), and every audience's view equals a fresh replay's.
        var a = Open();
        var b = MediationCase.Replay(a.Records);
        var now = T0;
        var steps = new List<(Audience Actor, CaseCommand Command)>
        {
            (Audience.Mediator, new OpenRound(Text(a, 0), null)),
            (Audience.Delegation(0), new Vote(true)),
            (Audience.Delegation(1), new Vote(false)),
            (Audience.Mediator, new OpenRound(Text(a, 1), TimeSpan.FromMinutes(30))),
            (Audience.Delegation(1), new Vote(true)),
            (Audience.Mediator, new CloseRound()),
            (Audience.Mediator, new OpenRound(Text(a, 1), null)),
            (Audience.Delegation(0), new Vote(true)),
            (Audience.Delegation(1), new Vote(true)),
            (Audience.Mediator, new OpenSigning()),
            (Audience.Delegation(0), new Sign(true)),
            (Audience.Delegation(1), new Sign(false)),
        };
        var stepped = 0;
        for (var i = 0; !a.IsClosed; i++)
        {
            var (writer, reader) = i % 2 == 0 ? (a, b) : (b, a);
            var (actor, command) = i < steps.Count ? steps[i] : (Audience.Delegation(i % 2), new Sign(i % 3 != 0));   // article by article
            var engineBefore = reader.Engine.Engine;
            Run(writer, actor, command, now = now.AddMinutes(1));
            foreach (var r in writer.Records.Skip((int)reader.Version))
            {
                reader.Apply(CaseJson.Import(CaseJson.Export([r]))[0]);
                _ = ViewJson(reader, Audience.Mediator);   // read between the records of one decision too
            }

            var fresh = MediationCase.Replay(CaseJson.Import(CaseJson.Export(writer.Records)));
            stepped += ReferenceEquals(reader.Engine.Engine, engineBefore) ? 1 : 0;
            reader.Engine.Log.Select(Line).ShouldBe(fresh.Engine.Log.Select(Line));
            reader.Engine.Engine.EventCount.ShouldBe(fresh.Engine.Engine.EventCount);
            foreach (var audience in new[] { Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1) })
            {
                ViewJson(reader, audience).ShouldBe(ViewJson(fresh, audience), $"step {i}, {audience}");
                ViewJson(writer, audience).ShouldBe(ViewJson(fresh, audience), $"step {i}, {audience}");
            }

            i.ShouldBeLessThan(60);
        }

        b.IsClosed.ShouldBeTrue();
        stepped.ShouldBeGreaterThan(10);   // most catch-ups stepped the engine; a few rebuilt it (a step cut between two records)
    }

    [Fact]
    public void Sign_ADelegationDeclines_ArticleByArticleUntilTheEngineEnds()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), null), T0);
        Run(c, Audience.Delegation(0), new Vote(true), T0);
        Run(c, Audience.Delegation(1), new Vote(true), T0);
        Run(c, Audience.Mediator, new OpenSigning(), T0);
        Run(c, Audience.Delegation(0), new Sign(true), T0);

        var declined = Run(c, Audience.Delegation(1), new Sign(false), T0);

        declined.OfType<SigningOpened>().Single().Article.ShouldBe(c.Domain.Issues[0].Name);
        c.IsClosed.ShouldBeFalse();
        c.ViewFor(Audience.Delegation(0)).Round!.SigningArticle.ShouldBe(c.Domain.Issues[0].Name);
        for (var article = 0; !c.IsClosed; article++)
        {
            c.Protocol.SigningArticle.ShouldBe(article);
            Run(c, Audience.Delegation(0), new Sign(true), T0);
            Run(c, Audience.Delegation(1), new Sign(article % 2 == 0), T0);
        }

        var closed = c.Records[^1].Event.ShouldBeOfType<CaseClosed>();
        closed.Agreement.ShouldBeFalse();
        closed.Reason.ShouldStartWith("partial agreement: " + c.Domain.Issues[0].Name);
        c.Engine.Engine.EndReason.ShouldBe(EndReason.Partial);
    }

    private static string Line(NegotiationEvent e)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            Parley.Protocols.Log.NegotiationLogJson.WriteEvent(json, e);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Catch(MediationCase follower, MediationCase leader)
    {
        foreach (var r in leader.Records.Skip((int)follower.Version))
        {
            follower.Apply(CaseJson.Import(CaseJson.Export([r]))[0]);
        }
    }

    private static IReadOnlyList<CaseEvent> Run(MediationCase c, Audience actor, CaseCommand command, DateTimeOffset now)
    {
        var d = c.Decide(actor, command, now);
        d.Refusal.ShouldBe(CaseRefusalKind.None, d.Message);
        var v = c.Version;
        foreach (var e in d.Events)
        {
            c.Apply(new CaseRecord(++v, now, e));
        }

        return d.Events;
    }
}

using Parley.Mediation;
using Parley.Protocols;
using Parley.Reports;

namespace Parley.Tests.Mediation;

/// <summary>A long mediated session keeps a bounded summary of its rounds and versions, with counts over all of them.</summary>
public sealed class LongMediationTests
{
    [Fact]
    public void Run_MoreRoundsThanKept_KeepsBothEndsASampleAndCountsOverEveryRound()
    {
        const int rounds = 7_000;
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var watcher = new Watcher();
        var session = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = rounds, RecordEvents = false }, seed: 5);

        var result = session.Run(watcher);

        result.Rounds.ShouldBe(watcher.Rounds.Count);
        result.Rounds.ShouldBeGreaterThan(2 * SingleTextNegotiation.KeptAtEachEnd);
        result.IsTraceComplete.ShouldBeFalse();
        result.Trace.Count.ShouldBeLessThanOrEqualTo((3 * SingleTextNegotiation.KeptAtEachEnd) + 1);
        result.Trace.Take(SingleTextNegotiation.KeptAtEachEnd).ShouldBe(watcher.Rounds.Take(SingleTextNegotiation.KeptAtEachEnd));
        result.Trace.TakeLast(SingleTextNegotiation.KeptAtEachEnd).ShouldBe(watcher.Rounds.TakeLast(SingleTextNegotiation.KeptAtEachEnd));
        foreach (var kept in result.Trace)
        {
            kept.ShouldBeSameAs(watcher.Rounds[kept.Round - 1]); // each kept round is the round played under its number
        }

        result.AdoptedRounds.ShouldBe(watcher.Rounds.Count(r => r.Adopted));
        result.Acceptances.ShouldBe(Enumerable.Range(0, scenario.Negotiators.Count).Select(p => watcher.Rounds.Count(r => r.Ballots[p].Accepted)));
        result.VersionCount.ShouldBe(watcher.Versions.Count);
        result.FinalText.ShouldBeSameAs(watcher.Versions[^1]);
        result.Versions.Select(v => v.Version).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.55)]
    [InlineData(0.9)]
    public void Restore_SnapshotOfALongSession_KeepsTheSummaryTheWholeReplayKeeps(double at)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var session = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 4_500, RecordEvents = false }, seed: 9);
        var events = new Collect();
        session.Negotiation.Observe(events);
        session.Run();
        var prefix = new SingleTextNegotiation(session.Negotiation.Setup, session.Negotiation.Settings);
        prefix.Replay([.. events.Take((int)(events.Count * at))]);

        var restored = new SingleTextNegotiation(session.Negotiation.Setup, session.Negotiation.Settings);
        restored.Restore(prefix.Snapshot());
        restored.Replay([.. events.Skip((int)prefix.EventCount)]);

        restored.Round.ShouldBeGreaterThan(2 * SingleTextNegotiation.KeptAtEachEnd);
        restored.Snapshot().ShouldBe(session.Negotiation.Snapshot());
        restored.Rounds.Select(Describe).ShouldBe(session.Negotiation.Rounds.Select(Describe));
        restored.Versions.Select(v => (v.Version, v.Draft, v.Note)).ShouldBe(session.Negotiation.Versions.Select(v => (v.Version, v.Draft, v.Note)));
        restored.Agreed.ShouldBe(session.Negotiation.Agreed);
    }

    [Fact]
    public void Report_OfALongSession_SaysWhatWasKeptAndDrawsEveryRoundOnItsAxis()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var result = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 7_000, RecordEvents = false }, seed: 5).Run();

        var html = MediationReportDocument.ToHtml(result, scenario);
        var json = MediationJson.Trace(result, scenario);

        html.ShouldContain("A long session");
        ((bool)json["kept"]!["complete"]!).ShouldBeFalse();
        ((int)json["kept"]!["rounds"]!).ShouldBe(result.Trace.Count);
        ((int)json["versions"]!).ShouldBe(result.VersionCount);
        MediationPlots.UtilityOverRounds(result, scenario).ShouldContain(">6000<"); // ticks run to the last round played, not to the rounds kept
        var timeline = MediationPlots.TextTimeline(result, scenario);
        (timeline.Split("<rect ").Length - 1).ShouldBeLessThanOrEqualTo((scenario.Domain.IssueCount * 400) + 4); // columns thinned to fit the figure
    }

    private sealed class Watcher : IMediationObserver
    {
        public List<MediationRound> Rounds { get; } = [];

        public List<NegotiatingText> Versions { get; } = [];

        public void OnRound(MediationRound round, NegotiatingText text) => Rounds.Add(round);

        public void OnRevision(NegotiatingText text) => Versions.Add(text);
    }

    private static string Describe(MediationRound r) =>
        $"{r.Round} {r.Proposal} {r.Issue} {r.Adopted} {r.Version} {r.Time} {string.Join(",", r.Ballots.Select(b => $"{b.Party}:{b.Accepted}:{b.Feedback}:{string.Join("+", b.Vetoed)}:{b.Utility}"))}";

    private sealed class Collect : List<NegotiationEvent>, INegotiationObserver
    {
        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => Add(e);
    }
}

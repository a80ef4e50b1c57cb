using Parley.Agents;
using Parley.Domains;

namespace Parley.Tests.Agents;

public sealed class NegotiationHistoryTests
{
    private static HistoryEntry Entry(int i) => new(i / 2, 0, i % 2, ActionKind.Offer, new Outcome([i % 7]));

    [Fact]
    public void Add_BeyondTheWindow_KeepsTheMostRecentEntriesAndCountsThemAll()
    {
        var history = new NegotiationHistory(capacity: 4, window: 16);

        for (var i = 0; i < 10_000; i++)
        {
            history.Add(Entry(i));
            history.AsSpan().Length.ShouldBeLessThanOrEqualTo(16);
        }

        history.Count.ShouldBe(10_000);
        history.First.ShouldBeGreaterThanOrEqualTo(10_000 - 16);
        history[9_999].Round.ShouldBe(4_999);
        Should.Throw<ArgumentOutOfRangeException>(() => history[0]);
        history.AsSpan()[^1].Round.ShouldBe(4_999);
    }

    [Fact]
    public void Since_AnIncrementalReader_SeesEveryEntryOnceWhileTheyAreKept()
    {
        var history = new NegotiationHistory(capacity: 4, window: 16);
        var seen = 0;
        var read = new List<int>();
        for (var i = 0; i < 1_000; i++)
        {
            history.Add(Entry(i));
            if (i % 5 == 0)
            {
                foreach (var e in history.Since(seen))
                {
                    read.Add(e.Round * 2 + e.Actor);
                }

                seen = history.Count;
            }
        }

        read.ShouldBe(Enumerable.Range(0, 996)); // the last read was after entry 995
    }

    [Fact]
    public void LastOfferBy_NumbersEntriesFromTheStartOfTheSession()
    {
        var history = new NegotiationHistory(capacity: 4, window: 8);
        for (var i = 0; i < 100; i++)
        {
            history.Add(Entry(i));
        }

        history.LastOfferBy(0).ShouldBe(98);
        history.LastOfferBy(1).ShouldBe(99);
        history.LastOfferBy(2).ShouldBe(-1);
    }
}

using CsCheck;
using Parley.Mediation;

namespace Parley.Tests.Mediation;

public sealed class KeptHistoryTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    public void Add_AtMostTwiceTheEdge_KeepsEveryItemInOrder(int count)
    {
        var history = new KeptHistory<int>(4);
        for (var i = 0; i < count; i++)
        {
            history.Add(i);
        }

        history.ShouldBe(Enumerable.Range(0, count));
        history.Count.ShouldBe(count);
        history.Total.ShouldBe(count);
        history.IsComplete.ShouldBeTrue();
    }

    [Theory]
    [InlineData(21)]
    [InlineData(100)]
    [InlineData(12_345)]
    [InlineData(1_000_000)]
    public void Add_ManyItems_KeepsBothEndsAndAnEvenSampleWithinThreeEdges(int count)
    {
        const int edge = 10;
        var history = new KeptHistory<int>(edge);
        for (var i = 0; i < count; i++)
        {
            history.Add(i);
        }

        var kept = history.ToArray();
        history.Total.ShouldBe(count);
        history.IsComplete.ShouldBeFalse();
        kept.Length.ShouldBe(history.Count);
        kept.Length.ShouldBeLessThanOrEqualTo((3 * edge) + 1);
        kept[..edge].ShouldBe(Enumerable.Range(0, edge));
        kept[^edge..].ShouldBe(Enumerable.Range(count - edge, edge));
        kept.ShouldBeInOrder(SortDirection.Ascending);
        kept.Distinct().Count().ShouldBe(kept.Length);
        history.Last.ShouldBe(count - 1);

        // Between the ends, the sample is every s-th item for one power of two s: evenly spaced.
        var middle = kept[edge..^edge];
        if (middle.Length > 1)
        {
            var steps = middle.Zip(middle.Skip(1), (a, b) => b - a).Distinct().ToArray();
            steps.Length.ShouldBe(1);
            int.IsPow2(steps[0]).ShouldBeTrue();
            middle.Length.ShouldBeGreaterThan(edge / 2 - 1);
        }
    }

    [Fact]
    public void Indexer_PastTheKeptItems_Throws()
    {
        var history = new KeptHistory<int>(2);
        for (var i = 0; i < 50; i++)
        {
            history.Add(i);
        }

        Should.Throw<ArgumentOutOfRangeException>(() => history[history.Count]);
        Should.Throw<InvalidOperationException>(() => new KeptHistory<int>(2).Last);
    }

    [Fact]
    public void ReadFrom_WhatWriteToWrote_KeepsTheSameItemsAndGoesOnKeepingTheSame()
    {
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 300], Gen.Int[0, 100]).Sample((edge, before, after) =>
        {
            var original = new KeptHistory<int>(edge);
            for (var i = 0; i < before; i++)
            {
                original.Add(i);
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                original.WriteTo(json, (w, item) => w.WriteNumberValue(item));
            }

            var restored = new KeptHistory<int>(edge);
            using (var doc = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory))
            {
                restored.ReadFrom(doc.RootElement, e => e.GetInt32());
            }

            restored.ShouldBe(original);
            restored.Total.ShouldBe(original.Total);
            for (var i = before; i < before + after; i++)
            {
                original.Add(i);
                restored.Add(i);
            }

            restored.ShouldBe(original);
            restored.Count.ShouldBe(original.Count);
        });
    }
}

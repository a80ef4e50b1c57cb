using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// A command decided on top of another one whose commit is still running (the negotiation's gate is free
/// meanwhile): nobody reads, is answered or is sent what is not stored, and when the earlier commit fails
/// the cache is rolled back to the log. SQLite and PostgreSQL.
/// </summary>
public sealed class UnconfirmedAppendTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Vote_OnTopOfAVoteWhoseCommitFails_NeitherReadNorSentAndDecidedAgain(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        HeldStore? held = null;
        await using var factory = new ServerFactory(db.Target, store: inner => held = new HeldStore(inner));
        var table = await Table.OpenAsync(factory.CreateClient());
        var after = await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await ApiTests.SuggestedDraftAsync(table) });
        var live = new List<JsonNode>();
        await using var mediator = factory.Live(table.Id, table.Mediator);
        mediator.On<string, long, System.Text.Json.JsonElement>(Live.LiveChannel.EventsMethod, (_, _, records) =>
        {
            lock (live)
            {
                live.AddRange(JsonNode.Parse(records.GetRawText())!.AsArray().Select(r => r!.DeepClone()));
            }
        });
        await mediator.StartAsync();

        // Israel's vote is applied and its commit held; Syria's is decided on top of it (it would close the round).
        held!.HoldNext();
        var israel = table.SendAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
        await held.Reached.Task;
        var syria = table.SendAsync(HttpMethod.Post, "votes", table.Syria, new { yes = false });
        await held.Chained.Task;
        var read = table.SendAsync(HttpMethod.Get, $"events?after={after}", table.Mediator);
        await Task.WhenAny(read, Task.Delay(300));
        read.IsCompleted.ShouldBeFalse("a read waits for the votes still unconfirmed");
        israel.IsCompleted.ShouldBeFalse();
        syria.IsCompleted.ShouldBeFalse();
        lock (live)
        {
            live.ShouldBeEmpty();
        }

        held.Release(new TimeoutException("the database did not answer"));

        (await israel).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var syriaAck = await Table.Json(await syria, HttpStatusCode.OK);
        syriaAck["sequences"]!.AsArray().Count.ShouldBe(1, "decided again on what is stored: the first ballot, the round still open");
        // The held read answered from the log once the commit failed: Israel's ballot is not in it (Syria's may be, if decided again first).
        var events = (await Table.Json(await read, HttpStatusCode.OK)).AsArray();
        events.Select(e => (e!["event"]!["type"]!.GetValue<string>(), e["event"]!["seat"]?.GetValue<int>())).ShouldBeSubsetOf([("ballot", (int?)1)]);
        events = (await Table.Json(await table.SendAsync(HttpMethod.Get, $"events?after={after}", table.Mediator), HttpStatusCode.OK)).AsArray();
        events.Select(e => (e!["event"]!["type"]!.GetValue<string>(), e["event"]!["seat"]?.GetValue<int>())).ShouldBe([("ballot", (int?)1)]);
        await using (var store = db.Target.Open())
        {
            (await store.ReadAsync(table.Id, after)).Select(r => r.Event).ShouldHaveSingleItem().ShouldBeOfType<BallotCast>().Seat.ShouldBe(1);
        }

        for (var i = 0; i < 600 && Count(live) == 0; i++)
        {
            await Task.Delay(50);
        }

        lock (live)
        {
            live.Select(e => (e["event"]!["type"]!.GetValue<string>(), e["event"]!["seat"]?.GetValue<int>())).ShouldBe([("ballot", (int?)1)]);
        }

        // The cache is the log again: Israel votes now, and the round closes.
        var closing = await Table.Json(await table.SendAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true }), HttpStatusCode.OK);
        closing["sequences"]!.AsArray().Count.ShouldBe(2);
    }

    private static int Count(List<JsonNode> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    /// <summary>The real store, with the next append held until the test releases it (and then failed, or stored).</summary>
    private sealed class HeldStore(IEventStore inner) : IEventStore
    {
        private int _armed;
        private TaskCompletionSource<Exception?> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reached { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completed when an append is queued as the successor of another.</summary>
        public TaskCompletionSource Chained { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => inner.Kind;

        public void HoldNext()
        {
            Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Chained = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _armed, 1);
        }

        public void Release(Exception? failure) => _release.SetResult(failure);

        public Task<IReadOnlyList<CaseRecord>> AppendAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, Task? after, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                return HeldAsync(negotiation, expectedVersion, events, at, after, cancellationToken);
            }

            if (after is null)
            {
                return inner.AppendAsync(negotiation, expectedVersion, events, at, after, cancellationToken);
            }

            Chained.TrySetResult();
            return AfterAsync(negotiation, expectedVersion, events, at, after, cancellationToken);
        }

        private async Task<IReadOnlyList<CaseRecord>> HeldAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, Task? after, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            if (await _release.Task is { } failure)
            {
                throw failure;
            }

            return await inner.AppendAsync(negotiation, expectedVersion, events, at, after, cancellationToken);
        }

        // The real store's successor is queued after its predecessor; here the predecessor may still be held.
        private async Task<IReadOnlyList<CaseRecord>> AfterAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, Task after, CancellationToken cancellationToken)
        {
            await after.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return await inner.AppendAsync(negotiation, expectedVersion, events, at, after, cancellationToken);
        }

        public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

        public Task<IReadOnlyList<CaseRecord>> ReadAsync(string negotiation, long after = 0, CancellationToken cancellationToken = default) => inner.ReadAsync(negotiation, after, cancellationToken);

        public Task<IReadOnlyList<(string Id, long Version)>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

        public Task<IReadOnlyList<(string TokenHash, string Negotiation, string Invitation)>> ReadTokensAsync(string? negotiation = null, CancellationToken cancellationToken = default) => inner.ReadTokensAsync(negotiation, cancellationToken);

        public Task<bool> AddOperatorTokenAsync(string label, string tokenHash, bool replace, DateTimeOffset at, CancellationToken cancellationToken = default) => inner.AddOperatorTokenAsync(label, tokenHash, replace, at, cancellationToken);

        public Task<bool> IsOperatorTokenAsync(string tokenHash, CancellationToken cancellationToken = default) => inner.IsOperatorTokenAsync(tokenHash, cancellationToken);

        public Task WriteSnapshotAsync(string negotiation, long version, int format, string body, DateTimeOffset at, bool replace = false, CancellationToken cancellationToken = default) => inner.WriteSnapshotAsync(negotiation, version, format, body, at, replace, cancellationToken);

        public Task<IReadOnlyList<CaseRecord>> ReadRangeAsync(string negotiation, long after, long upTo, CancellationToken cancellationToken = default) => inner.ReadRangeAsync(negotiation, after, upTo, cancellationToken);

        public Task<StoredSnapshot?> ReadSnapshotAsync(string negotiation, CancellationToken cancellationToken = default) => inner.ReadSnapshotAsync(negotiation, cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

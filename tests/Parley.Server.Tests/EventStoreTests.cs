using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>The event store, the same tests on SQLite and PostgreSQL.</summary>
public sealed class EventStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task Postgres_Configured_Answers()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var store = db.Target.Open();

        (await store.PingAsync()).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Migrate_Twice_AppliesEachStepOnce(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = db.Target.Open();

        await store.MigrateAsync();
        await store.MigrateAsync();

        (await store.ListAsync()).ShouldBeEmpty();
        (await store.PingAsync()).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_ThenRead_SameEventsInOrderWithSequences(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        var events = new CaseEvent[] { new CaseCreated("t", "scratch", null, [new IssueSpec("a", ["x", "y"])], ["p", "q"]), new CommentPosted(Audience.Mediator, "hello", CommentAudience.Everyone, -1) };

        await store.AppendAsync("n1", 0, events, At);
        await store.AppendAsync("n1", 2, [new NoteWritten(Audience.Delegation(1), "mine")], At.AddSeconds(1));

        var read = await store.ReadAsync("n1");
        read.Select(r => r.Sequence).ShouldBe([1L, 2L, 3L]);
        read[1].Event.ShouldBe(events[1]);
        read[2].At.ShouldBe(At.AddSeconds(1));
        (await store.ReadAsync("n1", 2)).Single().Event.ShouldBeOfType<NoteWritten>();
        (await store.ListAsync()).ShouldBe([("n1", 3L)]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_StaleVersion_RefusedAndNothingWritten(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created(), Comment("one")], At);

        await Should.ThrowAsync<ConcurrencyException>(() => store.AppendAsync("n1", 1, [Comment("stale"), Comment("stale too")], At));
        await Should.ThrowAsync<ConcurrencyException>(() => store.AppendAsync("n1", 0, [Created()], At));

        (await store.ReadAsync("n1")).Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_ConcurrentWritersAtOneVersion_ExactlyOneWins(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created()], At);

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await store.AppendAsync("n1", 1, [Comment("writer " + i), Comment("writer " + i + " again")], At);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        }).ToArray();
        var results = await Task.WhenAll(attempts);

        results.Count(r => r).ShouldBe(1);
        var read = await store.ReadAsync("n1");
        read.Count.ShouldBe(3);
        ((CommentPosted)read[2].Event).Text.ShouldBe(((CommentPosted)read[1].Event).Text + " again");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_StaleAmongOthersInOneGroup_OnlyTheStaleRefused(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        foreach (var n in new[] { "n1", "n2", "n3", "n4" })
        {
            await store.AppendAsync(n, 0, [Created()], At);
        }

        var hash = new string('a', 64);
        // Queued together, so that the writer commits them as one group (or a few).
        var appends = new[]
        {
            store.AppendAsync("n4", 1, [new InvitationIssued("i1", AudienceRole.Observer, -1, "observer", hash), Comment("after the invitation")], At),
            store.AppendAsync("n2", 0, [Created()], At),
            store.AppendAsync("n1", 1, [Comment("one")], At),
            store.AppendAsync("n3", 5, [Comment("stale")], At),
            store.AppendAsync("n5", 0, [Created(), Comment("new")], At),
        };
        var outcomes = await Task.WhenAll(appends.Select(async a =>
        {
            try
            {
                return (await a).Count;
            }
            catch (ConcurrencyException)
            {
                return -1;
            }
        }));

        outcomes.ShouldBe([2, -1, 1, -1, 2]);
        (await store.ReadAsync("n1")).Count.ShouldBe(2);
        (await store.ReadAsync("n2")).Count.ShouldBe(1);
        (await store.ReadAsync("n3")).Count.ShouldBe(1);
        (await store.ReadAsync("n4")).Select(r => r.Event.Kind).ShouldBe(["created", "invited", "comment"]);
        (await store.ReadAsync("n5")).Count.ShouldBe(2);
        (await store.ReadTokensAsync("n4")).ShouldBe([(hash, "n4", "i1")]);
        (await store.ListAsync()).OrderBy(n => n.Id).ShouldBe([("n1", 2L), ("n2", 1L), ("n3", 1L), ("n4", 3L), ("n5", 2L)]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_AfterAnAppendNotStored_RefusedEvenWhereItsVersionMatches(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created(), Comment("one")], At);

        // The predecessor is stale (the log is at 2, not 1); its successor's own check (at 2) would pass alone.
        // Queued together (one group) and one after the other (two groups): the successor is refused both ways.
        var stale = store.AppendAsync("n1", 1, [Comment("stale")], At);
        var successor = store.AppendAsync("n1", 2, [Comment("decided on top of the stale one")], At, stale);
        await Should.ThrowAsync<ConcurrencyException>(() => stale);
        await Should.ThrowAsync<ConcurrencyException>(() => successor);
        var later = store.AppendAsync("n1", 3, [Comment("and on top of that one")], At, successor);
        await Should.ThrowAsync<ConcurrencyException>(() => later);

        (await store.ReadAsync("n1")).Count.ShouldBe(2);
        (await store.ListAsync()).ShouldBe([("n1", 2L)]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Append_SuccessorsQueuedTogether_StoredInOrderWithTheirOwnTimes(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created()], At);

        var first = store.AppendAsync("n1", 1, [Comment("first")], At.AddSeconds(1));
        var second = store.AppendAsync("n1", 2, [Comment("second"), Comment("second again")], At.AddSeconds(2), first);
        var third = store.AppendAsync("n1", 4, [Comment("third")], At.AddSeconds(3), second);

        (await first).Select(r => r.Sequence).ShouldBe([2L]);
        (await second).Select(r => r.Sequence).ShouldBe([3L, 4L]);
        (await third).Select(r => r.Sequence).ShouldBe([5L]);
        var read = await store.ReadAsync("n1");
        read.Select(r => ((r.Event as CommentPosted)?.Text, r.At)).ShouldBe([(null, At), ("first", At.AddSeconds(1)), ("second", At.AddSeconds(2)), ("second again", At.AddSeconds(2)), ("third", At.AddSeconds(3))]);
        (await store.ListAsync()).ShouldBe([("n1", 5L)]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Snapshots_ManyQueuedAmongAppends_EachStoredAndTheAppendsAnsweredAsBefore(string kind)
    {
        // Larger than one turn's budget in all: the writer takes them in several turns between the groups.
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        const int Negotiations = 24;
        var body = "{\"pad\":\"" + new string('s', 20_000) + "\"}";
        (SqlEventStore.SnapshotTurnChars / body.Length).ShouldBeLessThan(Negotiations);
        for (var n = 0; n < Negotiations; n++)
        {
            await store.AppendAsync("n" + n, 0, [Created()], At);
        }

        var writes = new List<Task>();
        for (var n = 0; n < Negotiations; n++)
        {
            writes.Add(store.WriteSnapshotAsync("n" + n, 1, 7, body.Replace("\"pad\"", "\"n" + n + "\"", StringComparison.Ordinal), At));
            writes.Add(store.AppendAsync("n" + n, 1, [Comment("after " + n)], At.AddSeconds(1)));
        }

        await Task.WhenAll(writes);
        for (var n = 0; n < Negotiations; n++)
        {
            var snapshot = (await store.ReadSnapshotAsync("n" + n)).ShouldNotBeNull();
            (snapshot.Version, snapshot.Format).ShouldBe((1L, 7));
            snapshot.Body.ShouldStartWith("{\"n" + n + "\":");
            (await store.ReadAsync("n" + n)).Select(r => r.Sequence).ShouldBe([1L, 2L]);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Snapshots_OlderAfterNewer_TheNewerStaysUnlessReplacing(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created(), Comment("one"), Comment("two")], At);

        var newer = store.WriteSnapshotAsync("n1", 3, 7, "{\"v\":3}", At);
        var older = store.WriteSnapshotAsync("n1", 2, 7, "{\"v\":2}", At);
        await Task.WhenAll(newer, older);
        (await store.ReadSnapshotAsync("n1")).ShouldNotBeNull().Body.ShouldBe("{\"v\":3}");

        await store.WriteSnapshotAsync("n1", 2, 7, "{\"v\":2}", At, replace: true);
        (await store.ReadSnapshotAsync("n1")).ShouldNotBeNull().Body.ShouldBe("{\"v\":2}");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Snapshots_QueuedThenStoreDisposed_WrittenBeforeItCloses(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var store = await OpenAsync(db);
        await store.AppendAsync("n1", 0, [Created()], At);
        var write = store.WriteSnapshotAsync("n1", 1, 7, "{\"v\":1}", At);

        await store.DisposeAsync();

        write.IsCompletedSuccessfully.ShouldBeTrue();
        await Should.ThrowAsync<ObjectDisposedException>(() => store.WriteSnapshotAsync("n1", 1, 7, "{}", At));
        await using var reopened = await OpenAsync(db);
        (await reopened.ReadSnapshotAsync("n1")).ShouldNotBeNull().Body.ShouldBe("{\"v\":1}");
    }

    private static async Task<IEventStore> OpenAsync(TestDatabase db)
    {
        var store = db.Target.Open();
        await store.MigrateAsync();
        return store;
    }

    private static CaseCreated Created() => new("t", "scratch", null, [new IssueSpec("a", ["x", "y"])], ["p", "q"]);

    private static CommentPosted Comment(string text) => new(Audience.Mediator, text, CommentAudience.Everyone, -1);
}

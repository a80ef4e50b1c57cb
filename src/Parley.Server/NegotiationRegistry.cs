using System.Collections.Concurrent;
using System.Collections.Frozen;
using Parley.Server.Diagnostics;
using Parley.Server.Live;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>
/// The negotiations this node serves: an in-memory cache of the stored logs. Every command is
/// decided by the library's case, appended to the store in one transaction, and only then applied
/// to the cache and sent to the live channel: an acknowledged action is durable, and a failed
/// append leaves the cache as it was.
/// </summary>
internal sealed partial class NegotiationRegistry(IEventStore store, TimeProvider time, LiveChannel live, ServerOptions options, ILogger<NegotiationRegistry> logger)
{
    private const int MaxAttempts = 100;
    private readonly ConcurrentDictionary<string, NegotiationEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Negotiation, string Invitation)> _tokens = new(StringComparer.Ordinal);

    public IEventStore Store => store;

    public int Count => _entries.Count;

    public IEnumerable<NegotiationEntry> Entries => _entries.Values;

    /// <summary>
    /// Start-up: reads the catalogue and the token projection, not the logs. A negotiation's log is
    /// replayed on its first use, so start-up time depends on the number of negotiations, not on
    /// the length of their histories.
    /// </summary>
    public async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        var list = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, _) in list)
        {
            _entries.TryAdd(id, new NegotiationEntry(id, null));
        }

        foreach (var (hash, negotiation, invitation) in await store.ReadTokensAsync(null, cancellationToken).ConfigureAwait(false))
        {
            _tokens[hash] = (negotiation, invitation);
        }

        LogLoaded(logger, list.Count, store.Kind);
    }

    public NegotiationEntry? Find(string id) => _entries.TryGetValue(id, out var e) ? e : null;

    /// <summary>The negotiation and invitation a token opens (revoked ones included), or null.</summary>
    public (NegotiationEntry Entry, string Invitation)? ResolveToken(string token)
    {
        var hash = InvitationTokens.Hash(token);
        return _tokens.TryGetValue(hash, out var t) && Find(t.Negotiation) is { } entry ? (entry, t.Invitation) : null;
    }

    /// <summary>Stores a new negotiation's first events.</summary>
    public async Task<NegotiationEntry> CreateAsync(string id, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var records = await store.AppendAsync(id, 0, events, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var entry = new NegotiationEntry(id, MediationCase.Replay(records));
        Index(entry, records);
        _entries[id] = entry;
        LogCreated(logger, id, entry.Case.Title);
        return entry;
    }

    /// <summary>
    /// Decides a command and applies it on top of the appends still unconfirmed, stores it (in their group commit when it
    /// is still forming), and only once it is stored answers and broadcasts it; on a concurrent writer (another node), catches up and decides again.
    /// <paramref name="invitation"/> (the caller's, authorised from <see cref="NegotiationEntry.Invitations"/>) is checked
    /// again under the gate, so that no action is stored after its invitation's revocation.
    /// </summary>
    /// <exception cref="AccessRevokedException">The invitation was revoked (or expired) since the caller was authorised.</exception>
    public async Task<CommandOutcome> ExecuteAsync(NegotiationEntry entry, string invitation, Audience actor, CaseCommand command, long? ifMatch, CancellationToken cancellationToken)
    {
        var trace = RequestTrace.Current;
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        trace?.GateAcquired = RequestTrace.Now();

        var held = true;
        try
        {
            ConfirmLocked(entry);
            await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                // Checked on every attempt: what another node wrote meanwhile (read below) may be the revocation.
                try
                {
                    CheckAdmittedLocked(entry, invitation);
                }
                catch (AccessRevokedException) when (entry.Unconfirmed.Count > 0)
                {
                    // Refused only for what is stored: the revocation may be among the appends still unconfirmed.
                    await SettleLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var c = entry.Case;
                var now = time.GetUtcNow();
                var decision = ifMatch is null ? c.Decide(actor, command, now) : null;
                if (entry.Unconfirmed.Count > 0 && decision is not { Accepted: true })
                {
                    // A refusal and a version check answer from what is stored: wait for the appends still unconfirmed, then decide again.
                    await SettleLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (ifMatch is { } expected)
                {
                    if (expected != c.Version)
                    {
                        return new CommandOutcome(CaseRefusalKind.None, $"the negotiation is at version {c.Version}, not {expected}", [], c.Version, Stale: true);
                    }

                    decision = c.Decide(actor, command, now);
                }

                trace?.Decided = RequestTrace.Now();

                if (!decision!.Accepted)
                {
                    if (decision.Refusal == CaseRefusalKind.OutOfTurn && c.Tick(now) is { Events.Count: > 0 } tick)
                    {
                        // A round's deadline passed: record its closing first, then answer.
                        try
                        {
                            await AppendLockedAsync(entry, tick.Events, now, cancellationToken).ConfigureAwait(false);
                        }
                        catch (ConcurrencyException)
                        {
                            await CatchUpLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    return new CommandOutcome(decision.Refusal, decision.Message, [], entry.Case.Version);
                }

                // Applied now, on top of the appends still unconfirmed, and queued to be committed after them (in
                // the same group commit when it is still forming); the gate is free meanwhile, so the next command
                // on this negotiation is decided on top of this one instead of waiting for its commit. The answer
                // and the live messages wait for the commit (confirmed in the log's order, below).
                var (commit, records, after) = AppendUnconfirmedLocked(entry, decision.Events, now);
                entry.Gate.Release();
                held = false;
                await ((Task)commit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                trace?.Resumed = RequestTrace.Now();

                // Not cancellable: whoever holds the gate next confirms in order, and so must this caller.
                await entry.Gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                held = true;
                ConfirmLocked(entry);
                trace?.Applied = RequestTrace.Now();

                if (commit.IsCompletedSuccessfully)
                {
                    // (An append decided on top of this one may have failed meanwhile: the case is then reloaded first.)
                    await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
                    await RunAgentsLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    return new CommandOutcome(CaseRefusalKind.None, null, records, records[^1].Sequence);
                }

                if (commit.Exception!.InnerException is not ConcurrencyException)
                {
                    // Not stored (the commit failed): the case was dropped, to be reloaded from the log; the caller gets the failure.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(commit.Exception.InnerException!).Throw();
                }

                // Another node wrote first (it made progress), or an append this one was decided on top of was not
                // stored: the case was dropped; read the log again (after another node's write, back off a little), decide again.
                await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
                if (after is not { IsFaulted: true })
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(attempt + 1, 20)), time, cancellationToken).ConfigureAwait(false);
                }
            }

            throw new InvalidOperationException($"Negotiation {entry.Id}: {MaxAttempts} concurrent writers in a row.");
        }
        finally
        {
            if (held)
            {
                entry.Gate.Release();
            }

            trace?.Released = RequestTrace.Now();
        }
    }

    /// <summary>
    /// Applies an accepted command's events to the case before they are stored, queues their append after
    /// the unconfirmed ones (as the last one's successor: stored only if it is) and prepares their live
    /// messages from the state they leave; with the gate held.
    /// </summary>
    private (Task<IReadOnlyList<CaseRecord>> Commit, IReadOnlyList<CaseRecord> Records, Task? After) AppendUnconfirmedLocked(NegotiationEntry entry, IReadOnlyList<CaseEvent> events, DateTimeOffset now)
    {
        var c = entry.Case;
        var expected = c.Version;
        var after = entry.Unconfirmed.Count > 0 ? entry.Unconfirmed[^1].Commit : null;
        var commit = store.AppendAsync(entry.Id, expected, events, now, after, CancellationToken.None);
        var records = new CaseRecord[events.Count];
        var invitationsChanged = false;
        for (var i = 0; i < events.Count; i++)
        {
            records[i] = new CaseRecord(expected + 1 + i, now, events[i]);
            c.Apply(records[i]);
            invitationsChanged |= events[i] is InvitationIssued or InvitationRevoked;
        }

        entry.Unconfirmed.Add(new UnconfirmedAppend(commit, records, live.Prepare(entry, records), invitationsChanged ? c.Invitations.ToFrozenDictionary(StringComparer.Ordinal) : null));
        return (commit, records, after);
    }

    /// <summary>
    /// Confirms, in the log's order, the unconfirmed appends whose commits are done: their tokens and invitations
    /// take effect and their live messages are sent. At the first one that was not stored, the case is dropped
    /// (it holds what the log does not) with every later one (each was queued as its successor, so none of
    /// them is stored either), to be reloaded from the log on next use. With the gate held.
    /// </summary>
    private void ConfirmLocked(NegotiationEntry entry)
    {
        var unconfirmed = entry.Unconfirmed;
        var confirmed = 0;
        for (; confirmed < unconfirmed.Count && unconfirmed[confirmed].Commit.IsCompleted; confirmed++)
        {
            var u = unconfirmed[confirmed];
            if (!u.Commit.IsCompletedSuccessfully)
            {
                entry.ReloadedFrom = u.Records[0].Sequence - 1;
                entry.Loaded = null;
                unconfirmed.Clear();
                return;
            }

            IndexTokens(entry, u.Records);
            if (u.Invitations is { } invitations)
            {
                entry.Invitations = invitations;
            }

            live.Send(u.Live);
        }

        unconfirmed.RemoveRange(0, confirmed);
        if (confirmed > 0 && unconfirmed.Count == 0)
        {
            SnapshotIfDue(entry);
        }
    }

    /// <summary>Waits, with the gate held, until no append is unconfirmed (confirming them, or reloading the case if one was not stored).</summary>
    private async Task SettleLockedAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        while (entry.Unconfirmed.Count > 0)
        {
            await ((Task)entry.Unconfirmed[^1].Commit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ConfirmLocked(entry);
        }

        await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records what the clock's passing causes (a round closing at its deadline).</summary>
    public async Task TickAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await SettleLockedAsync(entry, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var tick = entry.Case.Tick(now);
            if (tick.Events.Count > 0)
            {
                try
                {
                    await AppendLockedAsync(entry, tick.Events, now, cancellationToken).ConfigureAwait(false);
                    await RunAgentsLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                }
                catch (ConcurrencyException)
                {
                    // Another node recorded it (or something else) first.
                    await CatchUpLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Reads the case consistently, for a caller whose <paramref name="invitation"/> is checked again under
    /// the gate. <paramref name="recordsAfter"/>: the read needs the records after that sequence (0, the
    /// default: every record, as a whole view does; a catch-up: those after the client's last one).
    /// </summary>
    /// <exception cref="AccessRevokedException">The invitation was revoked (or expired) since the caller was authorised.</exception>
    public async Task<T> ReadAsync<T>(NegotiationEntry entry, string invitation, Func<MediationCase, T> read, CancellationToken cancellationToken, long recordsAfter = 0)
    {
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only what is stored is read: the appends still unconfirmed are waited for.
            await SettleLockedAsync(entry, cancellationToken).ConfigureAwait(false);
            CheckAdmittedLocked(entry, invitation);
            if (recordsAfter < entry.Case.EarlierRecordCount)
            {
                await AttachEarlierRecordsAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            return read(entry.Case);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>The invitations of <paramref name="entry"/> (an immutable copy), loading its log on first use; waits for the gate only then.</summary>
    public async ValueTask<FrozenDictionary<string, Invitation>> InvitationsAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Invitations is { } invitations)
        {
            return invitations;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
            return entry.Invitations!;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private void CheckAdmittedLocked(NegotiationEntry entry, string invitation)
    {
        var found = entry.Case.Invitations.GetValueOrDefault(invitation);
        if (found is null || found.Revoked)
        {
            throw new AccessRevokedException("the token has been revoked");
        }

        if (!found.IsValidAt(time.GetUtcNow()))
        {
            throw new AccessRevokedException("the token has expired");
        }
    }

    /// <summary>Another node appended to <paramref name="id"/> (PostgreSQL NOTIFY): load what is new, apply it, broadcast it.</summary>
    public async Task OnRemoteAppendAsync(string id, long version, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } entry)
        {
            // A negotiation created on another node: known from now on, loaded on first use.
            foreach (var (hash, negotiation, invitation) in await store.ReadTokensAsync(id, cancellationToken).ConfigureAwait(false))
            {
                _tokens[hash] = (negotiation, invitation);
            }

            _entries.TryAdd(id, new NegotiationEntry(id, null));
            return;
        }

        while (true)
        {
            Task pending;
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (entry.Loaded is null && entry.ReloadedFrom is null)
                {
                    // Not loaded here: it will read its whole log when used; only its new tokens matter now.
                    foreach (var (hash, negotiation, invitation) in await store.ReadTokensAsync(id, cancellationToken).ConfigureAwait(false))
                    {
                        _tokens[hash] = (negotiation, invitation);
                    }

                    return;
                }

                ConfirmLocked(entry);
                await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
                var stored = entry.Unconfirmed.Count > 0 ? entry.Unconfirmed[0].Records[0].Sequence - 1 : entry.Case.Version;
                if (stored >= version)
                {
                    return;   // already here (this node's own appends are notified too)
                }

                if (entry.Unconfirmed.Count == 0)
                {
                    await CatchUpLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    return;
                }

                // Appends of this node are unconfirmed: the notification is news only once they are settled
                // (stored, or dropped with a reload that publishes the other writer's events). Waited for
                // outside the gate, so that this node's next command does not wait with it.
                pending = entry.Unconfirmed[^1].Commit;
            }
            finally
            {
                entry.Gate.Release();
            }

            await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The number of negotiations whose log has been replayed into this node's cache.</summary>
    public int LoadedCount => _entries.Values.Count(e => e.Loaded is not null);

    private async Task EnsureLoadedAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Loaded is null)
        {
            var records = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            Index(entry, records);
            if (entry.ReloadedFrom is { } from)
            {
                // Dropped after an append that was not stored: what another writer stored since is news to the live clients.
                entry.ReloadedFrom = null;
                var news = await store.ReadAsync(entry.Id, from, cancellationToken).ConfigureAwait(false);
                Index(entry, news);
                live.Publish(entry, news);
            }
        }
    }

    /// <summary>Lets the built-in agents holding seats act (vote, sign) on what the last command opened; each action is stored like a person's.</summary>
    private async Task RunAgentsLockedAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        for (var acted = true; acted;)
        {
            acted = false;
            for (var seat = 0; seat < entry.Case.Seats.Count; seat++)
            {
                if (SeatAgents.Next(entry.Case, seat) is not { } command)
                {
                    continue;
                }

                if (entry.Unconfirmed.Count > 0)
                {
                    // Agents act on what is stored.
                    await SettleLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    acted = true;
                    break;
                }

                var decision = entry.Case.Decide(Audience.Delegation(seat), command, time.GetUtcNow());
                if (decision.Accepted)
                {
                    await AppendLockedAsync(entry, decision.Events, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    acted = true;
                }
            }
        }
    }

    private async Task<IReadOnlyList<CaseRecord>> AppendLockedAsync(NegotiationEntry entry, IReadOnlyList<CaseEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Durable first (the transaction commits), then the cache, then the live channel.
        var records = await store.AppendAsync(entry.Id, entry.Case.Version, events, now, cancellationToken).ConfigureAwait(false);
        var trace = RequestTrace.Current;
        trace?.Resumed = RequestTrace.Now();

        ApplyLocked(entry, records);
        SnapshotIfDue(entry);
        trace?.Applied = RequestTrace.Now();

        return records;
    }

    private async Task CatchUpLockedAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        var records = await store.ReadAsync(entry.Id, entry.Case.Version, cancellationToken).ConfigureAwait(false);
        ApplyLocked(entry, records);
    }

    private void ApplyLocked(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        foreach (var r in records)
        {
            entry.Case.Apply(r);
        }

        Index(entry, records);
        live.Publish(entry, records);
    }

    private void IndexTokens(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        foreach (var r in records)
        {
            if (r.Event is InvitationIssued i && i.TokenHash.Length > 0)
            {
                _tokens[i.TokenHash] = (entry.Id, i.Invitation);
            }
        }
    }

    private void Index(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        IndexTokens(entry, records);
        var invitationsChanged = entry.Invitations is null;
        foreach (var r in records)
        {
            invitationsChanged |= r.Event is InvitationIssued or InvitationRevoked;
        }

        if (invitationsChanged)
        {
            // A new immutable copy for authorisation without the gate (invitations change rarely).
            entry.Invitations = entry.Case.Invitations.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} negotiations from {Store}")]
    private static partial void LogLoaded(ILogger logger, int count, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created negotiation {Negotiation} ({Title})")]
    private static partial void LogCreated(ILogger logger, string negotiation, string title);
}

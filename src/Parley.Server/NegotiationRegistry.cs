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
    /// Decides, stores, applies and broadcasts a command; on a concurrent writer (another node), catches up and decides again.
    /// <paramref name="invitation"/> (the caller's, authorised from <see cref="NegotiationEntry.Invitations"/>) is checked
    /// again under the gate, so that no action is stored after its invitation's revocation.
    /// </summary>
    /// <exception cref="AccessRevokedException">The invitation was revoked (or expired) since the caller was authorised.</exception>
    public async Task<CommandOutcome> ExecuteAsync(NegotiationEntry entry, string invitation, Audience actor, CaseCommand command, long? ifMatch, CancellationToken cancellationToken)
    {
        var trace = RequestTrace.Current;
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (trace is not null)
        {
            trace.GateAcquired = RequestTrace.Now();
        }

        try
        {
            await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                // Checked on every attempt: what another node wrote meanwhile (read below) may be the revocation.
                CheckAdmittedLocked(entry, invitation);
                var c = entry.Case;
                if (ifMatch is { } expected && expected != c.Version)
                {
                    return new CommandOutcome(CaseRefusalKind.None, $"the negotiation is at version {c.Version}, not {expected}", [], c.Version, Stale: true);
                }

                var now = time.GetUtcNow();
                var decision = c.Decide(actor, command, now);
                if (trace is not null)
                {
                    trace.Decided = RequestTrace.Now();
                }

                if (!decision.Accepted)
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

                try
                {
                    var records = await AppendLockedAsync(entry, decision.Events, now, cancellationToken).ConfigureAwait(false);
                    var version = entry.Case.Version;
                    await RunAgentsLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    return new CommandOutcome(CaseRefusalKind.None, null, records, version);
                }
                catch (ConcurrencyException)
                {
                    // Another node wrote first (it made progress): read what it wrote, back off a little, decide again.
                    await CatchUpLockedAsync(entry, cancellationToken).ConfigureAwait(false);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(attempt + 1, 20)), time, cancellationToken).ConfigureAwait(false);
                }
            }

            throw new InvalidOperationException($"Negotiation {entry.Id}: {MaxAttempts} concurrent writers in a row.");
        }
        finally
        {
            entry.Gate.Release();
            if (trace is not null)
            {
                trace.Released = RequestTrace.Now();
            }
        }
    }

    /// <summary>Records what the clock's passing causes (a round closing at its deadline).</summary>
    public async Task TickAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
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
            await EnsureLoadedAsync(entry, cancellationToken).ConfigureAwait(false);
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

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry.Loaded is null)
            {
                // Not loaded here: it will read its whole log when used; only its new tokens matter now.
                foreach (var (hash, negotiation, invitation) in await store.ReadTokensAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    _tokens[hash] = (negotiation, invitation);
                }

                return;
            }

            if (entry.Loaded.Version >= version)
            {
                return;
            }

            await CatchUpLockedAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
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
        if (trace is not null)
        {
            trace.Resumed = RequestTrace.Now();
        }

        ApplyLocked(entry, records);
        SnapshotIfDue(entry);
        if (trace is not null)
        {
            trace.Applied = RequestTrace.Now();
        }

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

    private void Index(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        var invitationsChanged = entry.Invitations is null;
        foreach (var r in records)
        {
            if (r.Event is InvitationIssued i && i.TokenHash.Length > 0)
            {
                _tokens[i.TokenHash] = (entry.Id, i.Invitation);
            }

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

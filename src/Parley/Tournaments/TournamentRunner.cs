using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;

namespace Parley.Tournaments;

/// <summary>
/// Runs the sessions of a plan that a journal does not yet hold, in parallel, appending each
/// finished session to the journal as it finishes.
/// </summary>
/// <remarks>
/// <para>Workers are dedicated threads, each taking the next unfinished session id. Finished records go
/// through a bounded queue to the calling thread, which appends them to the journal and flushes
/// after every batch: memory stays bounded whatever the number of sessions. A worker hands its
/// records over in small batches (up to <see cref="HandOverCount"/> records, or what it finished
/// within <see cref="HandOverInterval"/>), not one by one: a session of a tournament takes tens of
/// microseconds, and waking the calling thread for each one cost more CPU than the journal itself
/// (the waits spin before they sleep, on cores the workers need).</para>
/// <para>Fault isolation: a runner that throws yields a failure record with the exception; a session
/// that overruns <see cref="TournamentRunOptions.SessionTimeout"/> is recorded as a failure, its
/// cancellation token is signalled, its thread is abandoned and a fresh worker takes its place.</para>
/// <para>Cancellation stops handing out sessions; sessions already running finish and are recorded,
/// so a cancelled run loses nothing and records no truncated session.</para>
/// </remarks>
public static class TournamentRunner
{
    /// <summary>The most records a worker gathers before it hands them to the journal.</summary>
    internal const int HandOverCount = 64;

    /// <summary>The longest a finished record waits in its worker before it goes to the journal (so progress stays live).</summary>
    internal static readonly TimeSpan HandOverInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Runs every session of <paramref name="plan"/> not yet in <paramref name="journal"/>.</summary>
    public static TournamentRunResult Run(
        TournamentPlan plan,
        SessionRunner runner,
        ResultsJournal journal,
        TournamentRunOptions options,
        IProgress<TournamentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        var run = new RunState(plan, runner, journal, options, cancellationToken);
        return run.Execute(progress);
    }

    private sealed class RunState
    {
        private readonly TournamentPlan _plan;
        private readonly SessionRunner _runner;
        private readonly ResultsJournal _journal;
        private readonly TournamentRunOptions _options;
        private readonly TimeProvider _time;
        private readonly CancellationToken _cancel;
        private readonly BitArray _done;
        private readonly BlockingCollection<SessionRecord[]> _results;
        private readonly List<Worker> _workers = [];
        private readonly Lock _idLock = new();
        private long _nextId;
        private int _liveWorkers;

        public RunState(TournamentPlan plan, SessionRunner runner, ResultsJournal journal, TournamentRunOptions options, CancellationToken cancel)
        {
            _plan = plan;
            _runner = runner;
            _journal = journal;
            _options = options;
            _time = options.TimeProvider ?? TimeProvider.System;
            _cancel = cancel;
            _done = journal.SnapshotFinished();
            _results = new BlockingCollection<SessionRecord[]>(boundedCapacity: Math.Max(64, options.Parallelism * 16));
        }

        public TournamentRunResult Execute(IProgress<TournamentProgress>? progress)
        {
            var started = _time.GetTimestamp();
            var resumed = _journal.FinishedCount;
            long ran = 0, failed = 0;
            var lastReport = started;
            var lastDiskFlush = started;
            for (var i = 0; i < _options.Parallelism; i++)
            {
                StartWorker();
            }

            void Append(SessionRecord[] records)
            {
                foreach (var record in records)
                {
                    var before = _journal.FinishedCount;
                    _journal.Append(record);
                    if (_journal.FinishedCount > before)
                    {
                        ran++;
                        failed += record.Outcome.Exception is null ? 0 : 1;
                    }
                }
            }

            while (true)
            {
                if (_results.TryTake(out var records, 50))
                {
                    var batches = 0;
                    do
                    {
                        Append(records);
                    }
                    while (++batches < 64 && _results.TryTake(out records));

                    var now = _time.GetTimestamp();
                    var toDisk = _time.GetElapsedTime(lastDiskFlush, now) >= TimeSpan.FromMilliseconds(250);
                    _journal.Flush(toDisk);
                    if (toDisk)
                    {
                        lastDiskFlush = now;
                    }

                    if (progress is not null && _time.GetElapsedTime(lastReport, now) >= TimeSpan.FromMilliseconds(100))
                    {
                        lastReport = now;
                        progress.Report(new TournamentProgress(_plan.Count, _journal.FinishedCount, resumed, failed, _time.GetElapsedTime(started, now)));
                    }
                }

                // This thread drains the bounded queue, so it appends what the watchdog records itself
                // rather than adding to the queue (which could be full).
                foreach (var overdue in AbandonOverdueSessions())
                {
                    Append(overdue);
                }

                if (Volatile.Read(ref _liveWorkers) == 0 && _results.Count == 0)
                {
                    break;
                }
            }

            _journal.Flush(toDisk: true);
            var elapsed = _time.GetElapsedTime(started);
            progress?.Report(new TournamentProgress(_plan.Count, _journal.FinishedCount, resumed, failed, elapsed));
            return new TournamentRunResult(_plan.Count, resumed, ran, failed, elapsed, _cancel.IsCancellationRequested && _journal.FinishedCount < _plan.Count);
        }

        private void StartWorker()
        {
            var worker = new Worker();
            lock (_workers)
            {
                _workers.Add(worker);
            }

            Interlocked.Increment(ref _liveWorkers);
            worker.Thread = new Thread(() => WorkLoop(worker))
            {
                IsBackground = true,
                Name = "parley-tournament-worker",
            };
            worker.Thread.Start();
        }

        private bool TryTakeId(out long id)
        {
            lock (_idLock)
            {
                while (_nextId < _plan.Count)
                {
                    id = _nextId++;
                    if (!_done[(int)id])
                    {
                        return true;
                    }
                }
            }

            id = -1;
            return false;
        }

        private void WorkLoop(Worker worker)
        {
            var finished = worker.Finished;
            var since = 0L;
            while (!_cancel.IsCancellationRequested && TryTakeId(out var id))
            {
                var spec = _plan[id];
                var slot = new Slot(spec, _time.GetTimestamp());
                worker.Current = slot;
                SessionOutcome outcome;
                try
                {
                    outcome = _runner(spec, slot.Cancellation.Token);
                }
#pragma warning disable CA1031 // A failing session must never stop the tournament: every exception becomes that session's record.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    outcome = SessionOutcome.FailedBeforeEnd(_plan.Definition.Scenarios[spec.ScenarioIndex], $"{ex.GetType().Name}: {ex.Message}");
                }

                if (!slot.TryClaim())
                {
                    // The watchdog recorded this session as timed out, handed over what this worker had
                    // finished before it, and replaced it: nothing here is this worker's any more.
                    return;
                }

                slot.Dispose();
                worker.Current = null;
                var now = _time.GetTimestamp();
                if (finished.Count == 0)
                {
                    since = now;
                }

                finished.Add(new SessionRecord(spec.Id, spec.Seed, _time.GetElapsedTime(slot.Started, now), outcome));
                if (finished.Count >= HandOverCount || _time.GetElapsedTime(since, now) >= HandOverInterval)
                {
                    HandOver(finished);
                }
            }

            HandOver(finished);
            lock (_workers)
            {
                _workers.Remove(worker);
            }

            Interlocked.Decrement(ref _liveWorkers);
        }

        private void HandOver(List<SessionRecord> finished)
        {
            if (finished.Count > 0)
            {
                _results.Add(Take(finished));
            }
        }

        private static SessionRecord[] Take(List<SessionRecord> finished)
        {
            SessionRecord[] taken = [.. finished];
            finished.Clear();
            return taken;
        }

        /// <summary>Records every session past its time limit as a failure and replaces its worker; returns the records to append (with what the hung workers had finished before).</summary>
        private List<SessionRecord[]> AbandonOverdueSessions()
        {
            var recorded = new List<SessionRecord[]>(0);
            if (_options.SessionTimeout is not { } limit)
            {
                return recorded;
            }

            Worker[] workers;
            lock (_workers)
            {
                workers = [.. _workers];
            }

            foreach (var w in workers)
            {
                var slot = w.Current;
                if (slot is null || _time.GetElapsedTime(slot.Started) <= limit || !slot.TryClaim())
                {
                    continue;
                }

                lock (_workers)
                {
                    _workers.Remove(w);
                }

                // The hung worker never touches its records again once its slot is claimed: record them.
                if (w.Finished.Count > 0)
                {
                    recorded.Add(Take(w.Finished));
                }

                Interlocked.Decrement(ref _liveWorkers);
                slot.Cancellation.Cancel();
                var spec = slot.Spec;
                var message = string.Create(CultureInfo.InvariantCulture, $"TimeoutException: the session ran longer than its limit of {limit.TotalSeconds:0.###} s and was abandoned (an agent hangs)");
                var outcome = SessionOutcome.FailedBeforeEnd(_plan.Definition.Scenarios[spec.ScenarioIndex], message);
                recorded.Add([new SessionRecord(spec.Id, spec.Seed, _time.GetElapsedTime(slot.Started), outcome)]);
                if (!_cancel.IsCancellationRequested)
                {
                    StartWorker();
                }
            }

            return recorded;
        }
    }

    private sealed class Worker
    {
        public Thread? Thread { get; set; }

        /// <summary>Records this worker has finished and not yet handed over (only its own thread touches them, until the watchdog claims its slot).</summary>
        public List<SessionRecord> Finished { get; } = new(HandOverCount);

        public volatile Slot? Current;
    }

    private sealed class Slot(SessionSpec spec, long started) : IDisposable
    {
        private int _claimed;

        public SessionSpec Spec { get; } = spec;

        public long Started { get; } = started;

        public CancellationTokenSource Cancellation { get; } = new();

        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        public void Dispose() => Cancellation.Dispose();
    }
}

using System.Buffers;
using System.Collections;
using System.Text.Json;

namespace Parley.Tournaments;

/// <summary>
/// The append-only record of finished sessions (one JSON line per session, in the order they
/// finished). It is what makes a tournament resumable: on reopening, the sessions it holds are
/// skipped, and the final results are written from it.
/// </summary>
/// <remarks>
/// A process killed while writing leaves at most one partial last line; <see cref="Open"/> cuts it
/// off, so a session is either wholly recorded or not at all (and then run again). The runner
/// flushes records to the operating system after every batch, so a finished session survives the
/// process being killed, and to the disk (fsync) at least every quarter second and at the end.
/// </remarks>
public sealed class ResultsJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 14);
    private readonly BitArray _finished;
    private long _finishedCount;

    private ResultsJournal(FileStream stream, BitArray finished, long finishedCount)
    {
        _stream = stream;
        _finished = finished;
        _finishedCount = finishedCount;
    }

    /// <summary>The journal file.</summary>
    public string Path => _stream.Name;

    /// <summary>How many distinct sessions the journal holds.</summary>
    public long FinishedCount => _finishedCount;

    /// <summary>Opens (or creates) the journal at <paramref name="path"/> for a plan of <paramref name="sessionCount"/> sessions.</summary>
    /// <exception cref="InputException">The journal holds a record that cannot be read, or an id outside the plan.</exception>
    public static ResultsJournal Open(string path, long sessionCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sessionCount, int.MaxValue);
        var finished = new BitArray((int)sessionCount);
        long count = 0;
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        try
        {
            var lineNumber = 0;
            var end = JournalLines.Scan(stream, (_, line) =>
            {
                lineNumber++;
                long id;
                try
                {
                    id = SessionRecordJson.ReadId(line);
                }
                catch (JsonException ex)
                {
                    throw new InputException(path, $"line {lineNumber}", "is not a session record (" + Formats.JsonInput.PlainProblem(ex) + "); the journal is damaged: delete this line (or the --out folder) and run again", ex);
                }

                if (id < 0 || id >= sessionCount)
                {
                    throw new InputException(path, $"line {lineNumber}", $"names session {id}, outside this tournament's {Reports.Wording.Count(sessionCount, "session")}");
                }

                if (!finished[(int)id])
                {
                    finished[(int)id] = true;
                    count++;
                }
            });
            if (end < stream.Length)
            {
                stream.SetLength(end);
            }

            stream.Position = end;
            return new ResultsJournal(stream, finished, count);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Whether session <paramref name="id"/> is recorded.</summary>
    public bool IsFinished(long id) => _finished[(int)id];

    /// <summary>A copy of the set of recorded sessions (bit i set when session i is recorded).</summary>
    public BitArray SnapshotFinished() => (BitArray)_finished.Clone();

    /// <summary>Appends a record (buffered until <see cref="Flush"/>); a session already recorded is ignored.</summary>
    public void Append(SessionRecord record)
    {
        if (_finished[(int)record.Id])
        {
            return;
        }

        _finished[(int)record.Id] = true;
        _finishedCount++;
        SessionRecordJson.WriteLine(_buffer, record);
        if (_buffer.WrittenCount > 1 << 16)
        {
            WriteBuffer();
        }
    }

    /// <summary>Writes the buffered records to the operating system (they survive the process being killed) and, if <paramref name="toDisk"/>, to the disk (fsync).</summary>
    public void Flush(bool toDisk = true)
    {
        WriteBuffer();
        _stream.Flush(flushToDisk: toDisk);
    }

    /// <summary>Flushes and closes the journal.</summary>
    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }

    private void WriteBuffer()
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        _stream.Write(_buffer.WrittenSpan);
        _buffer.Clear();
    }
}

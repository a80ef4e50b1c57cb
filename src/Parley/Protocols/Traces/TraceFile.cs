using System.Text;
using System.Text.Json;
using Parley.Domains;

namespace Parley.Protocols.Traces;

/// <summary>
/// A session's trace streamed to its file as the session runs (CSV or JSON, by the file's ending), so
/// that a trace is never kept whole in memory: each event is written when it happens, and the result
/// (JSON only) when the session ends.
/// </summary>
/// <remarks>
/// The file is written under a temporary name beside the target (<c>&lt;path&gt;.partial</c>) and
/// renamed to the target path by <see cref="Complete"/>; disposing an unfinished trace (an
/// interrupted session) deletes the temporary file, so no half-written trace is left behind. Same
/// format as <see cref="TraceCsvWriter"/> and <see cref="TraceJsonWriter"/>.
/// </remarks>
public sealed class TraceFile : ISessionObserver, IDisposable
{
    private const int FlushBytes = 1 << 16;
    private readonly string _path;
    private readonly string _partial;
    private readonly Domain _domain;
    private readonly string[] _names;
    private readonly FileStream _stream;
    private readonly StreamWriter? _csv;
    private readonly Utf8JsonWriter? _json;
    private long _count;
    private bool _completed;

    private TraceFile(string path, Domain domain, IReadOnlyList<string> partyNames, bool json)
    {
        _path = path;
        _partial = path + ".partial";
        _domain = domain;
        _names = [.. partyNames];
        _stream = new FileStream(_partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (json)
        {
            _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true });
            TraceJsonWriter.WriteHead(_json, domain, _names);
        }
        else
        {
            _csv = new StreamWriter(_stream, new UTF8Encoding(false), 1 << 16);
            TraceCsvWriter.WriteHeader(_csv, domain, _names);
        }
    }

    /// <summary>Starts the trace file <paramref name="path"/> (ending in <c>.csv</c> or <c>.json</c>) for a session over <paramref name="domain"/> between <paramref name="partyNames"/>.</summary>
    /// <exception cref="ArgumentException">The path ends in neither .csv nor .json.</exception>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static TraceFile Create(string path, Domain domain, IReadOnlyList<string> partyNames)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(partyNames);
        var json = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!json && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("the trace file must end in .csv or .json", nameof(path));
        }

        return new TraceFile(path, domain, partyNames, json);
    }

    /// <summary>The number of events written so far.</summary>
    public long Count => _count;

    /// <inheritdoc />
    public void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities)
    {
        if (_json is { } json)
        {
            TraceJsonWriter.WriteEvent(json, _domain, _names, e, utilities);
            if (json.BytesPending >= FlushBytes)
            {
                json.Flush();
            }
        }
        else
        {
            TraceCsvWriter.WriteRow(_csv!, _domain, _names, _count, e, utilities);
        }

        _count++;
    }

    /// <summary>Writes the result (JSON), closes the file and gives it its name.</summary>
    public void Complete(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_json is { } json)
        {
            TraceJsonWriter.WriteResult(json, _domain, result);
            json.Flush();
        }
        else
        {
            _csv!.Flush();
        }

        Close();
        File.Move(_partial, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; an unfinished trace's temporary file is deleted.</summary>
    public void Dispose()
    {
        Close();
        if (!_completed && File.Exists(_partial))
        {
            File.Delete(_partial);
        }
    }

    private void Close()
    {
        _json?.Dispose();
        _csv?.Dispose();
        _stream.Dispose();
    }
}

using System.Buffers;
using System.Text.Json;

namespace Parley.Protocols.Log;

/// <summary>
/// Writes a negotiation's event log as JSON Lines: the header, then one event per line, as the
/// events happen (an observer). See docs/formats.md, "Event logs".
/// </summary>
/// <remarks>
/// Each line is flushed to the stream when the session ends or every <see cref="FlushEvery"/> events,
/// so a log being written can be followed, and what is written is always whole lines. Nothing of
/// the log is kept in memory: a session of any length writes in constant memory.
/// </remarks>
public sealed class NegotiationLogWriter : INegotiationObserver, IDisposable
{
    /// <summary>How many events are buffered at most before the stream is flushed.</summary>
    public const int FlushEvery = 256;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private int _pending;
    private bool _disposed;

    /// <summary>Starts a log on <paramref name="stream"/> by writing <paramref name="header"/>.</summary>
    public NegotiationLogWriter(Stream stream, NegotiationLogHeader header, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        _stream = stream;
        _ownsStream = ownsStream;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = false });
        NegotiationLogJson.WriteHeader(_json, header);
        EndLine();
        Flush();
    }

    /// <summary>Creates (or replaces) the file <paramref name="path"/> and starts a log in it.</summary>
    /// <exception cref="InputException">The file cannot be created.</exception>
    public static NegotiationLogWriter Create(string path, NegotiationLogHeader header)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(path, string.Empty, Directory.Exists(path) ? "is a folder; give a file name for the event log" : $"cannot write the event log: {ex.Message}", ex);
        }

        return new NegotiationLogWriter(stream, header, ownsStream: true);
    }

    /// <inheritdoc />
    public void OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        NegotiationLogJson.WriteEvent(_json, e);
        EndLine();
        if (++_pending >= FlushEvery || e.Kind == EventKind.Ended)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered to the stream and flushes it.</summary>
    public void Flush()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.Clear();
        }

        _stream.Flush();
        _pending = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Flush();
        _json.Dispose();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
    }
}

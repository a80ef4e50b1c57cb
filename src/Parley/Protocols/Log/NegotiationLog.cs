using System.Text;
using System.Text.Json;
using Parley.Formats.ParleyJson;
using Parley.Scenarios;

namespace Parley.Protocols.Log;

/// <summary>A whole event log, read back: the header, the scenario it carries, and the events.</summary>
/// <param name="Header">The header line.</param>
/// <param name="Scenario">The scenario, read from the header.</param>
/// <param name="Events">The events, in order.</param>
public sealed record NegotiationLog(NegotiationLogHeader Header, Scenario Scenario, IReadOnlyList<NegotiationEvent> Events)
{
    /// <summary>The largest log read (1 GiB).</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the log file <paramref name="path"/>.</summary>
    /// <exception cref="InputException">A missing, unreadable or malformed file (with the line and what is wrong).</exception>
    public static NegotiationLog Read(string path)
    {
        FileStream stream;
        try
        {
            if (Directory.Exists(path))
            {
                throw new InputException(path, string.Empty, "is a folder; give the event log file (one JSON event per line)");
            }

            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, string.Empty, ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : $"cannot read the event log: {ex.Message}", ex);
        }

        using (stream)
        {
            if (stream.Length > MaxBytes)
            {
                throw new InputException(path, string.Empty, $"the event log is {stream.Length:N0} bytes; the limit is {MaxBytes:N0}");
            }

            return Read(stream, path);
        }
    }

    /// <summary>Reads a log from <paramref name="stream"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">A malformed log (with the line and what is wrong).</exception>
    public static NegotiationLog Read(Stream stream, string sourceName)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lineNo = 0;
        NegotiationLogHeader? header = null;
        Scenario? scenario = null;
        var events = new List<NegotiationEvent>();
        var actors = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new InputException(sourceName, $"line {lineNo}", $"not valid JSON ({FirstSentence(ex.Message)}); each line of an event log is one JSON object");
            }

            using (doc)
            {
                if (header is null)
                {
                    header = NegotiationLogJson.ReadHeader(doc.RootElement, sourceName);
                    using var scenarioStream = new MemoryStream(Encoding.UTF8.GetBytes(header.ScenarioJson));
                    try
                    {
                        scenario = ParleyScenarioReader.Read(scenarioStream, sourceName + " (header scenario)");
                    }
                    catch (InputException ex)
                    {
                        throw new InputException(sourceName, "line 1, scenario", ex.Problem + (ex.Location.Length > 0 ? $" (at {ex.Location})" : string.Empty), ex);
                    }

                    actors = header.Parties.Count + (header.Mediator is null ? 0 : 1);
                    continue;
                }

                var e = NegotiationLogJson.ReadEvent(doc.RootElement, sourceName, lineNo, scenario!.Domain, actors);
                if (e.Sequence != events.Count)
                {
                    throw new InputException(sourceName, $"line {lineNo}", $"event number {e.Sequence} where {events.Count} was expected: the log has a gap or a repeated line");
                }

                events.Add(e);
            }
        }

        if (header is null)
        {
            throw new InputException(sourceName, string.Empty, "the event log is empty");
        }

        return new NegotiationLog(header, scenario!, events);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var first = cut < 0 ? message : message[..cut];
        var path = first.IndexOf(" Path:", StringComparison.Ordinal);
        return (path < 0 ? first : first[..path]).TrimEnd('.');
    }
}

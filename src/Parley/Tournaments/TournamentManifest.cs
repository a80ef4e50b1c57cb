using System.Text;
using System.Text.Json;

namespace Parley.Tournaments;

/// <summary>
/// The manifest of a results folder: the definition that produced its journal. A run into a folder
/// whose manifest differs is refused, so a journal never mixes two tournaments.
/// </summary>
/// <remarks>Parallelism and the output folder are not part of the manifest: they do not change results.</remarks>
public static class TournamentManifest
{
    /// <summary>The manifest's file name inside a results folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The manifest of <paramref name="plan"/> as canonical, indented JSON.</summary>
    public static string ToJson(TournamentPlan plan)
    {
        var d = plan.Definition;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", 1);
            w.WriteString("protocol", d.Protocol);
            w.WriteStartArray("agents");
            foreach (var a in d.Agents)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
            w.WriteBoolean("selfPlay", d.SelfPlay);
            if (!d.PostSettlement)
            {
                // Written only when off, so that a results folder from before the field resumes (its sessions then have no judgement).
                w.WriteBoolean("postSettlement", false);
            }

            if (d.Mediators is { } mediators)
            {
                w.WriteStartArray("mediators");
                foreach (var m in mediators)
                {
                    w.WriteStringValue(m);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("scenarios");
            foreach (var s in d.Scenarios)
            {
                w.WriteStartObject();
                w.WriteString("name", s.Name);
                w.WriteStartArray("profiles");
                foreach (var p in s.Profiles)
                {
                    w.WriteStringValue(p);
                }

                w.WriteEndArray();
                w.WriteString("fingerprint", s.Fingerprint);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("repetitions", d.Repetitions);
            if (d.Rounds is { } r)
            {
                w.WriteNumber("rounds", r);
            }
            else
            {
                w.WriteNull("rounds");
            }

            if (d.Time is { } t)
            {
                w.WriteNumber("timeSeconds", t.TotalSeconds);
            }
            else
            {
                w.WriteNull("timeSeconds");
            }

            w.WriteNumber("seed", d.Seed);
            w.WriteNumber("sessions", plan.Count);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Writes the manifest into <paramref name="folder"/> if there is none; otherwise checks that it
    /// describes the same tournament.
    /// </summary>
    /// <returns>Whether a manifest was already there (the run resumes).</returns>
    /// <exception cref="InputException">The folder holds another tournament's results.</exception>
    public static bool EnsureMatches(string folder, TournamentPlan plan)
    {
        var path = Path.Combine(folder, FileName);
        var expected = ToJson(plan);
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            File.WriteAllText(temp, expected);
            File.Move(temp, path, overwrite: true);
            return false;
        }

        var actual = File.ReadAllText(path);
        if (actual == expected)
        {
            return true;
        }

        throw new InputException(path, FirstDifference(actual, expected), "these results come from another tournament (different arguments); use another --out folder or delete this one");
    }

    private static string FirstDifference(string actual, string expected)
    {
        try
        {
            using var a = JsonDocument.Parse(actual);
            using var e = JsonDocument.Parse(expected);
            foreach (var p in e.RootElement.EnumerateObject())
            {
                if (!a.RootElement.TryGetProperty(p.Name, out var other) || other.GetRawText() != p.Value.GetRawText())
                {
                    return "$." + p.Name;
                }
            }

            return string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}

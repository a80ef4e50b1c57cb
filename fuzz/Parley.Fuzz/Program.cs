using System.Text.Json;
using Parley;
using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.NegMas;
using Parley.Formats.ParleyJson;
using Parley.Tournaments;
using SharpFuzz;

// Runs one reader on the input AFL++ gives (standard input), the way Parley's commands call it.
// An InputException is the reader doing its job; any other exception escaping is a finding (a
// crash for AFL++), and so is an input that makes the reader hang (AFL++'s timeout).
//   dotnet Parley.Fuzz.dll <target> [file]     targets: genius-domain, genius-profile, geniusweb, geniusweb-sumofgroups,
//                                              negmas-domain, negmas-profile, parley, journal
// With a file it reads that file once and prints what happened (to replay a finding).
if (args.Length is < 1 or > 2 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine("usage: Parley.Fuzz <" + string.Join('|', Targets.All.Keys) + "> [file]");
    return 2;
}

if (args.Length == 2)
{
    using var file = File.OpenRead(args[1]);
    try
    {
        target(file);
        Console.WriteLine("read without error");
    }
    catch (InputException ex)
    {
        Console.WriteLine("input error: " + ex.Message);
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    try
    {
        target(stream);
    }
    catch (InputException)
    {
        // A clear refusal: what the reader must do with bad input.
    }
});
return 0;

internal static class Targets
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), $"parley-fuzz-{Environment.ProcessId}");

    // The domain every fuzzed GENIUS profile is read against: fuzz/seeds/genius-domain/small-domain.xml.
    private static readonly Lazy<Domain> ProfileDomain = new(() =>
        GeniusReader.ReadDomain(Path.Combine(AppContext.BaseDirectory, "small-domain.xml")));

    // The outcome space every fuzzed NegMAS utility function is read against: fuzz/seeds/negmas-domain/small-domain.yml.
    private static readonly Lazy<NegMasDomain> NegMasProfileDomain = new(() =>
        NegMasReader.ReadDomain(Path.Combine(AppContext.BaseDirectory, "small-domain.yml")));

    public static readonly Dictionary<string, Action<Stream>> All = new(StringComparer.Ordinal)
    {
        ["genius-domain"] = s => GeniusReader.ReadDomain(ToFile(s, "domain.xml")),
        ["genius-profile"] = s => GeniusReader.ReadProfile(ToFile(s, "profile.xml"), ProfileDomain.Value),
        ["geniusweb"] = s => GeniusWebReader.ReadProfile(s, "input.json", out _),
        ["geniusweb-sumofgroups"] = s => GeniusWebReader.ReadAnyProfile(s, "input.json", out _),
        ["negmas-domain"] = s => NegMasReader.ReadDomain(s, "domain.yml"),
        ["negmas-profile"] = s => NegMasReader.ReadProfile(s, "profile.yml", NegMasProfileDomain.Value),
        ["parley"] = s => ParleyScenarioReader.Read(s, "input.json"),
        ["journal"] = Journal,
    };

    private static string ToFile(Stream input, string name)
    {
        Directory.CreateDirectory(Scratch);
        var path = Path.Combine(Scratch, name);
        using (var file = File.Create(path))
        {
            input.CopyTo(file);
        }

        return path;
    }

    // A journal is read twice by a tournament: when it resumes (ResultsJournal.Open reads each
    // line's id) and when it writes the results (SessionRecordJson.Read reads each record, a
    // JsonException there becoming an InputException naming the session).
    private static void Journal(Stream input)
    {
        var path = ToFile(input, "journal.jsonl");
        using (ResultsJournal.Open(path, 1000))
        {
        }

        var bytes = File.ReadAllBytes(path).AsSpan();
        while (bytes.IndexOf((byte)'\n') is var end and >= 0)
        {
            var line = bytes[..end];
            bytes = bytes[(end + 1)..];
            try
            {
                SessionRecordJson.Read(line);
            }
            catch (JsonException)
            {
                // Reported by TournamentResults as a damaged journal (exit 2).
            }
        }
    }
}

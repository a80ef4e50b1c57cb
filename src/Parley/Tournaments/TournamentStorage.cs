using System.Buffers;
using System.Globalization;
using System.Text;

namespace Parley.Tournaments;

/// <summary>
/// What a tournament will write, estimated before it starts, so that one too large for the disk
/// or for the stated session limit is refused with the estimate rather than failing hours later.
/// </summary>
public static class TournamentStorage
{
    /// <summary>The sessions a tournament may hold unless the caller states a larger limit (the CLI's <c>--max-sessions</c>).</summary>
    public const long DefaultSessionLimit = 10_000_000;

    /// <summary>
    /// The bytes the journal and <c>results.csv</c> of <paramref name="plan"/> will take: a record
    /// of each scenario's first session is written with numbers of full length (17 significant
    /// digits, the largest id), measured, and scaled by the scenario's session count.
    /// </summary>
    /// <remarks>An upper estimate for typical sessions: real utilities such as 0.5 are shorter, failure messages longer.</remarks>
    public static long EstimateBytes(TournamentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var definition = plan.Definition;
        var seats = plan.MaxPartyCount;
        var total = (double)Encoding.UTF8.GetByteCount(TournamentCsv.Header(seats));
        var buffer = new ArrayBufferWriter<byte>(1024);
        var row = new StringBuilder(1024);
        long first = 0;
        foreach (var scenario in definition.Scenarios.Select((s, i) => (s, i)))
        {
            var sessions = ScenarioSessions(plan, first, scenario.i);
            if (sessions == 0)
            {
                continue;
            }

            var spec = plan[first];
            var full = 0.12345678901234567;
            var utilities = Enumerable.Repeat(full, spec.Agents.Count).ToArray();
            var outcome = new SessionOutcome(definition.Rounds ?? 100_000, true, spec.Agents.Count, true, utilities, utilities, full, full, full * spec.Agents.Count, EndReasons.Agreement)
            {
                PostSettlement = definition.PostSettlement ? new SessionPostSettlement(true, utilities) : null,
            };
            var record = new SessionRecord(plan.Count - 1, int.MinValue, TimeSpan.FromSeconds(full), outcome);
            buffer.ResetWrittenCount();
            SessionRecordJson.WriteLine(buffer, record);
            row.Clear();
            TournamentCsv.AppendRow(row, spec with { Id = plan.Count - 1, Seed = int.MinValue }, record, definition.DeadlineText, seats);
            total += (double)sessions * (buffer.WrittenCount + Encoding.UTF8.GetByteCount(row.ToString()));
            first += sessions;
        }

        return (long)Math.Ceiling(total);
    }

    /// <summary>
    /// Refuses, before anything is run or written, a plan above <paramref name="sessionLimit"/>
    /// sessions, or one whose estimated files (<see cref="EstimateBytes"/>, less what
    /// <paramref name="folder"/> already holds) exceed the free space of the disk holding it.
    /// </summary>
    /// <exception cref="InputException">The tournament is too large; the message gives the estimate.</exception>
    public static void EnsureRoom(TournamentPlan plan, string folder, long sessionLimit = DefaultSessionLimit)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var needed = EstimateBytes(plan);
        if (plan.Count > sessionLimit)
        {
            throw new InputException("--repetitions", string.Empty, string.Create(CultureInfo.InvariantCulture, $"{Describe(plan)} make {plan.Count:N0} sessions, above the limit of {sessionLimit:N0} (their journal and results.csv would take about {Bytes(needed)}); run fewer, or raise the limit with --max-sessions"));
        }

        var full = Path.GetFullPath(folder);
        var existing = Directory.Exists(full) ? new DirectoryInfo(full).EnumerateFiles().Sum(f => f.Length) : 0;
        var free = FreeBytes(full);
        if (free is { } f && needed - existing > f)
        {
            throw new InputException("--out", string.Empty, string.Create(CultureInfo.InvariantCulture, $"{Describe(plan)} make {plan.Count:N0} sessions, whose journal and results.csv would take about {Bytes(needed)}, but the disk holding {full} has {Bytes(f)} free; run fewer sessions or choose another --out"));
        }
    }

    /// <summary>"1.5 GB", "320 MB", "12 kB": decimal units, one decimal below 10.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB", "PB"];
        var u = 0;
        while (bytes >= 1000 && u < units.Length - 1)
        {
            bytes /= 1000;
            u++;
        }

        return u == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{(bytes < 10 ? bytes.ToString("0.0", CultureInfo.InvariantCulture) : bytes.ToString("N0", CultureInfo.InvariantCulture))} {units[u]}");
    }

    private static string Describe(TournamentPlan plan)
    {
        var d = plan.Definition;
        return string.Create(CultureInfo.InvariantCulture, $"{d.Agents.Count:N0} {(d.Agents.Count == 1 ? "agent" : "agents")}, {d.Scenarios.Count:N0} {(d.Scenarios.Count == 1 ? "scenario" : "scenarios")} and {d.Repetitions:N0} {(d.Repetitions == 1 ? "repetition" : "repetitions")}");
    }

    private static long ScenarioSessions(TournamentPlan plan, long first, int scenario)
    {
        // Sessions are numbered scenario by scenario: find where this scenario's run ends.
        long lo = first, hi = plan.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (plan[mid].ScenarioIndex <= scenario)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - first;
    }

    private static long? FreeBytes(string folder)
    {
        try
        {
            var dir = new DirectoryInfo(folder);
            while (dir is not null && !dir.Exists)
            {
                dir = dir.Parent;
            }

            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // Unknown free space: nothing to compare with.
        }
    }
}

using System.Globalization;
using System.Text;

namespace Parley.Tournaments;

/// <summary>
/// The per-session CSV in GENIUS's tournament-log layout (a <c>sep=;</c> line, then semicolon-separated
/// columns: Run time (s), Round, Exception, deadline, Agreement, Discounted, #agreeing, min.util.,
/// max.util., Dist. to Pareto, Dist. to Nash, Social Welfare, then Agent i, Utility i, Disc. Util. i and
/// Profile i for every seat), followed by Parley's columns: Session, Scenario, Mediator (empty when
/// unmediated), Repetition, Seed, End reason, Failed agent, Post-settlement (Yes: an improvement every
/// party weakly prefers exists for the agreement; No: none; empty when not judged) and Post-settlement
/// gain i for every seat (the improvement's undiscounted gain to seat i; empty when not judged).
/// </summary>
/// <remarks>
/// Numbers are invariant-culture and round-trip (shortest form). Metrics not computed are empty.
/// "Run time (s)" is wall time: the only column that differs between two runs of the same tournament.
/// </remarks>
public static class TournamentCsv
{
    /// <summary>The name of the run-time column (excluded when results are compared).</summary>
    public const string RunTimeColumn = "Run time (s)";

    /// <summary>The header lines (<c>sep=;</c> and the column names) for up to <paramref name="seats"/> agents per session.</summary>
    public static string Header(int seats)
    {
        var sb = new StringBuilder("sep=;\n");
        sb.Append(RunTimeColumn).Append(";Round;Exception;deadline;Agreement;Discounted;#agreeing;min.util.;max.util.;Dist. to Pareto;Dist. to Nash;Social Welfare");
        foreach (var name in (string[])["Agent", "Utility", "Disc. Util.", "Profile"])
        {
            for (var i = 1; i <= seats; i++)
            {
                sb.Append(';').Append(name).Append(' ').Append(i.ToString(CultureInfo.InvariantCulture));
            }
        }

        sb.Append(";Session;Scenario;Mediator;Repetition;Seed;End reason;Failed agent;Post-settlement");
        for (var i = 1; i <= seats; i++)
        {
            sb.Append(";Post-settlement gain ").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Appends the row of one session (with its newline) to <paramref name="sb"/>.</summary>
    public static void AppendRow(StringBuilder sb, SessionSpec spec, SessionRecord record, string deadline, int seats)
    {
        var o = record.Outcome;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var u in o.Utilities)
        {
            min = Math.Min(min, u);
            max = Math.Max(max, u);
        }

        sb.Append(Number(record.RunTime.TotalSeconds)).Append(';')
          .Append(o.Rounds.ToString(CultureInfo.InvariantCulture)).Append(';')
          .Append(Text(o.Exception ?? string.Empty)).Append(';')
          .Append(Text(deadline)).Append(';')
          .Append(o.Agreement ? "Yes" : "No").Append(';')
          .Append(o.Discounted ? "Yes" : "No").Append(';')
          .Append(o.AgreeingCount.ToString(CultureInfo.InvariantCulture)).Append(';')
          .Append(Number(min)).Append(';')
          .Append(Number(max)).Append(';')
          .Append(Number(o.DistanceToPareto)).Append(';')
          .Append(Number(o.DistanceToNash)).Append(';')
          .Append(Number(o.SocialWelfare));
        for (var i = 0; i < seats; i++)
        {
            sb.Append(';').Append(i < spec.Agents.Count ? Text(spec.Agents[i]) : string.Empty);
        }

        for (var i = 0; i < seats; i++)
        {
            sb.Append(';').Append(i < o.Utilities.Count ? Number(o.Utilities[i]) : string.Empty);
        }

        for (var i = 0; i < seats; i++)
        {
            sb.Append(';').Append(i < o.DiscountedUtilities.Count ? Number(o.DiscountedUtilities[i]) : string.Empty);
        }

        for (var i = 0; i < seats; i++)
        {
            sb.Append(';').Append(i < spec.Profiles.Count ? Text(spec.Profiles[i]) : string.Empty);
        }

        sb.Append(';').Append(spec.Id.ToString(CultureInfo.InvariantCulture))
          .Append(';').Append(Text(spec.Scenario))
          .Append(';').Append(spec.Mediator is null ? string.Empty : Text(spec.Mediator))
          .Append(';').Append(spec.Repetition.ToString(CultureInfo.InvariantCulture))
          .Append(';').Append(spec.Seed.ToString(CultureInfo.InvariantCulture))
          .Append(';').Append(o.EndReason)
          .Append(';').Append(o.FailedRole is { } r && r < spec.Agents.Count ? Text(spec.Agents[r]) : string.Empty)
          .Append(';').Append(o.PostSettlement is { } post ? (post.Improvable ? "Yes" : "No") : string.Empty);
        for (var i = 0; i < seats; i++)
        {
            sb.Append(';').Append(o.PostSettlement is { } p && i < p.Gains.Count ? Number(p.Gains[i]) : string.Empty);
        }

        sb.Append('\n');
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Text(string value)
    {
        if (value.AsSpan().IndexOfAny(";\"\n\r") < 0)
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ') + "\"";
    }
}

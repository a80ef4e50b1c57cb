using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Tournaments.Plots;

namespace Parley.Tournaments;

/// <summary>
/// Turns a complete journal into the tournament's outputs: <c>results.csv</c> (sessions sorted by
/// id), <c>summary.json</c> and the SVG plots. Reads the journal record by record in id order, so
/// memory stays bounded and every figure is the same whatever order the sessions finished in.
/// </summary>
public static class TournamentResults
{
    /// <summary>The per-session CSV's file name.</summary>
    public const string CsvFileName = "results.csv";

    /// <summary>The summary's file name.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>The journal's file name inside a results folder.</summary>
    public const string JournalFileName = "journal.jsonl";

    /// <summary>Writes the outputs of the tournament whose journal is at <paramref name="journalPath"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidOperationException">The journal does not hold every session of the plan.</exception>
    /// <exception cref="InputException">The journal holds a session whose seed is not the plan's (another tournament's journal).</exception>
    public static TournamentSummary Write(TournamentPlan plan, string journalPath, string folder)
    {
        var definition = plan.Definition;
        var offsets = new long[plan.Count];
        Array.Fill(offsets, -1);
        using var journal = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 12);
        JournalLines.Scan(journal, (offset, line) =>
        {
            var id = SessionRecordJson.ReadId(line);
            if (id >= 0 && id < offsets.Length && offsets[id] < 0)
            {
                offsets[id] = offset;
            }
        });
        var missing = Array.IndexOf(offsets, -1L);
        if (missing >= 0)
        {
            throw new InvalidOperationException($"The journal does not hold session {missing}: the tournament is not complete.");
        }

        var accumulator = new SummaryAccumulator(definition);
        var seats = plan.MaxPartyCount;
        var deadline = definition.DeadlineText;
        var csvPath = Path.Combine(folder, CsvFileName);
        var scratch = new byte[4096];
        var row = new StringBuilder(512);
        using (var csv = new StreamWriter(csvPath + ".tmp", false, new UTF8Encoding(false), 1 << 16))
        {
            csv.Write(TournamentCsv.Header(seats));
            for (long id = 0; id < plan.Count; id++)
            {
                SessionRecord record;
                try
                {
                    record = SessionRecordJson.Read(JournalLines.ReadAt(journal, offsets[id], ref scratch));
                }
                catch (JsonException ex)
                {
                    throw new InputException(journalPath, $"session {id.ToString(CultureInfo.InvariantCulture)}", "is not a complete session record (" + Formats.JsonInput.PlainProblem(ex) + "); the journal is damaged: delete that line (or the --out folder) and run again", ex);
                }

                var spec = plan[id];
                if (record.Outcome.Utilities.Count != spec.Agents.Count || record.Outcome.DiscountedUtilities.Count != spec.Agents.Count)
                {
                    throw new InputException(journalPath, $"session {id.ToString(CultureInfo.InvariantCulture)}", string.Create(CultureInfo.InvariantCulture, $"holds {record.Outcome.Utilities.Count} utilities for a session of {spec.Agents.Count} parties; the journal is damaged: delete that line (or the --out folder) and run again"));
                }

                if (record.Seed != spec.Seed)
                {
                    throw new InputException(journalPath, $"session {id}", $"was run with seed {record.Seed.ToString(CultureInfo.InvariantCulture)}, but this tournament gives it seed {spec.Seed.ToString(CultureInfo.InvariantCulture)}");
                }

                row.Clear();
                TournamentCsv.AppendRow(row, spec, record, deadline, seats);
                csv.Write(row);
                accumulator.Add(spec, record.Outcome);
            }
        }

        File.Move(csvPath + ".tmp", csvPath, overwrite: true);
        var summary = accumulator.ToSummary();
        WriteAtomically(Path.Combine(folder, SummaryFileName), TournamentSummaryJson.ToJson(summary, definition));
        WriteAtomically(Path.Combine(folder, "scores.svg"), TournamentPlots.Scores(summary));
        WriteAtomically(Path.Combine(folder, "heatmap.svg"), TournamentPlots.HeatMap(summary));
        WriteAtomically(Path.Combine(folder, "distributions.svg"), TournamentPlots.Distributions(summary));
        return summary;
    }

    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text, new UTF8Encoding(false));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private sealed class SummaryAccumulator
    {
        private readonly TournamentDefinition _definition;
        private readonly Dictionary<string, int> _agentIndex = new(StringComparer.Ordinal);
        private readonly AgentAccumulator[] _agents;
        private readonly AgentAccumulator[]? _mediators;
        private readonly Dictionary<string, int> _mediatorIndex = new(StringComparer.Ordinal);
        private readonly RunningStatistic[,] _byScenario;
        private readonly long[][] _histograms;
        private readonly RunningStatistic[,]? _mediatorByScenario;
        private readonly long[][]? _mediatorHistograms;
        private long _sessions;
        private long _agreements;
        private long _failures;
        private long _postJudged;
        private long _postImprovable;

        public SummaryAccumulator(TournamentDefinition definition)
        {
            _definition = definition;
            _agents = new AgentAccumulator[definition.Agents.Count];
            _byScenario = new RunningStatistic[definition.Agents.Count, definition.Scenarios.Count];
            _histograms = new long[definition.Agents.Count][];
            if (definition.IsMediated)
            {
                _mediators = new AgentAccumulator[definition.Mediators!.Count];
                _mediatorByScenario = new RunningStatistic[_mediators.Length, definition.Scenarios.Count];
                _mediatorHistograms = new long[_mediators.Length][];
                for (var m = 0; m < _mediators.Length; m++)
                {
                    _mediators[m] = new AgentAccumulator();
                    _mediatorIndex[definition.Mediators[m]] = m;
                    _mediatorHistograms[m] = new long[TournamentSummary.HistogramBins];
                    for (var s = 0; s < definition.Scenarios.Count; s++)
                    {
                        _mediatorByScenario[m, s] = new RunningStatistic();
                    }
                }
            }

            for (var a = 0; a < _agents.Length; a++)
            {
                _agentIndex[definition.Agents[a]] = a;
                _agents[a] = new AgentAccumulator();
                _histograms[a] = new long[TournamentSummary.HistogramBins];
                for (var s = 0; s < definition.Scenarios.Count; s++)
                {
                    _byScenario[a, s] = new RunningStatistic();
                }
            }
        }

        public void Add(SessionSpec spec, SessionOutcome o)
        {
            _sessions++;
            _agreements += o.Agreement ? 1 : 0;
            _failures += o.Exception is null ? 0 : 1;
            if (o.PostSettlement is { } post)
            {
                _postJudged++;
                _postImprovable += post.Improvable ? 1 : 0;
            }
            if (_mediators is not null && spec.Mediator is not null)
            {
                var index = _mediatorIndex[spec.Mediator];
                var m = _mediators[index];
                var score = Mean(o.DiscountedUtilities);
                m.Sessions++;
                m.Failures += o.Exception is null ? 0 : 1;
                m.Utility.Add(Mean(o.Utilities));
                m.DiscountedUtility.Add(score);
                _mediatorByScenario![index, spec.ScenarioIndex].Add(score);
                if (!double.IsNaN(score))
                {
                    _mediatorHistograms![index][Bin(score)]++;
                }

                m.Agreement.Add(o.Agreement ? 1 : 0);
                m.DistanceToPareto.Add(o.DistanceToPareto);
                m.DistanceToNash.Add(o.DistanceToNash);
                m.SocialWelfare.Add(o.SocialWelfare);
                if (o.PostSettlement is { } mediated)
                {
                    m.PostSettlement.Add(mediated.Improvable ? 1 : 0);
                    m.PostSettlementGain.Add(Mean(mediated.Gains));
                }
            }

            for (var role = 0; role < spec.Agents.Count; role++)
            {
                var a = _agentIndex[spec.Agents[role]];
                var acc = _agents[a];
                var score = role < o.DiscountedUtilities.Count ? o.DiscountedUtilities[role] : double.NaN;
                acc.Sessions++;
                acc.Failures += o.FailedRole == role ? 1 : 0;
                acc.Utility.Add(role < o.Utilities.Count ? o.Utilities[role] : double.NaN);
                acc.DiscountedUtility.Add(score);
                acc.Agreement.Add(o.Agreement ? 1 : 0);
                acc.DistanceToPareto.Add(o.DistanceToPareto);
                acc.DistanceToNash.Add(o.DistanceToNash);
                acc.SocialWelfare.Add(o.SocialWelfare);
                if (o.PostSettlement is { } own)
                {
                    acc.PostSettlement.Add(own.Improvable ? 1 : 0);
                    acc.PostSettlementGain.Add(role < own.Gains.Count ? own.Gains[role] : double.NaN);
                }
                _byScenario[a, spec.ScenarioIndex].Add(score);
                if (!double.IsNaN(score))
                {
                    _histograms[a][Bin(score)]++;
                }
            }
        }

        public TournamentSummary ToSummary()
        {
            AgentSummary[]? mediators = null;
            if (_mediators is not null)
            {
                mediators = new AgentSummary[_mediators.Length];
                for (var m = 0; m < mediators.Length; m++)
                {
                    mediators[m] = _mediators[m].ToSummary(_definition.Mediators![m]);
                }
            }

            var agents = new AgentSummary[_agents.Length];
            var byScenario = new IReadOnlyList<double>[_agents.Length];
            for (var a = 0; a < _agents.Length; a++)
            {
                agents[a] = _agents[a].ToSummary(_definition.Agents[a]);
                var row = new double[_definition.Scenarios.Count];
                for (var s = 0; s < row.Length; s++)
                {
                    row[s] = _byScenario[a, s].ToStatistic().Mean;
                }

                byScenario[a] = row;
            }

            var scenarios = new string[_definition.Scenarios.Count];
            for (var s = 0; s < scenarios.Length; s++)
            {
                scenarios[s] = _definition.Scenarios[s].Name;
            }

            IReadOnlyList<double>[]? mediatorByScenario = null;
            if (_mediatorByScenario is not null)
            {
                mediatorByScenario = new IReadOnlyList<double>[_mediators!.Length];
                for (var m = 0; m < mediatorByScenario.Length; m++)
                {
                    var row = new double[_definition.Scenarios.Count];
                    for (var s = 0; s < row.Length; s++)
                    {
                        row[s] = _mediatorByScenario[m, s].ToStatistic().Mean;
                    }

                    mediatorByScenario[m] = row;
                }
            }

            return new TournamentSummary(_sessions, _agreements, _failures, agents, scenarios, byScenario, _histograms, mediators)
            {
                MediatorMeanUtilityByScenario = mediatorByScenario,
                MediatorUtilityHistograms = _mediatorHistograms,
                PostSettlement = _postJudged > 0 ? new PostSettlementCount(_postJudged, _postImprovable) : null,
            };
        }

        private static int Bin(double score) =>
            Math.Min((int)Math.Floor(Math.Clamp(score, 0, 1) * TournamentSummary.HistogramBins), TournamentSummary.HistogramBins - 1);

        private static double Mean(IReadOnlyList<double> values)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[i];
            }

            return values.Count == 0 ? double.NaN : sum / values.Count;
        }
    }

    private sealed class AgentAccumulator
    {
        public long Sessions { get; set; }

        public long Failures { get; set; }

        public RunningStatistic Utility { get; } = new();

        public RunningStatistic DiscountedUtility { get; } = new();

        public RunningStatistic Agreement { get; } = new();

        public RunningStatistic DistanceToPareto { get; } = new();

        public RunningStatistic DistanceToNash { get; } = new();

        public RunningStatistic SocialWelfare { get; } = new();

        public RunningStatistic PostSettlement { get; } = new();

        public RunningStatistic PostSettlementGain { get; } = new();

        public AgentSummary ToSummary(string name) => new(
            name,
            Sessions,
            Failures,
            Utility.ToStatistic(),
            DiscountedUtility.ToStatistic(),
            Agreement.ToStatistic(),
            DistanceToPareto.ToStatistic(),
            DistanceToNash.ToStatistic(),
            SocialWelfare.ToStatistic())
        {
            PostSettlement = PostSettlement.ToStatistic() is { Count: > 0 } rate ? rate : null,
            PostSettlementGain = PostSettlementGain.ToStatistic() is { Count: > 0 } gain ? gain : null,
        };
    }
}

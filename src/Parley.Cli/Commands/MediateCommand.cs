using System.CommandLine;
using System.Globalization;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Protocols.Log;
using Parley.Remote;
using Parley.Reports;
using Parley.Scenarios;
using Parley.Sessions;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley mediate &lt;scenario&gt; --mediator annealing|hill-climbing|random-flip|nash|ratification-nash|maximin
/// [--voters truthful|strategic|annealing] [--protocol votes|feedback|veto] [--agenda a,b,c]
/// [--rounds N] [--seed 7] [--profiles a,b] [--json] [--report dir] [--log events.jsonl]</c>.
/// </summary>
internal static class MediateCommand
{
    /// <summary>The round limit when neither --rounds nor the scenario's deadline gives one.</summary>
    public const int DefaultRounds = 200;

    public static Command Create(CliIO io)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var profiles = CommonOptions.ProfilesOption();
        var json = CommonOptions.JsonOption();
        var mediator = new Option<string>("--mediator")
        {
            Description = "The mediator's strategy: annealing, hill-climbing, random-flip (untrusted: see only the texts, the votes and the declared red lines), nash, ratification-nash (aims at the package both sides are most likely to ratify at home) or maximin (trusted: the parties confide their profiles to it).",
            DefaultValueFactory = _ => "annealing",
        };
        mediator.AcceptOnlyFromAmong([.. MediationRegistry.MediatorIds]);
        var voters = new Option<string>("--voters")
        {
            Description = "The parties' strategy: truthful, strategic or annealing; or one per party, comma-separated, in party order.",
            DefaultValueFactory = _ => "truthful",
        };
        var protocol = new Option<string>("--protocol")
        {
            Description = "How parties answer each text: votes (accept/reject), feedback (better/same/worse) or veto (block changed articles).",
            DefaultValueFactory = _ => "votes",
        };
        protocol.AcceptOnlyFromAmong([.. MediationRegistry.Protocols]);
        var agenda = new Option<string?>("--agenda") { Description = "Issue by issue: the issues' names in the order they are taken up (unlisted issues follow in domain order). A settled article stays settled." };
        var rounds = new Option<int?>("--rounds") { Description = $"The round limit (each text put to the parties is a round). Default: the scenario's round deadline, else {DefaultRounds}." };
        var seed = new Option<int>("--seed") { Description = "The seed every random choice derives from: the same seed gives the same run.", DefaultValueFactory = _ => 7 };
        var postSettlement = new Option<bool>("--post-settlement") { Description = "After any deal, the mediator proposes improvements every party weakly prefers (Raiffa's post-settlement settlement); the default." };
        var noPostSettlement = new Option<bool>("--no-post-settlement") { Description = "Keep an untrusted mediator's deal as signed: no post-settlement improvement (a trusted mediator still proposes them)." };
        var report = new Option<string?>("--report") { Description = "Write a report folder there: index.html (figures, the text's versions), final-text.md and trace.json." };
        var log = new Option<string?>("--log") { Description = "Write the session's event log to this file (JSON Lines; 'parley replay' rebuilds the session from it)." };
        var command = new Command("mediate", "Run a mediated negotiation over a single negotiating text and show what was agreed, what stays open, and what would close the gap.");
        command.Arguments.Add(scenario);
        command.Options.Add(mediator);
        command.Options.Add(voters);
        command.Options.Add(protocol);
        command.Options.Add(agenda);
        command.Options.Add(rounds);
        command.Options.Add(seed);
        command.Options.Add(postSettlement);
        command.Options.Add(noPostSettlement);
        command.Options.Add(profiles);
        command.Options.Add(json);
        command.Options.Add(report);
        command.Options.Add(log);
        command.SetAction(async (parse, ct) =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!, CommonOptions.SplitList(parse.GetValue(profiles)));
            NegotiationPreconditions.Check(loaded, parse.GetValue(scenario)!);

            var roundLimit = parse.GetValue(rounds) ?? loaded.Deadline?.Rounds ?? DefaultRounds;
            if (roundLimit <= 0)
            {
                throw new InputException("--rounds", "", "the round limit must be a positive number");
            }

            if (parse.GetValue(postSettlement) && parse.GetValue(noPostSettlement))
            {
                throw new InputException("--no-post-settlement", "", "contradicts --post-settlement: give one of them");
            }

            var options = new MediationOptions
            {
                Protocol = MediationRegistry.Protocol(parse.GetValue(protocol)!),
                Rounds = roundLimit,
                Agenda = CommonOptions.SplitList(parse.GetValue(agenda)) is { } names ? MediationRegistry.Agenda(loaded.Domain, names) : null,
                PostSettlement = !parse.GetValue(noPostSettlement),
                RecordEvents = false, // the report needs the kept rounds only; --log streams every event to its file
            };
            var voterList = Voters(parse.GetValue(voters)!, loaded, roundLimit);
            using var closeRemote = new Closer(voterList.OfType<IDisposable>());
            var folder = parse.GetValue(report);
            if (folder is not null)
            {
                MediationReportFolder.Prepare(folder);
            }

            var mediatorStrategy = MediationRegistry.CreateMediator(parse.GetValue(mediator)!);
            var session = new MediationSession(loaded, mediatorStrategy, voterList, options, parse.GetValue(seed));
            using var logWriter = parse.GetValue(log) is { } logPath
                ? NegotiationLogWriter.Create(logPath, SingleTextReplay.Header(loaded, session.Negotiation, mediatorStrategy.Name, [.. loaded.Negotiators.Select((_, k) => voterList[voterList.Count == 1 ? 0 : k].Name)]))
                : null;
            if (logWriter is not null)
            {
                session.Negotiation.Observe(logWriter);
            }

            var asJson = parse.GetValue(json);
            MediationConsole? printer = null;
            if (!asJson)
            {
                var console = CommonOptions.Console(io);
                CommonOptions.Heading(console, $"[bold]{Markup.Escape(loaded.Metadata.Title ?? loaded.Name)}[/]");
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"mediator: {parse.GetValue(mediator)} · protocol: {parse.GetValue(protocol)}{(options.Agenda is null ? "" : " · issue by issue")} · parties: {string.Join(", ", loaded.Negotiators.Select((p, k) => $"{p.Name} ({voterList[voterList.Count == 1 ? 0 : k].Name})"))} · rounds ≤ {roundLimit} · seed {parse.GetValue(seed)}")));
                printer = new MediationConsole(console, loaded, showRounds: false);
            }

            var result = session.Run(printer, ct);

            // With a status quo, constituencies or linkage rules: the candidate packages a mediator compares next.
            var candidates = result.EndReason == EndReason.Failure ? null : MediationCandidates.Compare(loaded, result, MediationCandidates.Draws, result.Seed);
            if (asJson)
            {
                await io.Out.WriteLineAsync(MediationJson.SummaryText(result, loaded, candidates)).ConfigureAwait(false);
            }
            else
            {
                printer!.WriteResult(result);
                if (candidates is not null)
                {
                    var console = CommonOptions.Console(io);
                    CommonOptions.Heading(console, "[bold]Candidate packages: status quo, ratification at home, robustness[/]");
                    console.WriteLine(TwoLevelReport.ToMarkdown(candidates.Analysis, candidates.Robustness));
                }
            }

            if (folder is not null)
            {
                var files = MediationReportFolder.Write(folder, result, loaded, candidates?.Analysis, candidates?.Robustness);
                await io.Error.WriteLineAsync($"report written to {Path.GetFullPath(folder)} ({string.Join(", ", files.Select(Path.GetFileName))})").ConfigureAwait(false);
            }

            if (result.EndReason == EndReason.Failure)
            {
                // The result says what failed; standard error says it too, so a script that reads only the exit code and stderr knows why.
                await io.Error.WriteLineAsync($"error: the mediated session failed: {result.FailureMessage ?? "a party or the mediator failed"}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<Voter> Voters(string value, Scenario scenario, int rounds)
    {
        var names = CommonOptions.SplitList(value) ?? ["truthful"];
        foreach (var n in names)
        {
            if (!MediationRegistry.VoterIds.Contains(n, StringComparer.Ordinal) && !RemoteParty.IsRemote(n))
            {
                throw new InputException("--voters", "", $"'{n}' is not a voter strategy (choose from {string.Join(", ", MediationRegistry.VoterIds)}, or give a remote GeniusWeb party's ws:// URL)");
            }
        }

        if (names.Count != 1 && names.Count != scenario.Negotiators.Count)
        {
            throw new InputException("--voters", "", $"{Wording.Count(names.Count, "strategy", "strategies")} given for {Wording.Count(scenario.Negotiators.Count, "party", "parties")}: give one for all, or one per party");
        }

        if (!names.Any(RemoteParty.IsRemote))
        {
            return names.Select(MediationRegistry.CreateVoter).ToArray();
        }

        // A remote party plays one seat: one voter per party.
        var voters = new Voter[scenario.Negotiators.Count];
        for (var k = 0; k < voters.Length; k++)
        {
            var name = names[names.Count == 1 ? 0 : k];
            try
            {
                voters[k] = RemoteParty.IsRemote(name) ? new RemoteVoter(SessionSeat.Parse(name).Remote!, scenario, k, rounds) : MediationRegistry.CreateVoter(name);
            }
            catch (ArgumentException ex)
            {
                throw new InputException("--voters", name, ex.Message);
            }
        }

        return voters;
    }

    /// <summary>Closes the remote parties' connections when the session is over.</summary>
    private sealed class Closer(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}

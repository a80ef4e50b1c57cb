using System.CommandLine;
using Parley.Formats;
using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.NegMas;
using Parley.Formats.ParleyJson;

namespace Parley.Cli.Commands;

/// <summary><c>parley convert &lt;in&gt; --to genius|geniusweb|negmas|parley -o &lt;out&gt; [--force]</c>.</summary>
internal static class ConvertCommand
{
    private static readonly string[] Targets = ["genius", "geniusweb", "negmas", "parley"];

    public static Command Create(CliIO io)
    {
        var input = CommonOptions.ScenarioArgument();
        var profiles = CommonOptions.ProfilesOption();
        var to = new Option<string>("--to") { Description = "The format to write: genius (a folder of XML files), geniusweb (a folder of JSON profiles), negmas (a NegMAS scenario folder of YAML files) or parley (one JSON file).", Required = true };
        to.AcceptOnlyFromAmong(Targets);
        var output = new Option<string>("--output", "-o") { Description = "Where to write: a folder for genius, geniusweb and negmas, a file for parley.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite existing output files." };
        var command = new Command("convert", "Convert a scenario between GENIUS XML, GeniusWeb JSON, NegMAS YAML and Parley's scenario format.");
        command.Arguments.Add(input);
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(profiles);
        command.Options.Add(force);
        command.SetAction(async (parse, ct) =>
        {
            var scenario = ScenarioLoader.Load(parse.GetValue(input)!, CommonOptions.SplitList(parse.GetValue(profiles)));
            var target = parse.GetValue(to)!;
            var path = parse.GetValue(output)!;
            var overwrite = parse.GetValue(force);
            IReadOnlyList<string> notes = [];
            switch (target)
            {
                // Written whole or not at all: an interruption leaves neither a half-written file nor a partial folder.
                case "parley":
                    Guard(path, overwrite, isFolder: false);
                    OutputPaths.WriteText("--output", path, ParleyScenarioWriter.ToJson(scenario), "scenario");
                    break;
                case "genius":
                    Guard(path, overwrite, isFolder: true);
                    OutputPaths.WriteFolder("--output", path, staging => notes = GeniusWriter.WriteScenario(scenario, staging), ct);
                    break;
                case "negmas":
                    Guard(path, overwrite, isFolder: true);
                    OutputPaths.WriteFolder("--output", path, staging => notes = NegMasWriter.WriteScenario(scenario, staging), ct);
                    break;
                default:
                    Guard(path, overwrite, isFolder: true);
                    OutputPaths.WriteFolder("--output", path, staging => notes = GeniusWebWriter.WriteScenario(scenario, staging), ct);
                    break;
            }

            foreach (var note in notes)
            {
                await io.Error.WriteLineAsync($"note: {note}").ConfigureAwait(false);
            }

            await io.Error.WriteLineAsync($"{target} scenario written to {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Guard(string path, bool overwrite, bool isFolder)
    {
        if (!isFolder && Directory.Exists(path))
        {
            throw new InputException(path, "--output", "is a folder; --to parley writes one file: give a file path");
        }

        if (overwrite)
        {
            return;
        }

        if (isFolder ? Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any() : File.Exists(path) || Directory.Exists(path))
        {
            throw new InputException(path, "--output", "already exists and is not empty; choose another path or pass --force to overwrite");
        }
    }
}

using System.Text.Json;
using Parley.Formats;
using Parley.Scenarios;

namespace Parley.Cli.Tests;

/// <summary>
/// <c>negotiate</c> and <c>mediate</c> honour the scenario's linkage rules (issue 15): no agreement
/// breaks one, on the built-in Israel–Syria scenario and on a small synthetic one whose rule forbids
/// the two clauses both parties like best.
/// </summary>
public sealed class LinkageCommandTests
{
    private static readonly string Synthetic = Path.Combine(RepoPaths.Root, "tests", "corpus", "two-level", "linkage.json");

    private static int[] Levels(Scenario scenario, JsonElement text)
    {
        var levels = new int[scenario.Domain.IssueCount];
        for (var i = 0; i < levels.Length; i++)
        {
            var issue = scenario.Domain.Issues[i];
            var value = text.GetProperty(issue.Name);
            levels[i] = -1;
            if (value.ValueKind == JsonValueKind.String)
            {
                issue.TryParseLevel(value.GetString()!, out levels[i]).ShouldBeTrue();
            }
        }

        return levels;
    }

    private static bool Breaks(Scenario scenario, int[] levels) => scenario.Linkage!.Constraints.IsCrossed(new Parley.Domains.PartialOutcome(levels));

    [Theory]
    [InlineData("synthetic", "boulware,conceder")]
    [InlineData("synthetic", "linear,linear")]
    [InlineData("synthetic", "hardliner,conceder")]
    [InlineData("israel-syria-2026", "boulware,conceder")]
    [InlineData("israel-syria-2026", "linear,linear")]
    [InlineData("israel-syria-2026", "hardheaded,conceder")]
    public async Task Negotiate_ScenarioWithLinkage_NoAgreementBreaksARule(string name, string agents)
    {
        var path = name == "synthetic" ? Synthetic : name;
        var scenario = ScenarioLoader.Load(path);

        var (code, output, error) = await CliRunner.RunAsync("negotiate", path, "--agents", agents, "--seed", "7", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("endReason").GetString().ShouldBe("agreement", output);
        Breaks(scenario, Levels(scenario, root.GetProperty("outcome"))).ShouldBeFalse(output);
    }

    [Theory]
    [InlineData("synthetic", "nash")]
    [InlineData("synthetic", "annealing")]
    [InlineData("synthetic", "hill-climbing")]
    [InlineData("israel-syria-2026", "annealing")]
    [InlineData("israel-syria-2026", "nash")]
    public async Task Mediate_ScenarioWithLinkage_NoAgreedTextBreaksARule(string name, string mediator)
    {
        var path = name == "synthetic" ? Synthetic : name;
        var scenario = ScenarioLoader.Load(path);

        var (code, output, error) = await CliRunner.RunAsync("mediate", path, "--mediator", mediator, "--seed", "7", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("agreedIssues").GetArrayLength().ShouldBeGreaterThan(0, output);
        Breaks(scenario, Levels(scenario, root.GetProperty("text"))).ShouldBeFalse(output);
        if (root.GetProperty("closingPackage") is { ValueKind: JsonValueKind.Object } closing)
        {
            Breaks(scenario, Levels(scenario, closing)).ShouldBeFalse(output);
        }
    }

    [Fact]
    public async Task Replay_NegotiateLogOnAScenarioWithLinkage_PrintsTheSameJson()
    {
        var log = Path.Combine(Path.GetTempPath(), $"parley-linkage-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = await CliRunner.RunAsync("negotiate", Synthetic, "--agents", "boulware,conceder", "--seed", "7", "--json", "--log", log);
            var replay = await CliRunner.RunAsync("replay", log, "--json");

            run.ExitCode.ShouldBe(0, run.Error);
            replay.ExitCode.ShouldBe(0, replay.Error);
            replay.Out.ShouldBe(run.Out);
        }
        finally
        {
            File.Delete(log);
        }
    }
}

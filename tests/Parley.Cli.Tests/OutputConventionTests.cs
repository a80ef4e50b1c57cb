namespace Parley.Cli.Tests;

/// <summary>
/// One convention for every command: results on standard output, everything else (files written,
/// progress, notes) on standard error; no hard wrapping when redirected; counts in invariant
/// culture with thousands separators and nouns that agree with them.
/// </summary>
public sealed class OutputConventionTests
{
    private const string OneOutcome = """
        { "format": "parley-scenario/1", "name": "tiny",
          "issues": [ { "name": "years", "type": "integer", "min": 1, "max": 1 } ],
          "parties": [
            { "name": "North", "weights": { "years": 1 }, "values": { "years": { "1": 1 } } },
            { "name": "South", "weights": { "years": 1 }, "values": { "years": { "1": 1 } } } ] }
        """;

    public static TheoryData<string[]> CommandsThatWriteFiles() => new()
    {
        { ["analyze", "israel-syria-2026", "--plot", "{dir}/plot.svg"] },
        { ["negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--plot", "{dir}/session.svg"] },
        { ["negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--trace", "{dir}/trace.csv"] },
        { ["demo", "--report", "{dir}/report"] },
        { ["mediate", "israel-syria-2026", "--report", "{dir}/report"] },
        { ["convert", "israel-syria-2026", "--to", "genius", "-o", "{dir}/genius"] },
        { ["tournament", "--agents", "boulware,conceder", "--scenarios", "israel-syria-2026", "--repetitions", "1", "--rounds", "20", "--out", "{dir}/results"] },
    };

    [Theory]
    [MemberData(nameof(CommandsThatWriteFiles))]
    public async Task Run_FileWritten_SaidOnStandardErrorOnly(string[] args)
    {
        using var dir = new TempDir();

        var (code, output, error) = await CliRunner.RunAsync([.. args.Select(a => a.Replace("{dir}", dir.Path, StringComparison.Ordinal))]);

        code.ShouldBe(0, error);
        output.ShouldNotContain("written", Case.Insensitive);
        output.ShouldNotContain("wrote", Case.Insensitive);
        error.ShouldContain($" written to {dir.Path}");
    }

    [Fact]
    public async Task Mediate_Redirected_LongSentencesStayOnOneLine()
    {
        var (code, output, _) = await CliRunner.RunAsync("mediate", "israel-syria-2026");

        code.ShouldBe(0);
        output.Split('\n').ShouldContain(l => l.StartsWith("Packages a trusted mediator would table", StringComparison.Ordinal) && l.TrimEnd().EndsWith("= agreed article)", StringComparison.Ordinal));
        output.Split('\n').ShouldContain(l => l.StartsWith("Over every possible text:", StringComparison.Ordinal) && l.TrimEnd().EndsWith("over walking away best.", StringComparison.Ordinal));
        output.Split('\n').Where(l => l.StartsWith("──", StringComparison.Ordinal)).ShouldAllBe(l => l.Length <= 200);
    }

    [Fact]
    public async Task AnalyzeAndMediate_OneOutcome_SingularNouns()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "tiny.json");
        await File.WriteAllTextAsync(file, OneOutcome);

        var (_, analysis, _) = await CliRunner.RunAsync("analyze", file);
        var (_, mediation, _) = await CliRunner.RunAsync("mediate", file, "--mediator", "nash");

        analysis.ShouldContain("tiny: 1 outcome, 2 parties (North, South)");
        analysis.ShouldContain("Zone of possible agreement: 1 outcome acceptable to every party (100%)");
        analysis.ShouldContain("Pareto frontier: 1 point");
        analysis.ShouldNotContain("1 outcomes");
        mediation.ShouldContain("1 of 1 article agreed, 0 rounds, 2 versions of the text");
        mediation.ShouldContain("; 1 package cannot be improved for one side without a loss to the other;");
    }

    [Fact]
    public async Task Tournament_Counts_ThousandsSeparatorsAndPlurals()
    {
        using var dir = new TempDir();

        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,conceder", "--scenarios", "israel-syria-2026", "--repetitions", "1", "--rounds", "1", "--out", dir.Path);

        code.ShouldBe(0, error);
        error.ShouldContain("2 sessions: 2 agents, 1 scenario, 1 repetition, 1 round; ");
    }

    [Fact]
    public async Task Negotiate_Plot_TitleNamesTheAgentsAndThePartiesTheyPlay()
    {
        using var dir = new TempDir();
        var plot = Path.Combine(dir.Path, "session.svg");

        var (code, _, error) = await CliRunner.RunAsync("negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--plot", plot);

        code.ShouldBe(0, error);
        (await File.ReadAllTextAsync(plot)).ShouldContain(">boulware (Israel) vs conceder (Syria) on israel-syria-2026<");
    }
}


using System.Diagnostics;
using Parley.Cli.Commands;

namespace Parley.Cli.Tests;

public sealed class TournamentCommandTests
{
    private static readonly string[] SmallScenarios =
    [
        SharedDomains.Path("anac", "y2010", "Travel"),
        SharedDomains.Path("anac", "y2011", "Laptop"),
        SharedDomains.Path("anac", "y2011", "Camera"),
    ];

    [SharedFact]
    public async Task Tournament_KilledMidRunThenRestarted_SameResultsAsUninterruptedRun()
    {
        // Arrange: long sessions (20,000 rounds) so that the process is still running when killed.
        var killed = TempFolder();
        var reference = TempFolder();
        string[] Args(string folder, int parallel) =>
        [
            "tournament", "--agents", "boulware,linear,conceder,hardliner,tit-for-tat,micro", "--scenarios", string.Join(',', SmallScenarios),
            "--repetitions", "2", "--rounds", "20000", "--seed", "11", "--parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder,
        ];
        var journal = Path.Combine(killed, "journal.jsonl");

        // Act: start the real CLI, kill it once some sessions are journaled, run it again to the end.
        using (var process = StartCli(Args(killed, 1)))
        {
            while (!process.HasExited && CliProcess.CountLines(journal) < 5)
            {
                await Task.Delay(5);
            }

            process.HasExited.ShouldBeFalse("the tournament finished before it could be killed; make its sessions longer");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var journaledAtKill = CliProcess.CountLines(journal);
        File.Exists(Path.Combine(killed, "results.csv")).ShouldBeFalse();
        using (var restarted = StartCli(Args(killed, 2)))
        {
            await restarted.WaitForExitAsync();
            restarted.ExitCode.ShouldBe(0, await restarted.StandardError.ReadToEndAsync());
        }

        var (code, _, error) = await CliRunner.RunAsync(Args(reference, 2));

        // Assert
        code.ShouldBe(0, error);
        journaledAtKill.ShouldBeGreaterThanOrEqualTo(5);
        journaledAtKill.ShouldBeLessThan(180);
        CliProcess.CountLines(journal).ShouldBe(180); // no session run twice, none lost
        CsvWithoutRunTime(killed).ShouldBe(CsvWithoutRunTime(reference));
        File.ReadAllText(Path.Combine(killed, "summary.json")).ShouldBe(File.ReadAllText(Path.Combine(reference, "summary.json")));
    }

    [SharedFact]
    public async Task Tournament_ParallelOneAndTwo_IdenticalResults()
    {
        var one = TempFolder();
        var two = TempFolder();
        string[] Args(string folder, string parallel) =>
        [
            "tournament", "--agents", "boulware,conceder,hardliner,random,hardheaded", "--scenarios", string.Join(',', SmallScenarios),
            "--repetitions", "3", "--rounds", "500", "--seed", "3", "--parallel", parallel, "--out", folder, "--json",
        ];

        var first = await CliRunner.RunAsync(Args(one, "1"));
        var second = await CliRunner.RunAsync(Args(two, "2"));

        first.ExitCode.ShouldBe(0, first.Error);
        second.ExitCode.ShouldBe(0, second.Error);
        CsvWithoutRunTime(two).ShouldBe(CsvWithoutRunTime(one));
        CsvWithoutRunTime(one).Length.ShouldBe(2 + (3 * 20 * 3));
        second.Out.ShouldBe(first.Out);
        File.ReadAllText(Path.Combine(two, "summary.json")).ShouldBe(File.ReadAllText(Path.Combine(one, "summary.json")));
        foreach (var plot in new[] { "scores.svg", "heatmap.svg", "distributions.svg" })
        {
            File.ReadAllText(Path.Combine(two, plot)).ShouldBe(File.ReadAllText(Path.Combine(one, plot)));
        }
    }

    [SharedFact]
    public async Task Tournament_Table_ListsEveryAgentAndTheOutputs()
    {
        var folder = TempFolder();

        var (code, output, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,hardliner,conceder", "--scenarios", SmallScenarios[0], "--repetitions", "2", "--rounds", "200", "--out", folder);

        code.ShouldBe(0, error);
        output.ShouldContain("boulware");
        output.ShouldContain("hardliner");
        output.ShouldContain("12 sessions");
        error.ShouldContain("12 sessions");
        File.ReadAllLines(Path.Combine(folder, "results.csv"))[1].ShouldStartWith("Run time (s);Round;Exception;deadline;Agreement;");
    }

    [SharedFact]
    public async Task Tournament_Mediated_EveryMediatorWithEveryVoterTuple()
    {
        var folder = TempFolder();

        var (code, output, error) = await CliRunner.RunAsync(
            "tournament", "--mediators", "hill-climbing,nash", "--voters", "truthful,strategic", "--scenarios", SmallScenarios[0],
            "--repetitions", "1", "--rounds", "60", "--out", folder, "--json");

        code.ShouldBe(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("sessions").GetInt64().ShouldBe(2 * 4);
        json.RootElement.GetProperty("mediators").EnumerateArray().Select(m => m.GetProperty("mediator").GetString()).ShouldBe(["hill-climbing", "nash"]);
        var rows = File.ReadAllLines(Path.Combine(folder, "results.csv")).Skip(2).ToList();
        rows.Count(r => r.Contains(";hill-climbing;", StringComparison.Ordinal)).ShouldBe(4);
        rows.Count(r => r.Contains(";truthful;truthful;", StringComparison.Ordinal)).ShouldBe(2);
    }

    [SharedFact]
    public async Task Tournament_PostSettlement_JsonTableAndCsvColumns()
    {
        var jsonFolder = TempFolder();
        var tableFolder = TempFolder();
        string[] args = ["tournament", "--agents", "conceder,random", "--scenarios", SmallScenarios[0], "--repetitions", "3", "--rounds", "200", "--parallel", "1"];

        var (code, output, error) = await CliRunner.RunAsync([.. args, "--out", jsonFolder, "--json"]);
        var (tableCode, table, tableError) = await CliRunner.RunAsync([.. args, "--out", tableFolder]);

        code.ShouldBe(0, error);
        tableCode.ShouldBe(0, tableError);
        var lines = File.ReadAllLines(Path.Combine(jsonFolder, "results.csv"));
        var header = lines[1].Split(';');
        header[^3..].ShouldBe(["Post-settlement", "Post-settlement gain 1", "Post-settlement gain 2"]);
        var rows = lines.Skip(2).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
        var agreements = rows.Count(r => r["Agreement"] == "Yes");
        var improvable = rows.Count(r => r["Post-settlement"] == "Yes");
        rows.Where(r => r["Agreement"] == "Yes").ShouldAllBe(r => r["Post-settlement"] == "Yes" || r["Post-settlement"] == "No");
        improvable.ShouldBeGreaterThan(0, "random agreements leave value on the table");
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var post = json.RootElement.GetProperty("postSettlement");
        post.GetProperty("judged").GetInt64().ShouldBe(agreements);
        post.GetProperty("improvable").GetInt64().ShouldBe(improvable);
        var random = json.RootElement.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agent").GetString() == "random");
        random.GetProperty("postSettlement").GetProperty("n").GetInt64().ShouldBe(agreements, "random sits in every session of this tournament");
        random.GetProperty("postSettlementGain").GetProperty("mean").GetDouble().ShouldBeGreaterThan(0);
        table.ShouldContain("Improvable");
        table.ShouldContain("Left");
        table.ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Post-settlement: {improvable} agreement{(improvable == 1 ? "" : "s")} of {agreements} left a text every party weakly prefers on the table"));
    }

    [SharedFact]
    public async Task Tournament_NoPostSettlement_ColumnsEmptyJsonNullTableWithout()
    {
        var folder = TempFolder();

        var (code, output, error) = await CliRunner.RunAsync("tournament", "--agents", "conceder,random", "--scenarios", SmallScenarios[0], "--repetitions", "2", "--rounds", "200", "--out", folder, "--no-post-settlement");
        var (jsonCode, json, _) = await CliRunner.RunAsync("tournament", "--agents", "conceder,random", "--scenarios", SmallScenarios[0], "--repetitions", "2", "--rounds", "200", "--out", folder, "--no-post-settlement", "--json");

        code.ShouldBe(0, error);
        jsonCode.ShouldBe(0);
        output.ShouldNotContain("Improvable");
        output.ShouldNotContain("Post-settlement:");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        doc.RootElement.GetProperty("postSettlement").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        File.ReadAllLines(Path.Combine(folder, "results.csv")).Skip(2).SelectMany(l => l.Split(';').TakeLast(3)).ShouldAllBe(cell => cell.Length == 0);
        var (otherCode, _, otherError) = await CliRunner.RunAsync("tournament", "--agents", "conceder,random", "--scenarios", SmallScenarios[0], "--repetitions", "2", "--rounds", "200", "--out", folder);
        otherCode.ShouldBe(2, "the folder holds a tournament run without post-settlement");
        otherError.ShouldContain("another tournament");
    }

    [Fact]
    public async Task Tournament_MediatorsWithoutVoters_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--mediators", "nash", "--scenarios", SmallScenarios[0], "--out", TempFolder());

        code.ShouldBe(2);
        error.ShouldContain("--voters");
    }

    [SharedFact]
    public async Task Tournament_UnknownAgent_ExitsTwoNamingIt()
    {
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,nosuchagent", "--scenarios", SmallScenarios[0], "--out", TempFolder());

        code.ShouldBe(2);
        error.ShouldContain("nosuchagent");
    }

    [SharedFact]
    public async Task Tournament_SameFolderOtherSeed_ExitsTwo()
    {
        var folder = TempFolder();
        await CliRunner.RunAsync("tournament", "--agents", "boulware,conceder", "--scenarios", SmallScenarios[0], "--repetitions", "1", "--rounds", "100", "--out", folder);

        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,conceder", "--scenarios", SmallScenarios[0], "--repetitions", "1", "--rounds", "100", "--seed", "9", "--out", folder);

        code.ShouldBe(2);
        error.ShouldContain("another tournament");
    }

    [Theory]
    [InlineData("boulware,time-dependent:e=0.5,k=0.1,conceder", new[] { "boulware", "time-dependent:e=0.5,k=0.1", "conceder" })]
    [InlineData(" a , b ", new[] { "a", "b" })]
    public void SplitAgents_ParameterLists_StayTogether(string value, string[] expected)
    {
        CommonOptions.SplitAgents(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("3s", 3)]
    [InlineData("500ms", 0.5)]
    [InlineData("2m", 120)]
    [InlineData("1.5", 1.5)]
    public void ParseDuration_Forms_Seconds(string text, double seconds)
    {
        TournamentCommand.ParseDuration("--time", text).TotalSeconds.ShouldBe(seconds, 1e-9);
    }

    private static Process StartCli(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliProcess.Dll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }



    private static string[] CsvWithoutRunTime(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "results.csv")).Select(l => l.Contains(';', StringComparison.Ordinal) ? l[(l.IndexOf(';', StringComparison.Ordinal) + 1)..] : l)];

    private static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-cli-tournament-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

}

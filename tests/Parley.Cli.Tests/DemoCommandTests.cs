using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parley.Cli.Tests;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_NoArguments_ShowsRound5AndWritesTheReport()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "demo");

        var (code, output, error) = await CliRunner.RunAsync("demo", "--report", folder);

        code.ShouldBe(0);
        output.ShouldContain("Coordination Mechanism: Joint Cell US");
        output.ShouldContain("partial agreement");
        output.ShouldContain("Open issues");
        output.ShouldContain("Who would have to move");
        output.ShouldContain("Best balance over every possible text");
        output.ShouldContain("237 of 559,872 packages are acceptable to every party");
        output.ShouldContain("Today's situation (January 2026)");
        output.ShouldContain("Early harvest");
        output.ShouldContain("Candidate packages");
        output.ShouldContain("Reality check");
        output.ShouldMatch(@"shows the real outcome's shape in \*\*\d+(\.\d)? %\*\* of 1,000 variations");
        error.ShouldContain($"report written to {folder} (index.html, final-text.md, trace.json, analysis.md, robustness.svg)");
        var page = File.ReadAllText(Path.Combine(folder, "index.html"));
        page.ShouldContain("<svg");
        page.ShouldContain("Versions of the text");
        page.ShouldContain("Reality check");
        File.Exists(Path.Combine(folder, "robustness.svg")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(folder, "analysis.md")).ShouldContain("### Early harvest");
        // Against the status quo both channels (a hotline, a joint cell) are early-harvest changes; which is banked depends on the mediator's search.
        File.ReadAllText(Path.Combine(folder, "final-text.md")).ShouldMatch("(?is).*(joint communication cell|direct line is established).*");
        using var trace = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "trace.json")));
        trace.RootElement.GetProperty("scenario").GetString().ShouldBe("israel-syria-2026");
        trace.RootElement.GetProperty("endReason").GetString().ShouldBe("partial");
        var text = trace.RootElement.GetProperty("text");
        text.GetProperty("coordination-mechanism").GetString().ShouldBeOneOf("joint-cell-us", "hotline");
        text.GetProperty("withdrawal").ValueKind.ShouldBe(JsonValueKind.Null);
        text.GetProperty("airspace").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Demo_TerminalAndReport_PlainWordsWithoutAnalystTerms()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "demo");

        var (code, output, _) = await CliRunner.RunAsync("demo", "--report", folder, "--uncertainty", "200");

        code.ShouldBe(0);
        var page = File.ReadAllText(Path.Combine(folder, "index.html"));
        var shown = Regex.Replace(Regex.Replace(page, "(?s)<style>.*?</style>", " "), "<[^>]+>", " ");
        var articles = Regex.Match(page, "(?s)<h2>Where each article stands</h2>.*?</table>").Value;
        articles.ShouldNotBeEmpty();
        articles.ShouldContain("<th>Israel wants</th>");
        articles.ShouldContain("Mount Hermon");
        foreach (var jargon in AnalystTerms)
        {
            output.ShouldNotContain(jargon, Case.Sensitive, "terminal");
            shown.ShouldNotContain(jargon, Case.Sensitive, "report");
            File.ReadAllText(Path.Combine(folder, "analysis.md")).ShouldNotContain(jargon, Case.Sensitive, "analysis.md");
        }

        // Chart and table labels begin with a capital, as the others do.
        File.ReadAllText(Path.Combine(folder, "robustness.svg")).ShouldContain(">Closing package (keeps the agreed articles)<");
        page.ShouldNotContain(">closing (keeps the agreed articles)<");
        page.ShouldContain(">Best balance of gains<");
    }

    // Words a diplomat would need a glossary for. The check can fail: the analyst's JSON (--json) still carries "ratification-nash" and "pNash".
    private static readonly string[] AnalystTerms =
        ["utility", "Utility", "utilities", "Utilities", "Nash", "Pareto", "reservation", "status quo", "Status quo", "ratif", "Ratif", "win-set", "zone of agreement", "analyst", "Outcome-space", "robustness", "Robustness", "disagreement point"];

    [Fact]
    public async Task Demo_Json_CarriesTheMediationAndTheRealityCheck()
    {
        using var dir = new TempDir();

        var (code, output, _) = await CliRunner.RunAsync("demo", "--report", Path.Combine(dir.Path, "r"), "--json", "--uncertainty", "200");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("mediation").GetProperty("text").GetProperty("coordination-mechanism").GetString().ShouldBeOneOf("joint-cell-us", "hotline");
        root.GetProperty("statusQuo").GetProperty("outcome").GetProperty("withdrawal").GetString().ShouldBe("none");
        root.GetProperty("earlyHarvest").GetArrayLength().ShouldBeGreaterThan(0);
        var check = root.GetProperty("realityCheck");
        check.GetProperty("draws").GetInt32().ShouldBe(200);
        check.GetProperty("pRound5Shape").GetDouble().ShouldBeInRange(0, 1);
        check.GetProperty("definition").GetString()!.ShouldContain("approved at home");
        root.GetProperty("uncertainty").GetProperty("seed").GetInt32().ShouldBe(7);

        // Several distinct candidates after the round, and the trusted mediator aiming at ratification.
        AnalystTerms.ShouldContain(t => output.Contains(t, StringComparison.Ordinal));   // the plain-words check above is not vacuous: these words exist in the analyst's data
        var labels = root.GetProperty("candidatePackages").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList();
        labels.Count.ShouldBeGreaterThanOrEqualTo(4);
        labels.ShouldContain("this round's agreed articles");
        var trusted = root.GetProperty("trustedMediation");
        trusted.GetProperty("mediator").GetString().ShouldBe("ratification-nash");
        trusted.GetProperty("endReason").GetString().ShouldBe("agreement");
        trusted.GetProperty("pRatified").GetDouble().ShouldBeInRange(0, 1);
        var ratificationNash = root.GetProperty("ratificationNash").GetProperty("outcome");
        foreach (var article in ratificationNash.EnumerateObject())
        {
            trusted.GetProperty("text").GetProperty(article.Name).GetString().ShouldBe(article.Value.GetString());
        }
    }

    [Fact]
    public async Task Demo_SameSeed_SameOutputAndTrace()
    {
        using var dir = new TempDir();
        var a = Path.Combine(dir.Path, "a");
        var b = Path.Combine(dir.Path, "b");

        var first = await CliRunner.RunAsync("demo", "--report", a, "--seed", "5");
        var second = await CliRunner.RunAsync("demo", "--report", b, "--seed", "5");

        second.Out.Replace(b, a, StringComparison.Ordinal).ShouldBe(first.Out);
        File.ReadAllText(Path.Combine(b, "trace.json")).ShouldBe(File.ReadAllText(Path.Combine(a, "trace.json")));
        File.ReadAllText(Path.Combine(b, "index.html")).ShouldBe(File.ReadAllText(Path.Combine(a, "index.html")));
    }

    [Fact]
    public async Task Demo_ReportFolderIsAFile_ExitsTwoBeforeRunning()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "taken");
        await File.WriteAllTextAsync(file, "x");

        var (code, output, error) = await CliRunner.RunAsync("demo", "--report", file);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("cannot write the report");
    }
}

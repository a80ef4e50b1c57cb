namespace Parley.Cli.Tests;

/// <summary>A negotiation needs two parties and some outcome nobody's red lines rule out: negotiate and mediate refuse otherwise, exit 2.</summary>
public sealed class NegotiationPreconditionTests
{
    private const string OneParty = """
        { "format": "parley-scenario/1", "name": "alone",
          "issues": [ { "name": "years", "type": "integer", "min": 1, "max": 10 } ],
          "parties": [ { "name": "North", "weights": { "years": 1 }, "values": { "years": { "type": "linear", "slope": 0.1, "offset": 0 } } } ] }
        """;

    private const string DisjointRedLines = """
        { "format": "parley-scenario/1", "name": "apart",
          "issues": [ { "name": "years", "type": "integer", "min": 1, "max": 10 } ],
          "parties": [
            { "name": "North", "weights": { "years": 1 }, "values": { "years": { "type": "linear", "slope": 0.1, "offset": 0 } },
              "redLines": [ { "type": "numeric-bound", "issue": "years", "max": 3 } ] },
            { "name": "South", "weights": { "years": 1 }, "values": { "years": { "type": "linear", "slope": -0.1, "offset": 1 } },
              "redLines": [ { "type": "numeric-bound", "issue": "years", "min": 5 } ] } ] }
        """;

    [Theory]
    [InlineData("negotiate", "--agents", "boulware")]
    [InlineData("mediate", "--mediator", "nash")]
    public async Task Run_OneParty_ExitsTwoSayingANegotiationNeedsTwo(string command, string option, string value)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "alone.json");
        await File.WriteAllTextAsync(file, OneParty);

        var (code, output, error) = await CliRunner.RunAsync(command, file, option, value);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.TrimEnd().ShouldBe($"error: {file}: a negotiation needs at least two negotiating parties, and this scenario has only North; add a party (a profile), or choose two with --profiles");
    }

    [Theory]
    [InlineData("negotiate", "--agents", "boulware,conceder")]
    [InlineData("mediate", "--mediator", "nash")]
    public async Task Run_RedLinesLeaveNoOutcome_ExitsTwoNamingWhoseRedLines(string command, string option, string value)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "apart.json");
        await File.WriteAllTextAsync(file, DisjointRedLines);

        var (code, output, error) = await CliRunner.RunAsync(command, file, option, value);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.TrimEnd().ShouldBe($"error: {file}: the red lines of North and South leave no option of issue 'years' (North: years at most 3; South: years at least 5), so no outcome is possible; relax one of them");
    }
}

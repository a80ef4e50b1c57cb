using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>A GeniusWeb-style party in Python, as a real process, through the real CLI: a session, a tournament and every fault.</summary>
public sealed class RemotePartyCommandTests
{
    private static string Laptop => SharedDomains.Path("anac", "y2011", "Laptop");

    [PythonPartyFact]
    public async Task Negotiate_PythonPartyAgainstBuiltIn_SessionEndsWithoutFailure()
    {
        // Arrange
        using var party = await PythonParty.StartAsync();

        // Act
        var (code, output, error) = await CliRunner.RunAsync("negotiate", Laptop, "--agents", $"{party.Url},conceder", "--rounds", "60", "--json");

        // Assert
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("agreement").GetBoolean().ShouldBeTrue();
    }

    [PythonPartyFact]
    public async Task Negotiate_MinimalPythonPartyFromTheDocs_SessionEndsWithoutFailure()
    {
        // Arrange: docs/remote-agents.md's minimal party, on a free port.
        var port = UnusedPort();
        using var party = await PythonParty.StartScriptAsync("minimal_party.py", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var (code, output, error) = await CliRunner.RunAsync("negotiate", SharedDomains.Path("anac", "y2010", "Travel"), "--agents", $"boulware,{party.Url}", "--rounds", "50", "--json");

        // Assert
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [PythonPartyFact]
    public async Task Tournament_PythonPartyWithBuiltIns_EverySessionPlayed()
    {
        // Arrange
        using var party = await PythonParty.StartAsync();
        using var folder = new TempDir();

        // Act
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", $"boulware,conceder,{party.Url}", "--scenarios", Laptop, "--repetitions", "1", "--rounds", "40", "--parallel", "2", "--out", folder.Path);

        // Assert
        code.ShouldBe(0, error);
        var rows = Rows(folder.Path);
        rows.Count.ShouldBe(6);
        rows.ShouldAllBe(r => r["End reason"] != "failure");
        rows.Count(r => r["Agent 1"] == party.Url || r["Agent 2"] == party.Url).ShouldBe(4);
    }

    [PythonPartyTheory]
    [InlineData("malformed", "sent malformed JSON")]
    [InlineData("disconnect", "closed the connection before the session ended")]
    [InlineData("out-of-turn", "acted out of turn")]
    [InlineData("other-actor", "acted for another actor")]
    [InlineData("outside-domain", "offered an outcome outside the domain")]
    [InlineData("silent", "silent for 1500 ms")]
    [InlineData("flood", "acted out of turn")]
    [InlineData("oversized", "longer than the limit of 1,048,576 bytes")]
    public async Task Tournament_MisbehavingPythonParty_CompletesWithFailureAttributed(string fault, string reason)
    {
        // Arrange
        using var party = await PythonParty.StartAsync(fault);
        using var folder = new TempDir();

        // Act
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", $"boulware,conceder,{party.Url}", "--scenarios", Laptop, "--repetitions", "1", "--rounds", "20", "--action-timeout", "1500ms", "--out", folder.Path);

        // Assert: every session ran; those of the faulty party failed, attributed to it, with the reason; the others did not.
        code.ShouldBe(0, error);
        var rows = Rows(folder.Path);
        rows.Count.ShouldBe(6);
        foreach (var row in rows)
        {
            if (row["Agent 1"] == party.Url || row["Agent 2"] == party.Url)
            {
                row["End reason"].ShouldBe("failure");
                row["Failed agent"].ShouldBe(party.Url);
                row["Exception"].ShouldContain(reason);
            }
            else
            {
                row["End reason"].ShouldNotBe("failure");
            }
        }
    }

    [SharedFact]
    public async Task Tournament_PartyThatNeverConnects_CompletesWithFailureAttributed()
    {
        // Arrange: a port nobody listens on.
        var port = UnusedPort();
        var url = $"ws://127.0.0.1:{port}/nobody";
        using var folder = new TempDir();

        // Act
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", $"boulware,conceder,{url}", "--scenarios", Laptop, "--repetitions", "1", "--rounds", "20", "--out", folder.Path);

        // Assert
        code.ShouldBe(0, error);
        var rows = Rows(folder.Path);
        rows.Count.ShouldBe(6);
        rows.Where(r => r["Agent 1"] == url || r["Agent 2"] == url).ShouldAllBe(r => r["Failed agent"] == url && r["Exception"].Contains("could not connect"));
    }

    [PythonPartyTheory]
    [InlineData("hill-climbing", "deadline")] // the mediator stops drafting after 6 rejected neighbours, while the Boulware party still holds out
    [InlineData("annealing", "agreement")] // the mediator drafts to the deadline the party was given, and the party concedes in time
    public async Task Mediate_PythonPartyInAPartySeat_EndsWithoutFailureAndAgreesWhenItsAnswersAccept(string mediator, string endReason)
    {
        // Arrange: the Python party lowers its target (Boulware) as the Votings it is sent approach
        // the deadline its Settings gave.
        using var party = await PythonParty.StartAsync();

        // Act: the buyer's seat is the Python party; the seller votes truthfully in process.
        var (code, output, error) = await CliRunner.RunAsync("mediate", Laptop, "--mediator", mediator, "--voters", $"{party.Url},truthful", "--rounds", "30", "--json");

        // Assert
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("endReason").GetString().ShouldBe(endReason);
        json.RootElement.GetProperty("agreedIssues").GetArrayLength().ShouldBe(endReason == "agreement" ? 3 : 0);
    }

    [PythonPartyFact]
    public async Task Tournament_MediatedWithAPythonVoter_EverySessionPlayedWithoutFailure()
    {
        // Arrange
        using var party = await PythonParty.StartAsync();
        using var folder = new TempDir();

        // Act: the Python party is a voter seat beside the in-process truthful voter, under two mediators.
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--mediators", "annealing,hill-climbing", "--voters", $"truthful,{party.Url}", "--scenarios", Laptop, "--repetitions", "1", "--rounds", "30", "--parallel", "2", "--out", folder.Path);

        // Assert: every pairing of the two voters on the two seats, under each mediator; the remote seat's sessions all played.
        code.ShouldBe(0, error);
        var rows = Rows(folder.Path);
        rows.Count.ShouldBe(8);
        rows.ShouldAllBe(r => r["End reason"] != "failure");
        rows.Count(r => r["Agent 1"] == party.Url || r["Agent 2"] == party.Url).ShouldBe(6);
        rows.Count(r => (r["Agent 1"] == party.Url || r["Agent 2"] == party.Url) && r["End reason"] == "agreement").ShouldBeGreaterThan(0);
    }

    [SharedFact]
    public async Task Tournament_MediatedWithAVoterThatNeverConnects_CompletesWithFailureAttributed()
    {
        // Arrange: a port nobody listens on.
        var port = UnusedPort();
        var url = $"ws://127.0.0.1:{port}/nobody";
        using var folder = new TempDir();

        // Act
        var (code, _, error) = await CliRunner.RunAsync("tournament", "--mediators", "hill-climbing", "--voters", $"truthful,{url}", "--scenarios", Laptop, "--repetitions", "1", "--rounds", "10", "--out", folder.Path);

        // Assert: the sessions with the remote seat failed, attributed to it; the in-process one did not.
        code.ShouldBe(0, error);
        var rows = Rows(folder.Path);
        rows.Count.ShouldBe(4);
        foreach (var row in rows)
        {
            if (row["Agent 1"] == url || row["Agent 2"] == url)
            {
                row["End reason"].ShouldBe("failure");
                row["Failed agent"].ShouldBe(url);
                row["Exception"].ShouldContain("could not connect");
            }
            else
            {
                row["End reason"].ShouldNotBe("failure");
            }
        }
    }

    [SharedFact]
    public async Task Mediate_PartyThatNeverConnects_FailureAttributedToItsSeat()
    {
        // Arrange: a port nobody listens on.
        var port = UnusedPort();

        // Act
        var (code, output, _) = await CliRunner.RunAsync("mediate", Laptop, "--mediator", "hill-climbing", "--voters", $"truthful,ws://127.0.0.1:{port}/nobody", "--rounds", "10", "--json");

        // Assert
        code.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("endReason").GetString().ShouldBe("failure");
        json.RootElement.GetProperty("failure").GetString().ShouldNotBeNull().ShouldContain("could not connect");
    }

    private static List<Dictionary<string, string>> Rows(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "results.csv")).Where(l => !l.StartsWith("sep=", StringComparison.Ordinal)).ToArray();
        var header = lines[0].Split(';');
        return [.. lines.Skip(1).Select(l => l.Split(';')).Select(cells => header.Select((h, i) => (h, cells[i])).ToDictionary(x => x.h, x => x.Item2))];
    }

    private static int UnusedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary><c>parley serve-agents</c> as a real process, played against by Parley's own runner over real sockets.</summary>
public sealed class ServeAgentsCommandTests
{
    [SharedFact]
    public async Task ServeAgents_RunnerNegotiatesAgainstAServedParty_SessionEndsWithoutFailure()
    {
        // Arrange: the real command in its own process, on a free port.
        using var server = Start("serve-agents", "--urls", "http://127.0.0.1:0", "--agents", "boulware,conceder");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var header = await server.StandardOutput.ReadLineAsync(timeout.Token) ?? string.Empty;
        var list = header[(header.IndexOf("http://", StringComparison.Ordinal))..];
        using var http = new HttpClient();

        // Act
        using var parties = JsonDocument.Parse(await http.GetStringAsync(new Uri(list), timeout.Token));
        var boulware = parties.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "boulware");
        var uri = boulware.GetProperty("uri").GetString()!;
        var instance = await http.GetStringAsync(new Uri(uri), timeout.Token);
        var (code, output, error) = await CliRunner.RunAsync("negotiate", SharedDomains.Path("anac", "y2011", "Laptop"), "--agents", $"linear,{uri}", "--rounds", "30", "--json");
        server.Kill();
        await server.WaitForExitAsync(timeout.Token);

        // Assert: the list shows capabilities; a GET gives a fresh instance's ws:// URL; the runner played the served party.
        parties.RootElement.GetArrayLength().ShouldBe(2);
        boulware.GetProperty("capabilities").GetProperty("behaviours").EnumerateArray().Select(b => b.GetString()).ShouldBe(["SAOP", "MOPAC"]);
        instance.ShouldStartWith(uri.Replace("http://", "ws://", StringComparison.Ordinal) + "/");
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ServeAgents_UrlsNotAnHttpAddress_ExitsTwoWithOneLine()
    {
        // Act
        var (code, _, error) = await CliRunner.RunAsync("serve-agents", "--urls", "ftp://somewhere");

        // Assert
        code.ShouldBe(2);
        error.ShouldContain("--urls");
        error.ShouldContain("expected http://host:port");
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    private static string CliDll()
    {
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Parley.Cli.runtimeconfig.json")))
        {
            return Path.Combine(AppContext.BaseDirectory, "Parley.Cli.dll");
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepositoryPaths.Root, "src", "Parley.Cli", "bin", configuration, "net10.0", "Parley.Cli.dll");
    }
}

namespace Parley.Cli.Tests;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_BadDatabaseArgument_OneLineAndExit2()
    {
        var (code, _, error) = await CliRunner.RunAsync("serve", "--db", "mysql:somewhere");

        code.ShouldBe(2);
        error.Trim().ShouldBe("error: --db: 'mysql:somewhere' is neither sqlite:PATH nor postgres:CONNECTION-STRING");
    }

    [Fact]
    public async Task Serve_SnapshotIntervalNotPositive_OneLineAndExit2()
    {
        var (code, _, error) = await CliRunner.RunAsync("serve", "--snapshot-interval", "0");

        code.ShouldBe(2);
        error.Trim().ShouldBe("error: --snapshot-interval: a snapshot interval is a positive number of events (got 0)");
    }

    [Fact]
    public async Task ServeExport_UnknownNegotiation_OneLineAndExit2()
    {
        using var dir = new TempDir();

        var (code, _, error) = await CliRunner.RunAsync("serve", "--db", "sqlite:" + Path.Combine(dir.Path, "p.db"), "--export", "nope");

        code.ShouldBe(2);
        error.ShouldContain("no negotiation 'nope'");
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Help_ListsServe()
    {
        var (_, output, _) = await CliRunner.RunAsync("--help");

        output.ShouldContain("serve");
    }
}

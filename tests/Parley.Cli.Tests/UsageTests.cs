namespace Parley.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task Run_UnknownCommand_ExitsTwoWithMessage()
    {
        var (code, _, error) = await CliRunner.RunAsync("frobnicate");

        code.ShouldBe(2);
        error.ShouldContain("frobnicate");
    }

    [Fact]
    public async Task Run_MissingArgument_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("inspect");

        code.ShouldBe(2);
        error.ShouldContain("scenario");
    }
}

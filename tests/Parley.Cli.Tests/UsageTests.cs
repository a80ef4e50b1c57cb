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

    [Theory]
    [InlineData("--seed", "demo", "--seed", "abc")]
    [InlineData("--rounds", "mediate", "israel-syria-2026", "--rounds", "1.5")]
    [InlineData("--seed", "negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--seed", "seven")]
    [InlineData("--repetitions", "tournament", "--scenarios", "israel-syria-2026", "--agents", "boulware,conceder", "--repetitions", "x")]
    public async Task Run_NotAWholeNumber_ExitsTwoWithOneLineNamingTheOption(string option, params string[] args)
    {
        var (code, output, error) = await CliRunner.RunAsync(args);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.Split('\n')[0].ShouldBe($"error: {option}: '{args[^1]}' is not a whole number");
    }

    [Fact]
    public async Task Run_ValueNotAmongTheChoices_ExitsTwoWithOneLineListingThem()
    {
        var (code, _, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "oracle");

        code.ShouldBe(2);
        var first = error.Split('\n')[0];
        first.ShouldStartWith("error: --mediator: ");
        first.ShouldContain("'oracle'");
        first.ShouldContain("'annealing', 'hill-climbing', 'random-flip', 'nash', 'ratification-nash', 'maximin'");
    }

    [Theory]
    [InlineData("convert", "israel-syria-2026", "--to", "parley", "--force", "-o")]
    [InlineData("analyze", "israel-syria-2026", "--plot")]
    public async Task Run_OutputPathIsAFolder_ExitsTwoWithOneLine(params string[] args)
    {
        using var dir = new TempDir();

        var (code, _, error) = await CliRunner.RunAsync([.. args, dir.Path]);

        code.ShouldBe(2);
        error.ShouldStartWith("error:");
        error.TrimEnd().Split('\n').Length.ShouldBe(1);
    }
}

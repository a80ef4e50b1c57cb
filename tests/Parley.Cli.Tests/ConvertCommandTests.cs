using Parley.Formats;

namespace Parley.Cli.Tests;

public sealed class ConvertCommandTests
{
    [SharedFact]
    public async Task Convert_GeniusToParleyAndBack_KeepsEveryUtility()
    {
        using var dir = new TempDir();
        var source = RepoPaths.Domain("anac", "y2012", "CameraC");
        var json = Path.Combine(dir.Path, "camera.json");
        var back = Path.Combine(dir.Path, "genius");

        (await CliRunner.RunAsync("convert", source, "--to", "parley", "-o", json)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("convert", json, "--to", "genius", "-o", back)).ExitCode.ShouldBe(0);

        var original = ScenarioLoader.Load(source);
        var roundTripped = ScenarioLoader.Load(back);
        roundTripped.Domain.OutcomeCount.ShouldBe(original.Domain.OutcomeCount);
        foreach (var outcome in original.Domain.EnumerateOutcomes())
        {
            for (var p = 0; p < original.Profiles.Count; p++)
            {
                roundTripped.Profiles[p].Utility(outcome).ShouldBe(original.Profiles[p].Utility(outcome), 1e-12);
            }
        }
    }

    [Fact]
    public async Task Convert_ParleyWithRedLinesToGenius_SaysWhatGeniusCannotHold()
    {
        using var dir = new TempDir();

        var (code, _, error) = await CliRunner.RunAsync("convert", "israel-syria-2026", "--to", "genius", "-o", Path.Combine(dir.Path, "out"));

        code.ShouldBe(0);
        error.ShouldContain("note:");
        error.ShouldContain("red line", Case.Insensitive);
        error.ShouldContain("the status quo left out");
        error.ShouldContain("linkage rule(s)");
        error.ShouldContain("the constituencies of Israel, Syria left out");
        error.ShouldContain("uncertainty range(s) left out");
    }

    [SharedFact]
    public async Task Convert_ToGeniusWeb_WritesProfilesThatLoadBack()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "gw");

        var (code, _, _) = await CliRunner.RunAsync("convert", RepoPaths.Domain("anac", "y2010", "Travel"), "--to", "geniusweb", "-o", target);

        code.ShouldBe(0);
        ScenarioLoader.Load(target).Profiles.Count.ShouldBe(2);
    }

    [SharedFact]
    public async Task Convert_NonlinearGeniusToNegMasAndBack_KeepsEveryUtility()
    {
        using var dir = new TempDir();
        var source = RepoPaths.Domain("other", "S-1NIKFRT-1");
        var negmas = Path.Combine(dir.Path, "negmas");
        var back = Path.Combine(dir.Path, "genius");

        (await CliRunner.RunAsync("convert", source, "--to", "negmas", "-o", negmas)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("convert", negmas, "--to", "genius", "-o", back)).ExitCode.ShouldBe(0);

        var original = ScenarioLoader.Load(source);
        var viaNegMas = ScenarioLoader.Load(negmas);
        var again = ScenarioLoader.Load(back);
        Directory.GetFiles(negmas, "*.yml").Length.ShouldBe(3);
        var random = new Random(7);
        for (var s = 0; s < 2_000; s++)
        {
            var outcome = original.Domain.Issues.Select(i => random.Next(i.Cardinality)).ToArray();
            for (var p = 0; p < original.Profiles.Count; p++)
            {
                viaNegMas.Profiles[p].Utility(outcome).ShouldBe(original.Profiles[p].Utility(outcome), 1e-9);
                again.Profiles[p].Utility(outcome).ShouldBe(original.Profiles[p].Utility(outcome), 1e-9);
            }
        }
    }

    [SharedFact]
    public async Task Convert_CappedNonlinearToNegMas_IsRefusedWithTheReason()
    {
        using var dir = new TempDir();
        var target = Path.Combine(dir.Path, "negmas");

        var (code, _, error) = await CliRunner.RunAsync("convert", RepoPaths.Domain("anac", "y2014", "30issues"), "--to", "negmas", "-o", target);

        code.ShouldBe(2);
        error.ShouldContain("party 'profile-1': utilities are capped at 1");
        error.ShouldContain("cannot be written exactly");
        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public async Task Convert_ExistingOutput_RefusesWithoutForce()
    {
        using var dir = new TempDir();
        var json = Path.Combine(dir.Path, "exists.json");
        await File.WriteAllTextAsync(json, "precious");

        var (code, _, error) = await CliRunner.RunAsync("convert", "israel-syria-2026", "--to", "parley", "-o", json);

        code.ShouldBe(2);
        error.ShouldContain("--force");
        (await File.ReadAllTextAsync(json)).ShouldBe("precious");
    }

    [Fact]
    public async Task Convert_UnknownTarget_ExitsTwo()
    {
        var (code, _, _) = await CliRunner.RunAsync("convert", "israel-syria-2026", "--to", "pdf", "-o", "x");

        code.ShouldBe(2);
    }
}

using Parley.Domains;

namespace Parley.Tests.Domains;

public sealed class IssueTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1.5")]
    public void RealIssueTryParseLevel_NotANumberOfTheIssue_IsRefused(string text)
    {
        var issue = new RealIssue("fee", 0, 1);

        issue.TryParseLevel(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void RealIssueTryParseLevel_ALevelsNumber_GivesThatLevel()
    {
        var issue = new RealIssue("fee", 0, 1, 5);

        issue.TryParseLevel("0.75", out var level).ShouldBeTrue();

        level.ShouldBe(3);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    public void IntegerIssueTryParseLevel_BeyondALongNearTheTopBound_IsRefused(string text)
    {
        // Arrange: the top level is long.MaxValue, which a saturating cast of 1e30 or ∞ would reach.
        var issue = new IntegerIssue("n", long.MaxValue - 10, long.MaxValue);

        issue.TryParseLevel(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void IntegerIssueTryParseLevel_WholeNumberWrittenAsDouble_GivesItsLevel()
    {
        var issue = new IntegerIssue("n", 0, 2000, 500);

        issue.TryParseLevel("1.5e3", out var level).ShouldBeTrue();

        level.ShouldBe(3);
    }

    [Fact]
    public void IntegerIssue_BoundsSpanningEveryLong_IsRefusedNotZeroLevels()
    {
        // max − min overflows a long here; before, the issue silently had 0 levels.
        Should.Throw<ArgumentException>(() => new IntegerIssue("n", long.MinValue, long.MaxValue))
            .Message.ShouldContain("levels");
    }
}

using Parley.Domains;
using Parley.Formats.GeniusWeb;

namespace Parley.Tests.Formats.GeniusWeb;

/// <summary>The value table a GeniusWeb profile gives a categorical issue, whose value order may differ from the domain's.</summary>
public sealed class GeniusWebTableTests
{
    private static readonly CategoricalIssue Colour = new("colour", [new IssueOption("red"), new IssueOption("green"), new IssueOption("blue")]);

    [Fact]
    public void TableOver_ValuesInAnotherOrder_EachUtilityAtItsOption() =>
        GeniusWebReader.TableOver(Colour, ["blue", "red", "green"], [0.1, 0.9, 0.5]).ShouldBe([0.9, 0.5, 0.1]);

    [Fact]
    public void TableOver_ValueNotAnOption_ThrowsInsteadOfOverwritingTheFirstOption()
    {
        // Before, the ignored TryParseLevel left level 0 and 'purple' overwrote red's utility.
        Should.Throw<InvalidOperationException>(() => GeniusWebReader.TableOver(Colour, ["red", "green", "purple"], [0.9, 0.5, 0.1]))
            .Message.ShouldContain("'purple'");
    }

    [Fact]
    public void TableOver_OptionLeftWithoutUtility_Throws() =>
        Should.Throw<InvalidOperationException>(() => GeniusWebReader.TableOver(Colour, ["red", "green"], [0.9, 0.5]))
            .Message.ShouldContain("'blue'");
}

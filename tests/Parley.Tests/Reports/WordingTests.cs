using System.Numerics;
using Parley.Reports;

namespace Parley.Tests.Reports;

public sealed class WordingTests
{
    [Theory]
    [InlineData(0, "0 issues")]
    [InlineData(1, "1 issue")]
    [InlineData(3600, "3,600 issues")]
    public void Count_AgreesAndSeparatesThousands(long n, string expected) => Wording.Count(n, "issue").ShouldBe(expected);

    [Fact]
    public void Count_IrregularPlural() => Wording.Count(2, "party", "parties").ShouldBe("2 parties");

    [Theory]
    [InlineData(99_999_859, 100_000_000, ">99.99%")]
    [InlineData(100_000_000, 100_000_000, "100%")]
    [InlineData(1, 100_000_000, "<0.01%")]
    [InlineData(0, 5, "0%")]
    [InlineData(1, 3, "33.3%")]
    [InlineData(1, 40, "2.5%")]
    public void Percent_NeverRoundsToAWholeThatIsNotTrue(long part, long whole, string expected)
    {
        Wording.Percent(part, whole).ShouldBe(expected);
        Wording.Percent(new BigInteger(part), new BigInteger(whole)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("mount-hermon", "Mount Hermon")]
    [InlineData("freedom-of-action", "Freedom of Action")]
    [InlineData("joint-under-us", "Joint under US")]
    [InlineData("undof-restored", "UNDOF Restored")]
    [InlineData("1974-plus-annex", "1974 Plus Annex")]
    public void Words_Identifier_ReadsAsWords(string name, string expected) => Wording.Words(name).ShouldBe(expected);

    [Theory]
    [InlineData("2026-01", "January 2026")]
    [InlineData("2025-12-08", "December 2025")]
    [InlineData("spring 2026", "spring 2026")]
    public void MonthYear_StatedDate_InWords(string date, string expected) => Wording.MonthYear(date).ShouldBe(expected);
}

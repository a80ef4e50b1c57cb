using CsCheck;
using Parley.Formats.Genius;
using Parley.Preferences;

namespace Parley.Tests.Formats.Genius;

/// <summary>GENIUS nonlinear (hyper-rectangle) utility spaces: reading, writing, and refusing bad ones with file and line.</summary>
public sealed class GeniusNonlinearTests : IDisposable
{
    private const string Domain = """
        <negotiation_template><utility_space number_of_issues="3"><objective index="0" name="root" type="objective">
        <issue index="1" name="a" type="integer" lowerbound="0" upperbound="4"/>
        <issue index="2" name="b" type="integer" lowerbound="1" upperbound="5"/>
        <issue index="3" name="c" type="integer" lowerbound="0" upperbound="2"/>
        </objective></utility_space></negotiation_template>
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-genius-nl-" + Guid.NewGuid().ToString("N"));

    public GeniusNonlinearTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Profile(string rectangles, string max = "10") => $"""
        <utility_space type="nonlinear"><objective index="0" name="root" type="objective">
        <issue index="1" name="a" type="integer" lowerbound="0" upperbound="4"/>
        <issue index="2" name="b" type="integer" lowerbound="1" upperbound="5"/>
        <issue index="3" name="c" type="integer" lowerbound="0" upperbound="2"/>
        <utility maxutility="{max}"><ufun type="PlainUfun" weight="1" aggregation="sum">
        {rectangles}
        </ufun></utility></objective>
        <reservation value="0.25"/><discount_factor value="0.5"/></utility_space>
        """;

    private Parley.Scenarios.Scenario Folder(string profile)
    {
        File.WriteAllText(Path.Combine(_dir, "d-domain.xml"), Domain);
        File.WriteAllText(Path.Combine(_dir, "p1.xml"), profile);
        return GeniusReader.ReadFolder(_dir);
    }

    [Fact]
    public void ReadFolder_Rectangles_ComputesUtilitiesAsGenius()
    {
        var scenario = Folder(Profile("""
            <hyperRectangle utility="4"><INCLUDES index="1" min="1" max="3"/><INCLUDES index="2" min="2" max="2"/></hyperRectangle>
            <hyperRectangle utility="3"><EXCLUDES index="3" min="0" max="1"/></hyperRectangle>
            <hyperRectangle utility="5" weight="2"></hyperRectangle>
            """));

        var p = scenario.Profiles[0].ShouldBeOfType<NonlinearProfile>();
        p.ReservationValue.ShouldBe(0.25);
        p.DiscountFactor.ShouldBe(0.5);
        p.Constraints.Count.ShouldBe(3);
        // a=2 (level 2), b=2 (level 1), c=0: 4 + 0 + 10 = 14 → 14/10 capped at 1
        p.Utility([2, 1, 0]).ShouldBe(1);
        // a=0, b=1, c=2: 0 + 3 + 10 = 13 → 1; a=0, b=1, c=0: 10 / 10
        p.Utility([0, 0, 0]).ShouldBe(1);
        p.RawUtility([0, 0, 0]).ShouldBe(10);
        p.RawUtility([2, 1, 2]).ShouldBe(17);
    }

    [Theory]
    [InlineData("<hyperRectangle utility=\"1\"><INCLUDES index=\"9\" min=\"0\" max=\"1\"/></hyperRectangle>", "issue index 9")]
    [InlineData("<hyperRectangle utility=\"1\"><INCLUDES index=\"1\" min=\"3\" max=\"1\"/></hyperRectangle>", "is empty")]
    [InlineData("<hyperRectangle utility=\"lots\"><INCLUDES index=\"1\" min=\"0\" max=\"1\"/></hyperRectangle>", "not a finite number")]
    [InlineData("<hyperRectangle utility=\"1\"><INCLUDES index=\"1\" min=\"0\" max=\"1\"/><EXCLUDES index=\"2\" min=\"1\" max=\"1\"/></hyperRectangle>", "mixes")]
    [InlineData("<sumZero utility=\"1\"/>", "not a constraint")]
    public void ReadFolder_BadConstraint_IsRefusedWithFileAndLine(string rectangle, string problem)
    {
        var ex = Should.Throw<InputException>(() => Folder(Profile(rectangle)));

        ex.File.ShouldEndWith("p1.xml");
        ex.Location.ShouldStartWith("line 6");
        ex.Problem.ShouldContain(problem);
    }

    [Fact]
    public void ReadFolder_NonPositiveMaxUtility_IsRefused()
    {
        var ex = Should.Throw<InputException>(() => Folder(Profile("<hyperRectangle utility=\"1\"/>", max: "0")));

        ex.Problem.ShouldContain("maxutility");
    }

    [Fact]
    public void WriteProfile_GeneratedNonlinearProfiles_ReadBackWithEveryUtility()
    {
        var domain = GeniusReader.ReadDomain(WriteDomain());
        var range = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 4], (i, a, b) =>
        {
            var card = domain.Issues[i].Cardinality;
            var (lo, hi) = (Math.Min(a, b) % card, Math.Max(a, b) % card);
            return new IssueRange(i, Math.Min(lo, hi), Math.Max(lo, hi));
        });
        var rectangle = Gen.Select(range.Array[0, 3], Gen.Int[-10, 50], Gen.Bool, (r, v, x) => new HyperRectangle(r, v, x && r.Length > 0));
        Gen.Select(rectangle.Array[0, 12], Gen.Int[1, 200], Gen.Int[0, 10]).Sample((rects, scale, reservation) =>
        {
            var original = new NonlinearProfile(domain, null, rects, scale, capAtOne: true, reservation * 0.1, 0.9);
            var path = Path.Combine(_dir, "p.xml");
            GeniusWriter.WriteProfile(original, path);
            var back = GeniusReader.ReadProfile(path, domain).ShouldBeOfType<NonlinearProfile>();

            back.ReservationValue.ShouldBe(original.ReservationValue);
            back.DiscountFactor.ShouldBe(original.DiscountFactor);
            foreach (var o in domain.EnumerateOutcomes())
            {
                back.Utility(o).ShouldBe(original.Utility(o));
            }
        }, iter: 100, threads: 1);
    }

    [Theory]
    [InlineData("this is not a profile")]
    [InlineData("")]
    [InlineData("<utility_space><objective>")]
    public void ReadFolder_JunkProfileBesideTheDomain_IsRefusedNamingTheFile(string junk)
    {
        File.WriteAllText(Path.Combine(_dir, "p2.xml"), junk);

        var ex = Should.Throw<InputException>(() => Folder(Profile("<hyperRectangle utility=\"1\"/>")));

        ex.File.ShouldEndWith("p2.xml");
        (ex.Problem.Contains("refused", StringComparison.Ordinal) || ex.Problem.Contains("not well-formed", StringComparison.Ordinal)).ShouldBeTrue(ex.Problem);
    }

    [Fact]
    public void ReadFolder_PublishedFrontierBesideTheDomain_IsSkipped()
    {
        File.WriteAllText(Path.Combine(_dir, "pareto.xml"), "0.5, 1.0\n1.0, 0.25\n");

        Folder(Profile("<hyperRectangle utility=\"1\"/>")).Negotiators.Count.ShouldBe(1);
    }

    [Fact]
    public void ReadDomain_NestedHundredThousandDeep_IsOneErrorNotAStackOverflow()
    {
        var path = Path.Combine(_dir, "deep-domain.xml");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("<objective>", 100_000)) + string.Concat(Enumerable.Repeat("</objective>", 100_000)));

        var ex = Should.Throw<InputException>(() => GeniusReader.ReadDomain(path));

        ex.Problem.ShouldContain("nested more than 64 deep");
        ex.Location.ShouldBe("line 1");
    }

    private string WriteDomain()
    {
        var path = Path.Combine(_dir, "d-domain.xml");
        File.WriteAllText(path, Domain);
        return path;
    }
}

using CsCheck;
using Parley.Domains;
using Parley.Formats;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;

namespace Parley.Tests.Formats.GeniusWeb;

/// <summary>GeniusWeb's SumOfGroupsUtilitySpace, in the JSON shape of GeniusWeb's PartsUtilities ("partsutils": issues and utilslist).</summary>
public sealed class SumOfGroupsTests : IDisposable
{
    private const string DomainJson = """
        "domain": {"name": "car", "issuesValues": {
          "speakers": {"values": ["yes", "no"]},
          "hifi": {"values": ["yes", "no"]},
          "seats": {"range": {"low": 2, "high": 5, "step": 1}}}}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-sog-" + Guid.NewGuid().ToString("N"));

    public SumOfGroupsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Profile(string parts, string bid = "null") =>
        Write("buyer.json", $$"""{"SumOfGroupsUtilitySpace": { {{DomainJson}}, "name": "buyer", "partUtilities": { {{parts}} }, "reservationBid": {{bid}} } }""");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Parts = """
        "sound": {"partsutils": {"issues": ["speakers", "hifi"], "utilslist": [{"values": ["yes", "yes"], "util": 0.6}, {"values": ["no", "yes"], "util": 0.2}]}},
        "seats": {"partsutils": {"issues": ["seats"], "utilslist": [{"values": [4], "util": 0.4}, {"values": [5], "util": 0.3}]}}
        """;

    [Fact]
    public void ReadAnyProfile_Groups_SumTheirListedCombinationsAndZeroElsewhere()
    {
        var path = Profile(Parts, """{"issuevalues": {"speakers": "no", "hifi": "yes", "seats": 5}}""");

        var profile = GeniusWebReader.ReadAnyProfile(path, out var domain).ShouldBeOfType<NonlinearProfile>();

        int[] O(string speakers, string hifi, string seats) =>
            [L(domain, 0, speakers), L(domain, 1, hifi), L(domain, 2, seats)];
        domain.Issues[2].ShouldBeOfType<IntegerIssue>();
        profile.Utility(O("yes", "yes", "4")).ShouldBe(1.0, 1e-12);
        profile.Utility(O("no", "yes", "5")).ShouldBe(0.5, 1e-12);
        profile.Utility(O("yes", "no", "2")).ShouldBe(0);
        profile.ReservationValue.ShouldBe(0.5, 1e-12);
        GeniusWebWriter.Groups(profile).Count.ShouldBe(2);
    }

    [Fact]
    public void ReadFolder_SumOfGroupsProfile_LoadsAsAScenarioParty()
    {
        Profile(Parts);

        var scenario = ScenarioLoader.Load(_dir);

        scenario.Negotiators.Single().Name.ShouldBe("buyer");
        scenario.Profiles[0].ShouldBeOfType<NonlinearProfile>();
    }

    [Fact]
    public void ReadProfile_WhereALinearProfileIsNeeded_SaysWhichTypeItIs()
    {
        var path = Profile(Parts);

        var ex = Should.Throw<InputException>(() => GeniusWebReader.ReadProfile(path, out _));

        ex.Problem.ShouldContain("this is a SumOfGroupsUtilitySpace");
    }

    [Theory]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi"], "utilslist": []}},
        "b": {"partsutils": {"issues": ["hifi", "seats"], "utilslist": []}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities.b.partsutils.issues[0]", "is in part 'a' already")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi", "seats"], "utilslist": [{"values": ["yes", "yes", 2], "util": 1.5}]}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities.a.partsutils.utilslist[0].util", "outside [0, 1]")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi"], "utilslist": [{"values": ["yes", "yes"], "util": 0.7}]}},
        "b": {"partsutils": {"issues": ["seats"], "utilslist": [{"values": [3], "util": 0.7}]}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities", "sum to 1.4")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi"], "utilslist": []}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities", "no part holds issue 'seats'")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi", "seats"], "utilslist": [{"values": ["yes", "maybe", 2], "util": 0.5}]}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities.a.partsutils.utilslist[0].values[1]", "'maybe' is not a value of issue 'hifi'")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi", "seats"], "utilslist": [{"values": ["yes", "no", 7], "util": 0.5}]}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities.a.partsutils.utilslist[0].values[2]", "7 is not a value of issue 'seats'")]
    [InlineData("""
        "a": {"partsutils": {"issues": ["speakers", "hifi", "seats"], "utilslist": [{"values": ["yes", "no"], "util": 0.5}]}}
        """, "$.SumOfGroupsUtilitySpace.partUtilities.a.partsutils.utilslist[0].values", "2 value(s) given")]
    public void ReadAnyProfile_BrokenPart_IsRefusedWithItsJsonPath(string parts, string location, string problem)
    {
        var path = Profile(parts);

        var ex = Should.Throw<InputException>(() => GeniusWebReader.ReadAnyProfile(path, out _));

        ex.File.ShouldBe(path);
        ex.Location.ShouldBe(location);
        ex.Problem.ShouldContain(problem);
    }

    [Fact]
    public void RawUtilityBound_SmallProfiles_IsTheBruteForceMaximumOrAboveIt()
    {
        var cases = Gen.Int[1, 4].SelectMany(n =>
            Gen.Select(
                Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, 3], Gen.Int[0, 3], (i, a, b) => new IssueRange(i, Math.Min(a, b), Math.Max(a, b))).Array[0, 3],
                Gen.Int[-3, 9],
                Gen.Bool,
                (ranges, value, exclusive) => new HyperRectangle(ranges, value, exclusive && ranges.Length > 0)).Array[0, 12]
            .Select(rects => new NonlinearProfile(new Domain("d", Enumerable.Range(0, n).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 3))), null, rects)));

        cases.Sample(profile =>
        {
            var (bound, exact, witness) = RawUtilityBound.Of(profile);
            var max = profile.Domain.EnumerateOutcomes().Max(o => profile.RawUtility(o.Levels));
            profile.RawUtility(witness).ShouldBeLessThanOrEqualTo(max);
            if (exact)
            {
                bound.ShouldBe(max, 1e-9);
                profile.RawUtility(witness).ShouldBe(max, 1e-9);
            }
            else
            {
                bound.ShouldBeGreaterThanOrEqualTo(max - 1e-9);
            }
        });
    }

    private static int L(Domain domain, int issue, string text) =>
        domain.Issues[issue].TryParseLevel(text, out var level) ? level : throw new InvalidOperationException(text);
}

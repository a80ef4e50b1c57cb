using Parley.Domains;
using Parley.Formats;
using Parley.Formats.NegMas;
using Parley.Preferences;

namespace Parley.Tests.Formats.NegMas;

/// <summary>NegMAS scenario folders as NegMAS writes them, with utilities worked out by hand from NegMAS's Python code.</summary>
public sealed class NegMasReaderTests : IDisposable
{
    private const string Domain = """
        name: shop
        type: negmas.outcomes.outcome_space.CartesianOutcomeSpace
        issues:
        - name: colour
          type: CategoricalIssue
          values: [red, green, blue]
        - name: quantity
          type: ContiguousIssue
          values:
          - 1
          - 5
        - name: price
          type: DiscreteCardinalIssue
          values: [1.5, 2.5, 4.0]
        """;

    private const string Buyer = """
        type: LinearAdditiveUtilityFunction
        name: buyer
        reserved_value: 0.25
        weights: {colour: 0.5, quantity: 0.3, price: -0.2}
        values:
          colour: {type: TableFun, mapping: {red: 1.0, green: 0.5, blue: 0.0}}
          quantity: {type: AffineFun, slope: 0.25, bias: -0.25}
          price: {type: IdentityFun}
        """;

    private const string Seller = """
        type: HyperRectangleUtilityFunction
        name: seller
        reserved_value: -.inf
        bias: 0.1
        outcome_ranges:
        - {1: [1, 3], 0: red}
        - {2: [1.5, 2.5]}
        - {0: [green, blue]}
        - {quantity: 5}
        - null
        utilities: [0.4, 5.0, 0.3, 0.1, 0.05]
        weights: [1.0, 1.0, 2.0, 1.0, 1.0]
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-negmas-" + Guid.NewGuid().ToString("N"));

    public NegMasReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static int[] Outcome(Domain domain, string colour, string quantity, string price) =>
        [L(domain, 0, colour), L(domain, 1, quantity), L(domain, 2, price)];

    private static int L(Domain domain, int issue, string text) =>
        domain.Issues[issue].TryParseLevel(text, out var level) ? level : throw new InvalidOperationException(text);

    [Fact]
    public void ReadFolder_NegMasScenario_ComputesUtilitiesAsNegMas()
    {
        // Arrange
        Write("shop.yml", Domain);
        Write("buyer.yml", Buyer);
        Write("seller.yml", Seller);
        Write("_info.yaml", "title: not a scenario file\n");

        // Act
        var scenario = ScenarioLoader.Load(_dir);

        // Assert
        var d = scenario.Domain;
        d.Name.ShouldBe("shop");
        d.Issues.Select(i => i.Kind).ShouldBe([IssueKind.Categorical, IssueKind.Integer, IssueKind.Categorical]);
        scenario.Negotiators.Select(p => p.Name).ShouldBe(["buyer", "seller"]);
        var buyer = scenario.Profiles[0];
        buyer.ReservationValue.ShouldBe(0.25);
        buyer.Utility(Outcome(d, "red", "3", "2.5")).ShouldBe(0.5 + (0.3 * 0.5) - (0.2 * 2.5), 1e-12);
        buyer.Utility(Outcome(d, "blue", "1", "4.0")).ShouldBe(-0.8, 1e-12);

        // (1, 3) is open: only quantity 2; (1.5, 2.5) holds for no price; null holds everywhere.
        var seller = scenario.Profiles[1].ShouldBeOfType<NonlinearProfile>();
        seller.Utility(Outcome(d, "red", "2", "2.5")).ShouldBe(0.55, 1e-12);
        seller.Utility(Outcome(d, "red", "3", "2.5")).ShouldBe(0.15, 1e-12);
        seller.Utility(Outcome(d, "green", "5", "1.5")).ShouldBe(0.85, 1e-12);
        seller.Utility(Outcome(d, "blue", "1", "4.0")).ShouldBe(0.75, 1e-12);
        foreach (var outcome in d.EnumerateOutcomes())
        {
            seller.ReservationValue.ShouldBeLessThanOrEqualTo(seller.Utility(outcome));
        }
    }

    [Fact]
    public void ReadFolder_JsonFiles_ReadLikeYaml()
    {
        Write("shop.json", """
            {"issues": [{"name": "colour", "type": "negmas.outcomes.categorical_issue.CategoricalIssue", "values": ["red", "green", "blue"]},
                        {"name": "quantity", "type": "ContiguousIssue", "values": [1, 5]},
                        {"name": "price", "type": "DiscreteCardinalIssue", "values": [1.5, 2.5, 4.0]}],
             "name": "shop", "type": "CartesianOutcomeSpace"}
            """);
        Write("buyer.json", """
            {"name": "buyer", "reserved_value": 0.25, "type": "LinearAdditiveUtilityFunction",
             "values": [{"mapping": {"red": 1.0, "green": 0.5, "blue": 0.0}, "type": "TableFun"},
                        {"mapping": {"1": 0.0, "2": 0.25, "3": 0.5, "4": 0.75, "5": 1.0}, "type": "TableFun"},
                        {"type": "ConstFun", "bias": 0.5}],
             "weights": [0.5, 0.3, 0.2]}
            """);

        var scenario = ScenarioLoader.Load(_dir);

        var d = scenario.Domain;
        scenario.Profiles[0].Utility(Outcome(d, "green", "4", "1.5")).ShouldBe((0.5 * 0.5) + (0.3 * 0.75) + (0.2 * 0.5), 1e-12);
    }

    [Fact]
    public void ReadFolder_DiscountedAndMappingFunctions_AreRead()
    {
        Write("d.yml", "name: d\ntype: CartesianOutcomeSpace\nissues:\n- {name: x, type: CategoricalIssue, values: [a, b, c]}\n");
        Write("p1.yml", """
            type: ExpDiscountedUFun
            discount: 0.8
            factor: relative_time
            reserved_value: 0.3
            ufun:
              type: MappingUtilityFunction
              mapping: {a: 0.2, b: 0.9}
              default: 0.1
            """);

        var profile = NegMasReader.ReadFolder(_dir).Profiles[0];

        profile.DiscountFactor.ShouldBe(0.8);
        profile.ReservationValue.ShouldBe(0.3);
        new[] { 0, 1, 2 }.Select(l => profile.Utility([l])).ShouldBe([0.2, 0.9, 0.1], 1e-12);
    }

    [Theory]
    [InlineData("issues:\n- {name: x, type: CallableIssue, values: [a]}\n", "d.yml", "line 4", "issue type 'CallableIssue' is not supported")]
    [InlineData("issues: [\n", "d.yml", "line", "not valid YAML")]
    [InlineData("issues:\n- {name: x, type: CategoricalIssue, values: [a, a]}\n", "d.yml", "line 4", "given twice")]
    [InlineData("issues:\n- {name: x, type: ContiguousIssue, values: [5, 1]}\n", "d.yml", "line 4", "above max")]
    public void ReadFolder_BadOutcomeSpace_IsRefusedWithFileAndLine(string issues, string file, string line, string problem)
    {
        Write("d.yml", "name: d\ntype: CartesianOutcomeSpace\n" + issues);

        var ex = Should.Throw<InputException>(() => NegMasReader.ReadFolder(_dir));

        ex.File.ShouldEndWith(file);
        ex.Location.ShouldStartWith(line);
        ex.Problem.ShouldContain(problem);
    }

    [Theory]
    [InlineData("type: LinearAdditiveUtilityFunction\nvalues:\n- {type: TableFun, mapping: {a: 1.0}}\n", "line 3", "no utility for value 'b'")]
    [InlineData("type: LinearAdditiveUtilityFunction\nvalues:\n- {type: LambdaFun, f: x}\n", "line 3", "value function 'LambdaFun' is not supported")]
    [InlineData("type: LinearAdditiveUtilityFunction\nvalues:\n- {type: AffineFun, slope: 1}\n", "line 3", "has text values")]
    [InlineData("type: LinearAdditiveUtilityFunction\nreserved_value: much\nvalues:\n- {type: ConstFun, bias: 1}\n", "line 2", "must be a number")]
    [InlineData("type: ExpDiscountedUFun\ndiscount: 0.9\nufun: {type: ConstUtilityFunction, value: 1}\n", "line 1", "relative time")]
    [InlineData("type: HyperRectangleUtilityFunction\noutcome_ranges: [{x: [0, 1]}]\nutilities: [1.0]\n", "line 2", "numeric range on issue 'x'")]
    [InlineData("type: HyperRectangleUtilityFunction\noutcome_ranges: [{7: a}]\nutilities: [1.0]\n", "line 2", "'7' is not an issue")]
    [InlineData("type: MappingUtilityFunction\nmapping: {a: 0.5}\n", "line 2", "no default")]
    [InlineData("type: SomethingFun\n", "line 1", "'SomethingFun' is not supported")]
    public void ReadFolder_BadUtilityFunction_IsRefusedWithFileAndLine(string ufun, string line, string problem)
    {
        Write("d.yml", "name: d\ntype: CartesianOutcomeSpace\nissues:\n- {name: x, type: CategoricalIssue, values: [a, b]}\n");
        Write("p.yml", ufun);

        var ex = Should.Throw<InputException>(() => NegMasReader.ReadFolder(_dir));

        ex.File.ShouldEndWith("p.yml");
        ex.Location.ShouldStartWith(line);
        ex.Problem.ShouldContain(problem);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefusedWithoutRecursion()
    {
        Write("d.yml", new string('[', 100_000) + new string(']', 100_000));

        var ex = Should.Throw<InputException>(() => NegMasReader.ReadFolder(_dir));

        ex.Problem.ShouldContain("nested more than 64 levels");
    }

    [Fact]
    public void ReadFolder_TwoOutcomeSpaces_AreRefusedNamingBoth()
    {
        Write("a.yml", "name: a\ntype: CartesianOutcomeSpace\nissues:\n- {name: x, type: CategoricalIssue, values: [a]}\n");
        Write("b.yml", "name: b\ntype: DiscreteCartesianOutcomeSpace\nissues:\n- {name: x, type: CategoricalIssue, values: [a]}\n");

        var ex = Should.Throw<InputException>(() => NegMasReader.ReadFolder(_dir));

        ex.Problem.ShouldContain("a.yml and b.yml");
    }

    [Fact]
    public void Load_OtherScenarioBesideAStrayYamlFile_IsNotTakenForNegMas()
    {
        File.Copy(Path.Combine(TestPaths.Root, "scenarios", "israel-syria-2026.json"), Path.Combine(_dir, "talks.json"));
        Write("mkdocs.yml", "site_name: notes\n");

        ScenarioLoader.Load(_dir).Name.ShouldBe("israel-syria-2026");
    }

    [Fact]
    public void Load_JunkYamlAlone_IsRefusedNamingTheFile()
    {
        Write("d.yml", "type: [unclosed\n");

        var ex = Should.Throw<InputException>(() => ScenarioLoader.Load(_dir));

        ex.File.ShouldEndWith("d.yml");
        ex.Problem.ShouldContain("not valid YAML");
    }

    [Fact]
    public void Resolve_FolderOfScenarioFolders_FindsNegMasScenarios()
    {
        // A tournament's scenario list: a folder whose subfolders are NegMAS scenarios (YAML and JSON).
        var yaml = Directory.CreateDirectory(Path.Combine(_dir, "all", "shop")).FullName;
        File.WriteAllText(Path.Combine(yaml, "shop.yml"), Domain);
        File.WriteAllText(Path.Combine(yaml, "buyer.yml"), Buyer);
        File.WriteAllText(Path.Combine(yaml, "seller.yml"), Seller);
        var json = Directory.CreateDirectory(Path.Combine(_dir, "all", "tiny")).FullName;
        File.WriteAllText(Path.Combine(json, "d.json"), "{\"type\": \"CartesianOutcomeSpace\", \"name\": \"tiny\", \"issues\": [{\"type\": \"ContiguousIssue\", \"name\": \"n\", \"values\": 3}]}");
        File.WriteAllText(Path.Combine(json, "a.json"), "{\"type\": \"LinearAdditiveUtilityFunction\", \"values\": [{\"type\": \"IdentityFun\"}], \"weights\": [0.5]}");
        File.WriteAllText(Path.Combine(json, "b.json"), "{\"type\": \"LinearUtilityFunction\", \"weights\": [-0.25], \"reserved_value\": -1}");

        var found = ScenarioDiscovery.Resolve(Path.Combine(_dir, "all"));

        found.Select(f => f.Name).ShouldBe(["shop", "tiny"]);
        found[1].Scenario.Domain.Issues[0].Cardinality.ShouldBe(3);
        found[1].Scenario.Profiles.Select(p => p.Utility([2])).ShouldBe([1.0, -0.5]);
    }

    [Fact]
    public void WriteScenario_ThenReadFolder_KeepsTypesWeightsAndNames()
    {
        Write("shop.yml", Domain);
        Write("buyer.yml", Buyer);
        var original = NegMasReader.ReadFolder(_dir);
        var copy = Path.Combine(_dir, "copy");

        NegMasWriter.WriteScenario(original, copy);
        var back = NegMasReader.ReadFolder(copy);

        ScenarioAssert.SamePreferences(original, back, 1e-12);
        back.Domain.Issues.Select(i => i.Kind).ShouldBe(original.Domain.Issues.Select(i => i.Kind));
        File.ReadAllText(Path.Combine(copy, "buyer.yml")).ShouldContain("type: LinearAdditiveUtilityFunction");
    }
}

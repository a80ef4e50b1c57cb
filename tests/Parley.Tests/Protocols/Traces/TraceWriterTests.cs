using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Traces;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Tests.Protocols.Traces;

public sealed class TraceWriterTests
{
    private static (Scenario Scenario, SessionResult Result) Session()
    {
        var scenario = SessionFixtures.Multilateral(2, 2);
        var result = Saop.Run(scenario, [BuiltInAgents.Boulware(), BuiltInAgents.Conceder()], new SessionOptions { Deadline = new Deadline(100, null), Seed = 1 });
        return (scenario, result);
    }

    [Fact]
    public void Csv_OneRowPerEvent_WithIssueAndUtilityColumns()
    {
        var (scenario, result) = Session();
        using var writer = new StringWriter();

        TraceCsvWriter.Write(result.Trace!, writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("index,round,time,actor,party,action,issue0,issue1,issue2,issue3,u:party1,u:party2");
        lines.Length.ShouldBe(result.Trace!.Events.Count + 1);
        var first = lines[1].Split(',');
        first[5].ShouldBe("offer");
        double.Parse(first[10], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(result.Trace.UtilitiesOf(0)[0]);
        lines[^1].Split(',')[5].ShouldBe(result.EndReason == EndReason.Agreement ? "accept" : "offer");
    }

    [Fact]
    public void Json_RoundTripsResultAndEvents()
    {
        var (scenario, result) = Session();
        using var stream = new MemoryStream();

        TraceJsonWriter.Write(result, scenario.Domain, stream);

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        root.GetProperty("endReason").GetString().ShouldBe(TraceJsonWriter.EndReasonName(result.EndReason));
        root.GetProperty("events").GetArrayLength().ShouldBe(result.Trace!.Events.Count);
        root.GetProperty("utilities").GetProperty("party1").GetDouble().ShouldBe(result.Utilities[0]);
        if (result.Agreement is { } agreement)
        {
            root.GetProperty("agreement").GetProperty("issue0").GetString().ShouldBe(scenario.Domain.Issues[0].FormatLevel(agreement[0]));
        }
    }

    [Fact]
    public void Svg_TwoPartySession_IsWellFormedAndShowsOffersAndAgreement()
    {
        var (scenario, result) = Session();

        var svg = SessionSvgPlot.Render(result, scenario.Profiles[0], scenario.Profiles[1]);

        var doc = XDocument.Parse(svg);
        doc.Root!.Name.LocalName.ShouldBe("svg");
        svg.ShouldContain("offers of party1");
        svg.ShouldContain("Pareto frontier");
        if (result.HasAgreement)
        {
            svg.ShouldContain("<polygon");
        }

        if (Environment.GetEnvironmentVariable("PARLEY_SVG_OUT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, svg, Encoding.UTF8);
        }
    }

    [Fact]
    public void Svg_ThreeParties_IsRefused()
    {
        var scenario = SessionFixtures.Multilateral(3);
        var result = Saop.Run(scenario, [BuiltInAgents.Conceder(), BuiltInAgents.Conceder(), BuiltInAgents.Conceder()], new SessionOptions { Deadline = new Deadline(50, null) });

        Should.Throw<ArgumentException>(() => SessionSvgPlot.Render(result, scenario.Profiles[0], scenario.Profiles[1])).Message.ShouldContain("two-party");
    }
}

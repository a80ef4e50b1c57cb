using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Domains;
using Parley.Remote;

namespace Parley.Tests.Remote;

/// <summary>
/// GeniusWeb's JSON shapes, field for field: the first fixtures are written from GeniusWeb's
/// documentation of its JSON serialisation (objects wrapped by their class name); the
/// <see cref="Published"/> ones are the JSON strings GeniusWeb's own Python package (geniusweb
/// 1.2.x) holds in its unit tests (VotingTest, OptInTest, VotesTest, YourTurnTest,
/// ActionEventTest's action, ProgressRoundsTest's and ProgressTimeTest's progress inside a
/// Settings whose field names are the Settings constructor's). Parley reads each and writes it back,
/// and the result must be the same JSON (property order aside).
/// </summary>
public sealed class GeniusWebWireTests
{
    private static readonly Domain Domain = new("fixture", [
        new CategoricalIssue("issue1", "value1", "value2"),
        new CategoricalIssue("issue2", "value1", "value2"),
        new IntegerIssue("price", 10, 14),
    ]);

    // price travels as a number (the profile writes it as a number range).
    private static readonly GeniusWebBidCodec Codec = new(Domain, [null, null, [10m, 11m, 12m, 13m, 14m]]);

    public static TheoryData<string> Actions => new()
    {
        """{"Offer":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":12}}}}""",
        """{"Accept":{"actor":"party2","bid":{"issuevalues":{"issue1":"value2","issue2":"value1","price":10}}}}""",
        """{"EndNegotiation":{"actor":"party1"}}""",
        """{"Vote":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value1","price":14}},"minPower":2,"maxPower":2147483647}}""",
        """{"Votes":{"actor":"party1","votes":[{"Vote":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value1","price":14}},"minPower":2,"maxPower":3}},{"Vote":{"actor":"party1","bid":{"issuevalues":{"issue1":"value2","issue2":"value2","price":11}},"minPower":2,"maxPower":2}}]}}""",
    };

    public static TheoryData<string> Informs => new()
    {
        """{"Settings":{"id":"party1","profile":"ws://127.0.0.1:8080/profiles/abc","protocol":"SAOP","progress":{"ProgressTime":{"duration":30000,"start":1586789003034}},"parameters":{}}}""",
        """{"Settings":{"id":"party2","profile":"ws://127.0.0.1:8080/profiles/def","protocol":"MOPAC","progress":{"ProgressRounds":{"duration":200,"currentRound":0,"endtime":1586789303034}},"parameters":{"parties":"party1,party2"}}}""",
        """{"YourTurn":{}}""",
        """{"ActionDone":{"action":{"Offer":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":13}}}}}}""",
        """{"ActionDone":{"action":{"EndNegotiation":{"actor":"party2"}}}}""",
        """{"Voting":{"offers":[{"Offer":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":13}}}},{"Offer":{"actor":"party2","bid":{"issuevalues":{"issue1":"value2","issue2":"value2","price":10}}}}],"powers":{"party1":1,"party2":1}}}""",
        """{"OptIn":{"votes":[{"Votes":{"actor":"party1","votes":[{"Vote":{"actor":"party1","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":13}},"minPower":2,"maxPower":2}}]}}]}}""",
        """{"Finished":{"agreements":{"party1":{"issuevalues":{"issue1":"value1","issue2":"value2","price":13}},"party2":{"issuevalues":{"issue1":"value1","issue2":"value2","price":13}}}}}""",
        """{"Finished":{"agreements":{}}}""",
    };

    // GeniusWeb's test domains: one issue "iss" (VotingTest, OptInTest) or "is1" (VotesTest), values val1 and val2.
    private static readonly GeniusWebBidCodec Iss = new(new Domain("iss", [new CategoricalIssue("iss", "val1", "val2")]), [null]);

    private static readonly GeniusWebBidCodec Is1 = new(new Domain("is1", [new CategoricalIssue("is1", "val1", "val2")]), [null]);

    public static TheoryData<string, string> Published => new()
    {
        { "iss", """{"Voting":{"offers":[{"Offer":{"actor":"party1","bid":{"issuevalues":{"iss":"val1"}}}}],"powers":{"party1":2}}}""" },
        { "iss", """{"OptIn":{"votes":[{"Votes":{"actor":"partyA","votes":[{"Vote":{"actor":"partyA","bid":{"issuevalues":{"iss":"val1"}},"minPower":2,"maxPower":9}}]}},{"Votes":{"actor":"partyB","votes":[{"Vote":{"actor":"partyB","bid":{"issuevalues":{"iss":"val2"}},"minPower":2,"maxPower":9}},{"Vote":{"actor":"partyB","bid":{"issuevalues":{"iss":"val1"}},"minPower":2,"maxPower":9}}]}}]}}""" },
        { "is1", """{"Votes":{"actor":"partyA","votes":[{"Vote":{"actor":"partyA","bid":{"issuevalues":{"is1":"val1"}},"minPower":2,"maxPower":9}},{"Vote":{"actor":"partyA","bid":{"issuevalues":{"is1":"val2"}},"minPower":2,"maxPower":9}}]}}""" },
        { "iss", """{"EndNegotiation":{"actor":"party1"}}""" },
        { "iss", """{"YourTurn":{}}""" },
        { "iss", """{"Settings":{"id":"party1","profile":"ws://127.0.0.1:8080/profiles/abc","protocol":"MOPAC","progress":{"ProgressRounds":{"duration":10,"currentRound":0,"endtime":98765}},"parameters":{}}}""" },
        { "iss", """{"Settings":{"id":"party1","profile":"ws://127.0.0.1:8080/profiles/abc","protocol":"SAOP","progress":{"ProgressTime":{"duration":10,"start":100000}},"parameters":{}}}""" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Wire_GeniusWebsOwnPublishedExample_ReadsAndWritesBackFieldForField(string issue, string fixture)
    {
        // Arrange
        var codec = issue == "iss" ? Iss : Is1;
        var bytes = Encoding.UTF8.GetBytes(fixture);
        var buffer = new ArrayBufferWriter<byte>();

        // Act: an action where GeniusWeb sends one, otherwise an inform.
        if (GeniusWebWire.ParseAction(bytes, codec, out _) is { } action)
        {
            GeniusWebWire.WriteAction(buffer, action, codec);
        }
        else
        {
            var inform = GeniusWebWire.ParseInform(bytes, codec, out var error).ShouldNotBeNull(error);
            Write(buffer, inform, codec);
        }

        // Assert
        JsonNode.DeepEquals(JsonNode.Parse(buffer.WrittenSpan), JsonNode.Parse(fixture)).ShouldBeTrue(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Action_DocumentedExample_ReadsAndWritesBackFieldForField(string fixture)
    {
        // Act
        var action = GeniusWebWire.ParseAction(Encoding.UTF8.GetBytes(fixture), Codec, out var error);
        var buffer = new ArrayBufferWriter<byte>();
        GeniusWebWire.WriteAction(buffer, action!, Codec);

        // Assert
        error.ShouldBeNull();
        JsonNode.DeepEquals(JsonNode.Parse(buffer.WrittenSpan), JsonNode.Parse(fixture)).ShouldBeTrue(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [MemberData(nameof(Informs))]
    public void Inform_DocumentedExample_ReadsAndWritesBackFieldForField(string fixture)
    {
        // Act
        var inform = GeniusWebWire.ParseInform(Encoding.UTF8.GetBytes(fixture), Codec, out var error);
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, inform!, Codec);

        // Assert
        error.ShouldBeNull();
        JsonNode.DeepEquals(JsonNode.Parse(buffer.WrittenSpan), JsonNode.Parse(fixture)).ShouldBeTrue(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void ParseAction_Offer_IsTheOutcomeOfTheNamedValues()
    {
        // Act
        var action = GeniusWebWire.ParseAction("""{"Offer":{"actor":"party1","bid":{"issuevalues":{"price":12,"issue2":"value2","issue1":"value1"}}}}"""u8.ToArray(), Codec, out _);

        // Assert
        action!.Kind.ShouldBe(GeniusWebActionKind.Offer);
        action.Actor.ShouldBe("party1");
        action.Bid.ShouldBe(new Outcome([0, 1, 2]));
    }

    [Theory]
    [InlineData("{\"Offer\":{\"actor\":", "malformed JSON")]
    [InlineData("[1,2]", "wrapped by its class name")]
    [InlineData("""{"Offer":{"actor":"p","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":15}}}}""", "outside the domain: value 15 is not a value of issue 'price'")]
    [InlineData("""{"Offer":{"actor":"p","bid":{"issuevalues":{"issue1":"value1","price":12}}}}""", "outside the domain: the bid leaves issue 'issue2' out")]
    [InlineData("""{"Offer":{"actor":"p","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":12,"colour":"red"}}}}""", "outside the domain: the bid names issue 'colour'")]
    [InlineData("""{"Offer":{"bid":{"issuevalues":{}}}}""", "without an \"actor\"")]
    [InlineData("""{"Dance":{"actor":"p"}}""", "not an action")]
    [InlineData("""{"Votes":{"actor":"p","votes":[{"Vote":{"actor":"q","bid":{"issuevalues":{"issue1":"value1","issue2":"value2","price":12}},"minPower":2,"maxPower":2}}]}}""", "only its own Vote")]
    public void ParseAction_BadInput_NullWithTheReason(string json, string reason)
    {
        // Act
        var action = GeniusWebWire.ParseAction(Encoding.UTF8.GetBytes(json), Codec, out var error);

        // Assert
        action.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void WireProfile_Profile_IsLinearAdditiveUtilitySpaceOverTheSameNames()
    {
        // Arrange
        var scenario = Protocols.SessionFixtures.Bilateral();
        var profile = (Parley.Preferences.AdditiveProfile)scenario.Negotiators[0].Profile!;

        // Act
        var json = Parley.Formats.GeniusWeb.GeniusWebWriter.WireProfile(profile, "seller", out var numbers);
        using var stream = new MemoryStream(json);
        var read = Parley.Formats.GeniusWeb.GeniusWebReader.ReadProfile(stream, "wire", out var domain);
        var codec = new GeniusWebBidCodec(scenario.Domain, numbers);

        // Assert: the party's view of the domain reads back every bid the runner writes, to the same utility.
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.TryGetProperty("LinearAdditiveUtilitySpace", out _).ShouldBeTrue();
        var partyCodec = GeniusWebBidCodec.ForReadDomain(domain);
        foreach (var outcome in scenario.Domain.EnumerateOutcomes())
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer))
            {
                codec.Write(w, outcome);
            }

            using var bid = JsonDocument.Parse(buffer.WrittenMemory);
            var seen = partyCodec.Read(bid.RootElement, out var error).ShouldNotBeNull(error);
            read.Utility(seen.Levels).ShouldBe(profile.Utility(outcome.Levels), 1e-9);
        }
    }

    private static void Write(ArrayBufferWriter<byte> buffer, GeniusWebInform inform, GeniusWebBidCodec codec)
    {
        switch (inform.Kind)
        {
            case GeniusWebInformKind.Settings:
                GeniusWebWire.WriteSettings(buffer, inform.Settings!);
                break;
            case GeniusWebInformKind.YourTurn:
                GeniusWebWire.WriteYourTurn(buffer);
                break;
            case GeniusWebInformKind.ActionDone:
                GeniusWebWire.WriteActionDone(buffer, inform.Action!, codec);
                break;
            case GeniusWebInformKind.Voting:
                GeniusWebWire.WriteVoting(buffer, inform.Offers!, inform.Powers!, codec);
                break;
            case GeniusWebInformKind.OptIn:
                GeniusWebWire.WriteOptIn(buffer, inform.Votes!, codec);
                break;
            case GeniusWebInformKind.Finished:
                GeniusWebWire.WriteFinished(buffer, [.. inform.Agreements!], codec);
                break;
        }
    }
}

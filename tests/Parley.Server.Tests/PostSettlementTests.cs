using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Parley.Server.Tests;

/// <summary>
/// The post-settlement step through the API, on SQLite and PostgreSQL: after the delegations sign, the
/// mediator sees the improvement the library proposes, offers it, each delegation sees the text and its
/// own gain only, both accept and the improved text becomes the signed agreement; the log rebuilds it
/// after a restart and an exported record reproduces it.
/// </summary>
public sealed class PostSettlementTests
{
    // P cares for "a" (best a0), Q for "b" (best b2). Signed (a2, b1): P 0.1, Q 0.6. The improvement (a0, b2): P 0.8 (+0.7), Q 0.8 (+0.2).
    private static readonly object PProfile = new
    {
        weights = new { a = 0.8, b = 0.2 },
        values = new { a = new { a0 = 1.0, a1 = 0.5, a2 = 0.0 }, b = new { b0 = 1.0, b1 = 0.5, b2 = 0.0 } },
        reservation = 0.05,
        shareWithMediator = true,
    };

    private static readonly object QProfile = new
    {
        weights = new { a = 0.2, b = 0.8 },
        values = new { a = new { a0 = 0.0, a1 = 0.5, a2 = 1.0 }, b = new { b0 = 0.0, b1 = 0.5, b2 = 1.0 } },
        reservation = 0.05,
        shareWithMediator = false,
    };

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SignedBelowTheFrontier_BothAccept_ImprovedTextIsTheSignedAgreementAfterRestartAndImport(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Seats seats;
        string mediatorView, pView;
        await using (var factory = new ServerFactory(db.Target))
        {
            using var http = factory.CreateClient();
            seats = await SignAsync(http, new { a = "a2", b = "b1" });

            var before = await Table.Json(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.Table.Mediator), HttpStatusCode.OK);
            before["status"]!.GetValue<string>().ShouldBe("available");
            before["proposal"]!.ToJsonString().ShouldBe("""{"a":"a0","b":"b2"}""");
            before["gains"]!.AsObject().Select(p => p.Key).ShouldBe(["P"], "Q kept its declaration from the mediator");
            await Table.Problem(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.P), HttpStatusCode.Conflict);

            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/offer", seats.Table.Mediator);
            await Table.Problem(await seats.Table.SendAsync(HttpMethod.Post, "post-settlement/offer", seats.Table.Mediator), HttpStatusCode.Conflict);

            var p = await Table.Json(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.P), HttpStatusCode.OK);
            var q = await Table.Json(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.Q), HttpStatusCode.OK);
            p["status"]!.GetValue<string>().ShouldBe("offered");
            p["myGain"]!.GetValue<double>().ShouldBe(0.7, 1e-9);
            q["myGain"]!.GetValue<double>().ShouldBe(0.2, 1e-9);
            p["gains"].ShouldBeNull();
            p["answers"].ShouldBeNull();
            var pWhole = (await seats.Table.ViewAsync(seats.P)).ToJsonString();
            pWhole.ShouldNotContain(q["myGain"]!.ToJsonString(), Case.Sensitive, "P never sees Q's gain");
            pWhole.ShouldNotContain("\"seat\":\"Q\",\"weights\"");

            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.P, new { yes = true });
            (await seats.Table.ViewAsync(seats.Q)).ToJsonString().ShouldNotContain("improvement-answered", Case.Sensitive, "P's answer is P's and the mediator's");
            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.Q, new { yes = true });
            await Table.Problem(await seats.Table.SendAsync(HttpMethod.Post, "post-settlement/answers", seats.Q, new { yes = false }), HttpStatusCode.Conflict);

            var after = await seats.Table.ViewAsync(seats.Table.Mediator);
            after["postSettlement"]!["status"]!.GetValue<string>().ShouldBe("adopted");
            after["postSettlement"]!["agreement"]!.ToJsonString().ShouldBe("""{"a":"a0","b":"b2"}""");
            after["postSettlement"]!["answers"]!.ToJsonString().ShouldBe("""{"P":true,"Q":true}""");
            var markdown = await (await seats.Table.SendAsync(HttpMethod.Get, "text.md", seats.Q)).Content.ReadAsStringAsync();
            markdown.ShouldContain("## The signed agreement (improved after signature: every delegation accepted)\n\n1. **a** (a0): a0\n2. **b** (b2): b2");
            mediatorView = after.ToJsonString();
            pView = (await seats.Table.ViewAsync(seats.P)).ToJsonString();

            var export = await ServerHost.ExportAsync(factory.Options.Database, seats.Table.Id);
            var created = await Table.Json(await http.PostAsync(Table.Import, new StringContent(export, Encoding.UTF8, "application/json")), HttpStatusCode.Created);
            var copy = new Table { Http = http, Id = created["id"]!.GetValue<string>(), Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };
            var imported = await copy.ViewAsync(copy.Mediator);
            imported["postSettlement"]!.ToJsonString().ShouldBe(after["postSettlement"]!.ToJsonString());
            imported["record"]!.AsArray().Where(r => r!["event"]!["type"]!.GetValue<string>().StartsWith("improvement", StringComparison.Ordinal)).Select(r => r!["event"]!.ToJsonString())
                .ShouldBe(after["record"]!.AsArray().Where(r => r!["event"]!["type"]!.GetValue<string>().StartsWith("improvement", StringComparison.Ordinal)).Select(r => r!["event"]!.ToJsonString()));
        }

        await using (var restarted = new ServerFactory(db.Target))
        {
            using var http = restarted.CreateClient();
            var again = new Table { Http = http, Id = seats.Table.Id, Mediator = seats.Table.Mediator, Israel = "", Syria = "", Observer = "" };
            (await again.ViewAsync(again.Mediator)).ToJsonString().ShouldBe(mediatorView);
            (await again.ViewAsync(seats.P)).ToJsonString().ShouldBe(pView);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OneDeclines_SignedAgreementStands(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var factory = new ServerFactory(db.Target);
        using var http = factory.CreateClient();
        var seats = await SignAsync(http, new { a = "a2", b = "b1" });
        await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/offer", seats.Table.Mediator);

        await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.Q, new { yes = false });

        var view = await Table.Json(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.P), HttpStatusCode.OK);
        view["status"]!.GetValue<string>().ShouldBe("declined");
        view["agreement"]!.ToJsonString().ShouldBe("""{"a":"a2","b":"b1"}""");
        var markdown = await (await seats.Table.SendAsync(HttpMethod.Get, "text.md", seats.P)).Content.ReadAsStringAsync();
        markdown.ShouldContain("## The signed agreement\n\n1. **a** (a2): a2\n2. **b** (b1): b1");
        await Table.Problem(await seats.Table.SendAsync(HttpMethod.Post, "post-settlement/answers", seats.P, new { yes = true }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AlreadyParetoOptimal_NothingToOffer()
    {
        await using var db = TestDatabase.CreateSqlite();
        await using var factory = new ServerFactory(db.Target);
        using var http = factory.CreateClient();
        var seats = await SignAsync(http, new { a = "a0", b = "b2" });

        var view = await Table.Json(await seats.Table.SendAsync(HttpMethod.Get, "post-settlement", seats.Table.Mediator), HttpStatusCode.OK);

        view["status"]!.GetValue<string>().ShouldBe("none");
        view["note"]!.GetValue<string>().ShouldContain("already as good as it gets");
        var problem = await Table.Problem(await seats.Table.SendAsync(HttpMethod.Post, "post-settlement/offer", seats.Table.Mediator), HttpStatusCode.Conflict);
        problem["title"]!.GetValue<string>().ShouldContain("already as good as it gets");
    }

    internal sealed record Seats(Table Table, string P, string Q, string Observer, string Revoked);

    /// <summary>A negotiation from scratch (articles a and b, seats P and Q, an observer, a revoked invitation to P), both profiles declared, <paramref name="text"/> adopted and signed.</summary>
    internal static async Task<Seats> SignAsync(HttpClient http, object text)
    {
        var created = await Table.Json(await http.PostAsJsonAsync(Table.Create, new
        {
            title = "post-settlement",
            issues = new[] { new { name = "a", options = new[] { "a0", "a1", "a2" } }, new { name = "b", options = new[] { "b0", "b1", "b2" } } },
            seats = new[] { "P", "Q" },
        }), HttpStatusCode.Created);
        var shell = new Table { Http = http, Id = created["id"]!.GetValue<string>(), Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };
        var p = await shell.InviteAsync("delegation", "P");
        var q = await shell.InviteAsync("delegation", "Q");
        var observer = await shell.InviteAsync("observer", null);
        var revoked = await shell.InviteAsync("delegation", "P");
        var invitations = (await shell.ViewAsync(shell.Mediator))["invitations"]!.AsArray();
        await shell.ActAsync(HttpMethod.Delete, "invitations/" + invitations[^1]!["id"]!.GetValue<string>(), shell.Mediator);
        await shell.ActAsync(HttpMethod.Put, "profile", p, PProfile);
        await shell.ActAsync(HttpMethod.Put, "profile", q, QProfile);
        await Table.Problem(await shell.SendAsync(HttpMethod.Get, "post-settlement", shell.Mediator), HttpStatusCode.Conflict);
        await shell.ActAsync(HttpMethod.Post, "rounds", shell.Mediator, new { text });
        await shell.ActAsync(HttpMethod.Post, "votes", p, new { yes = true });
        await shell.ActAsync(HttpMethod.Post, "votes", q, new { yes = true });
        await shell.ActAsync(HttpMethod.Post, "signing", shell.Mediator);
        await Table.Problem(await shell.SendAsync(HttpMethod.Post, "post-settlement/offer", shell.Mediator), HttpStatusCode.Conflict);
        await shell.ActAsync(HttpMethod.Post, "signatures", p, new { yes = true });
        await shell.ActAsync(HttpMethod.Post, "signatures", q, new { yes = true });
        (await shell.ViewAsync(shell.Mediator))["status"]!.GetValue<string>().ShouldBe("agreement");
        return new Seats(shell, p, q, observer, revoked);
    }
}

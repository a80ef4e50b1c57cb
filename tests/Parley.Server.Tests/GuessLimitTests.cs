using System.Net;

namespace Parley.Server.Tests;

/// <summary>Repeated guesses of tokens or ids are rate-limited per client address.</summary>
public sealed class GuessLimitTests
{
    [Fact]
    public async Task Guesses_BeyondTheLimit_429EvenWithAValidTokenUntilTheWindowEnds()
    {
        var db = TestDatabase.CreateSqlite();
        await using var _ = db;
        await using var factory = new ServerFactory(db.Target, maxFailedTokens: 5);
        using var http = factory.CreateClient();
        var table = await Table.OpenAsync(http);

        for (var i = 0; i < 5; i++)
        {
            await Table.Problem(await table.SendAsync(HttpMethod.Get, "", "guess-" + i), HttpStatusCode.Unauthorized);
        }

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "", "guess-6"), HttpStatusCode.TooManyRequests);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "", table.Mediator), HttpStatusCode.TooManyRequests);

        factory.Clock.Advance(factory.Options.GuessWindow);
        (await table.SendAsync(HttpMethod.Get, "", table.Mediator)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GuessedIds_CountAsFailures()
    {
        var db = TestDatabase.CreateSqlite();
        await using var _ = db;
        await using var factory = new ServerFactory(db.Target, maxFailedTokens: 3);
        using var http = factory.CreateClient();
        var table = await Table.OpenAsync(http);

        for (var i = 0; i < 3; i++)
        {
            await Table.Problem(await table.SendAsync(HttpMethod.Get, "", table.Israel, id: "guess" + i), HttpStatusCode.NotFound);
        }

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "", table.Israel), HttpStatusCode.TooManyRequests);
    }
}

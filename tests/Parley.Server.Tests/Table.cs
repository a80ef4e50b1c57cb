using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parley.Server.Tests;

/// <summary>
/// A negotiation at the table, made through the API: the Israel–Syria scenario with its mediator,
/// both delegations and an observer invited, and the tokens of each.
/// </summary>
public sealed class Table
{
    public required HttpClient Http { get; init; }

    public required string Id { get; init; }

    public required string Mediator { get; init; }

    public required string Israel { get; init; }

    public required string Syria { get; init; }

    public required string Observer { get; init; }

    /// <summary>The operator token every test server is started with (who may create negotiations).</summary>
    public const string OperatorToken = "test-operator-token";

    /// <summary>Where an operator creates a negotiation (the operator token in the query).</summary>
    public const string Create = "/api/negotiations?token=" + OperatorToken;

    /// <summary>Where an operator uploads a scenario.</summary>
    public const string Upload = "/api/negotiations/upload?token=" + OperatorToken;

    /// <summary>Where an operator imports a record.</summary>
    public const string Import = "/api/negotiations/import?token=" + OperatorToken;

    public static async Task<Table> OpenAsync(HttpClient http)
    {
        var created = await Json(await http.PostAsJsonAsync(Create, new { scenario = "israel-syria-2026" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();
        var mediator = created["invitations"]![0]!["token"]!.GetValue<string>();
        var table = new Table { Http = http, Id = id, Mediator = mediator, Israel = "", Syria = "", Observer = "" };
        return new Table
        {
            Http = http,
            Id = id,
            Mediator = mediator,
            Israel = await table.InviteAsync("delegation", "Israel"),
            Syria = await table.InviteAsync("delegation", "Syria"),
            Observer = await table.InviteAsync("observer", null),
        };
    }

    public async Task<string> InviteAsync(string role, string? seat)
    {
        var issued = await Json(await SendAsync(HttpMethod.Post, "invitations", Mediator, new { role, seat }), HttpStatusCode.Created);
        return issued["token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? id = null)
    {
        var request = new HttpRequestMessage(method, $"/api/negotiations/{id ?? Id}" + (path.Length == 0 ? "" : "/" + path));
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<JsonNode> ViewAsync(string token) => await Json(await SendAsync(HttpMethod.Get, "", token), HttpStatusCode.OK);

    public async Task<long> ActAsync(HttpMethod method, string path, string token, object? body = null)
    {
        var ack = await Json(await SendAsync(method, path, token, body), HttpStatusCode.OK);
        return ack["version"]!.GetValue<long>();
    }

    public static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>A problem-details answer with <paramref name="status"/>.</summary>
    public static async Task<JsonNode> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(text)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

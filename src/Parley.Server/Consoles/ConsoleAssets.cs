using System.Collections.Frozen;

namespace Parley.Server.Consoles;

/// <summary>
/// Serves the browser consoles: one page (<c>/console/{id}</c>, opened from a personal link whose
/// token travels in the URL fragment, never sent to the server in the request line) and its script,
/// style sheet and the vendored SignalR client, all embedded in this assembly. Nothing is fetched
/// from the internet; the page reads and acts only through the JSON API and the live channel, so the
/// consoles see exactly what the API gives their caller.
/// </summary>
internal static class ConsoleAssets
{
    private const string Policy = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Assets = Load();

    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        app.MapGet("/console/{id}", (string id) => Serve("console.html")).ExcludeFromDescription();
        app.MapGet("/console/assets/{name}", (string name) => Serve(name)).ExcludeFromDescription();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/console", StringComparison.Ordinal) || context.Request.Path == "/")
            {
                context.Response.Headers.ContentSecurityPolicy = Policy;
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.CacheControl = "no-cache";
            }

            await next(context).ConfigureAwait(false);
        });
    }

    private static IResult Serve(string name) =>
        Assets.TryGetValue(name, out var asset) ? Results.Bytes(asset.Bytes, asset.Type) : Results.NotFound();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        const string prefix = "Parley.Server.Consoles.assets.";
        var map = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[prefix.Length..];
            map[name] = (copy.ToArray(), Path.GetExtension(name) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            });
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

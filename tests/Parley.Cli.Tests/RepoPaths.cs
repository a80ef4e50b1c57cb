namespace Parley.Cli.Tests;

/// <summary>Where the repository, its test corpus and ../shared are.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find Parley.slnx above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    public static string Shared =>
        Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Domain(params string[] parts) => Path.Combine([Shared, "domains", .. parts]);

    public static string MalformedCorpus => Path.Combine(Root, "tests", "corpus", "malformed");
}

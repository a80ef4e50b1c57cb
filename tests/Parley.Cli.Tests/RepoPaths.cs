namespace Parley.Cli.Tests;

/// <summary>Where the repository, its test corpus and ../shared are.</summary>
internal static class RepoPaths
{
    public static string Root => RepositoryPaths.Root;

    public static string Shared => RepositoryPaths.Shared;

    public static string Domain(params string[] parts) => Path.Combine([Shared, "domains", .. parts]);

    public static string MalformedCorpus => Path.Combine(Root, "tests", "corpus", "malformed");
}

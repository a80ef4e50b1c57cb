namespace Parley.Tests;

/// <summary>Where the repository and ../shared (the ANAC domains, the scenario brief) are.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding Parley.slnx).</summary>
    public static string Root => RepositoryPaths.Root;

    /// <summary>../shared beside the repository, or $PARLEY_SHARED.</summary>
    public static string Shared => RepositoryPaths.Shared;

    /// <summary>../shared/domains: the ANAC and other GENIUS domains.</summary>
    public static string Domains => Path.Combine(Shared, "domains");

    /// <summary>A path under ../shared/domains.</summary>
    public static string Domain(params string[] parts) => Path.Combine([Domains, .. parts]);
}

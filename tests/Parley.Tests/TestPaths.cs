namespace Parley.Tests;

/// <summary>Where the repository and ../shared (the ANAC domains, the scenario brief) are.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding Parley.slnx).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>../shared beside the repository, or $PARLEY_SHARED.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>../shared/domains: the ANAC and other GENIUS domains.</summary>
    public static string Domains => Path.Combine(Shared, "domains");

    /// <summary>A path under ../shared/domains.</summary>
    public static string Domain(params string[] parts) => Path.Combine([Domains, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Parley.slnx) above " + AppContext.BaseDirectory);
    }
}

namespace Parley.Testing;

/// <summary>The one place every test project finds the repository and ../shared (the ANAC domains, the scenario brief).</summary>
/// <remarks>Linked into each test project from tests/Common. ../shared lies beside the repository; $PARLEY_SHARED overrides it.</remarks>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding Parley.slnx).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>../shared beside the repository, or $PARLEY_SHARED.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } env ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>../shared/domains.</summary>
    public static string Domains => Path.Combine(Shared, "domains");

    /// <summary>Whether ../shared/domains is present (a fresh clone alone does not have it).</summary>
    public static bool HasSharedDomains => Directory.Exists(Domains);

    /// <summary>Why tests that need ../shared/domains are skipped.</summary>
    public static string SkipReason => $"needs the ANAC domains in ../shared/domains beside the repository (looked in {Domains}; set PARLEY_SHARED to point elsewhere)";

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

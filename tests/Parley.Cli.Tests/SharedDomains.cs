namespace Parley.Cli.Tests;

/// <summary>Paths under ../shared/domains (beside the repository) or $PARLEY_SHARED/domains.</summary>
internal static class SharedDomains
{
    public static string Path(params string[] parts) => RepositoryPaths.Domain(parts);
}

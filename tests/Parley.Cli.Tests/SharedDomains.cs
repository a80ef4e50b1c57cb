namespace Parley.Cli.Tests;

/// <summary>Paths under ../shared/domains (beside the repository) or $PARLEY_SHARED/domains.</summary>
internal static class SharedDomains
{
    public static string Path(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx")))
            {
                dir = dir.Parent;
            }

            shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir!.FullName, "..", "shared"));
        }

        return System.IO.Path.Combine([shared, "domains", .. parts]);
    }
}

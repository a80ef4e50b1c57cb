namespace Parley.Benchmarks;

/// <summary>Finds ../shared/domains from the benchmark's output folder (or $PARLEY_SHARED).</summary>
internal static class BenchmarkPaths
{
    public static string Domain(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("PARLEY_SHARED");
        if (string.IsNullOrEmpty(shared))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                dir = dir.Parent;
            }

            shared = Path.GetFullPath(Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "..", "shared"));
        }

        return Path.Combine([shared, "domains", .. parts]);
    }
}

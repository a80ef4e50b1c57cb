using System.Security.Cryptography;

namespace Parley.Formats;

/// <summary>
/// Finds the scenarios a tournament (or any batch) names: a folder of scenario folders (GENIUS, GeniusWeb or NegMAS,
/// searched recursively, in ordinal path order), a single scenario folder or file, a built-in
/// scenario name, a comma-separated list of those, or a text file (<c>.txt</c>, <c>.list</c>)
/// listing one per line (blank lines and lines starting with # skipped). Each is loaded by
/// <see cref="ScenarioLoader.Load(string, IReadOnlyList{string})"/>.
/// </summary>
public static class ScenarioDiscovery
{
    /// <summary>Resolves a scenario list (see the class remarks) into loaded scenarios, each named by its path relative to the folder given, with a fingerprint of its files.</summary>
    /// <exception cref="InputException">A missing path, a folder holding no scenario, a scenario listed twice, or a file that does not load.</exception>
    public static IReadOnlyList<DiscoveredScenario> Resolve(string argument)
    {
        var items = new List<(string Path, string Root)>();
        var sources = new List<DiscoveredScenario>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in argument.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (File.Exists(raw) && IsList(raw))
            {
                var baseDir = Path.GetDirectoryName(Path.GetFullPath(raw))!;
                foreach (var line in File.ReadAllLines(raw))
                {
                    var entry = line.Trim();
                    if (entry.Length == 0 || entry.StartsWith('#'))
                    {
                        continue;
                    }

                    var full = Path.GetFullPath(Path.Combine(baseDir, entry));
                    items.Add((full, Path.GetDirectoryName(full) ?? full));
                }
            }
            else if (Directory.Exists(raw) || File.Exists(raw))
            {
                var full = Path.GetFullPath(raw);
                items.Add((full, File.Exists(full) || HasScenarioFiles(full) ? Path.GetDirectoryName(full) ?? full : full));
            }
            else
            {
                // Not a path: a built-in scenario name (ScenarioLoader says so if it is not one either).
                var scenario = ScenarioLoader.Load(raw);
                if (!names.Add(raw))
                {
                    throw new InputException(raw, string.Empty, $"the scenario '{raw}' is listed twice");
                }

                sources.Add(new DiscoveredScenario(raw, raw, scenario, "built-in:" + raw));
            }
        }

        var folders = new List<(string Path, string Root)>();
        foreach (var (path, root) in items)
        {
            if (File.Exists(path) || HasScenarioFiles(path))
            {
                folders.Add((path, root));
                continue;
            }

            if (!Directory.Exists(path))
            {
                throw new InputException(path, string.Empty, "no such scenario folder or file");
            }

            var found = Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories).Where(HasScenarioFiles).ToList();
            found.Sort(StringComparer.Ordinal);
            if (found.Count == 0)
            {
                throw new InputException(path, string.Empty, "holds no scenario folder (a GENIUS domain with its profiles as XML, GeniusWeb JSON, or NegMAS YAML)");
            }

            folders.AddRange(found.Select(f => (f, path)));
        }

        foreach (var (path, root) in folders)
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (!names.Add(name))
            {
                throw new InputException(path, string.Empty, $"the scenario '{name}' is listed twice");
            }

            var scenario = ScenarioLoader.Load(path);
            sources.Add(new DiscoveredScenario(name, path, scenario, Fingerprint(path)));
        }

        return sources;
    }

    private static bool IsList(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".list", StringComparison.OrdinalIgnoreCase);

    private static bool HasScenarioFiles(string folder) =>
        Directory.Exists(folder) && (Directory.EnumerateFiles(folder, "*.xml").Any() || Directory.EnumerateFiles(folder, "*.json").Any()
            || Directory.EnumerateFiles(folder, "*.yml").Any() || Directory.EnumerateFiles(folder, "*.yaml").Any(f => !Path.GetFileName(f).StartsWith('_')));

    private static string Fingerprint(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = File.Exists(path) ? [path] : Directory.GetFiles(path);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

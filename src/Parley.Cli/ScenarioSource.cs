using Parley.Formats.Genius;
using Parley.Scenarios;

namespace Parley.Cli;

/// <summary>Loads the scenario a command names: a GENIUS folder (for now).</summary>
internal static class ScenarioSource
{
    public static Scenario Load(string path, IReadOnlyList<string>? profiles)
    {
        if (Directory.Exists(path))
        {
            return GeniusReader.ReadFolder(path, profiles);
        }

        if (File.Exists(path))
        {
            throw new InputException(path, string.Empty, "this command reads GENIUS scenario folders; pass the folder that holds the domain and profile files");
        }

        throw new InputException(path, string.Empty, "no such file or folder");
    }
}

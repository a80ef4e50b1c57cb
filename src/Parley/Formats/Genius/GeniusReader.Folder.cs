using System.Globalization;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.Genius;

/// <summary>Reading whole GENIUS scenario folders.</summary>
public static partial class GeniusReader
{
    /// <summary>
    /// Reads a GENIUS folder: the one domain template and the utility spaces beside it, classified by
    /// content (<see cref="Classify"/>); other files, and XML files that are not GENIUS, are ignored.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="profiles">
    /// The parties to load, by name (a profile's file name without <c>.xml</c>), in the order given;
    /// all of them, ordered by file name (ordinal), when null.
    /// </param>
    /// <returns>
    /// A scenario named after the folder whose negotiators are named after their profile files. When
    /// a profile's weights let its utility rise above 1, which GENIUS would cap at 1, the scenario's
    /// <see cref="ScenarioMetadata.Notes"/> say so.
    /// </returns>
    /// <exception cref="InputException">No or several domain files, no profile, an unknown party name, or any file problem.</exception>
    public static Scenario ReadFolder(string folder, IReadOnlyList<string>? profiles = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, string.Empty, "the folder does not exist");
        }

        var files = Directory.GetFiles(folder)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToArray();
        var domains = new List<string>();
        var profileFiles = new List<string>();
        foreach (var file in files)
        {
            switch (Classify(file))
            {
                case GeniusFileKind.Domain:
                    domains.Add(file);
                    break;
                case GeniusFileKind.Profile:
                    profileFiles.Add(file);
                    break;
                default:
                    RefuseUnlessKnownExtra(file);
                    break;
            }
        }

        if (domains.Count == 0)
        {
            throw new InputException(folder, string.Empty, string.Create(CultureInfo.InvariantCulture, $"no GENIUS domain template (an XML file with issues but no weights or evaluations) among its {files.Length} XML files"));
        }

        if (domains.Count > 1)
        {
            throw new InputException(folder, string.Empty, $"more than one GENIUS domain template: {string.Join(", ", domains.Select(Path.GetFileName))}; keep one per folder");
        }

        if (profileFiles.Count == 0)
        {
            throw new InputException(folder, string.Empty, $"has the domain {Path.GetFileName(domains[0])} but no GENIUS profile (utility space) beside it");
        }

        var byName = profileFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var chosen = new List<string>();
        if (profiles is null)
        {
            chosen.AddRange(profileFiles);
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in profiles)
            {
                if (!byName.TryGetValue(name, out var file))
                {
                    throw new InputException(folder, string.Empty, $"no profile named '{name}'; the available ones are: {string.Join(", ", byName.Keys)}");
                }

                if (!seen.Add(name))
                {
                    throw new InputException(folder, string.Empty, $"the profile '{name}' is asked for twice");
                }

                chosen.Add(file);
            }

            if (chosen.Count == 0)
            {
                throw new InputException(folder, string.Empty, $"no profile chosen; the available ones are: {string.Join(", ", byName.Keys)}");
            }
        }

        var domain = ReadDomain(domains[0]);
        var parties = new List<Party>(chosen.Count);
        var notes = new List<string>();
        foreach (var file in chosen)
        {
            var profile = ReadProfile(file, domain);
            var name = Path.GetFileNameWithoutExtension(file);
            parties.Add(new Party(name, PartyRole.Party, profile));
            if (profile is AdditiveProfile additive && MaxUtility(additive) is var best && best > 1 + CapSlack)
            {
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: its weighted evaluations reach {best:R}; GENIUS caps every utility at 1, Parley keeps the additive value (weights as written)."));
            }
        }

        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        var metadata = notes.Count == 0 ? null : new ScenarioMetadata(Notes: string.Join("\n", notes));
        return new Scenario(folderName, domain, parties, metadata);
    }

    /// <summary>
    /// An .xml file beside the domain that is not GENIUS XML: a published frontier (ANAC's <c>pareto.xml</c>, lines
    /// of numbers) is known and skipped; other text (junk where a profile would be) would silently drop a party, so
    /// it is refused, named.
    /// </summary>
    private static void RefuseUnlessKnownExtra(string file)
    {
        if (GeniusXml.FirstNonBlank(file) != '<')
        {
            try
            {
                GeniusParetoFile.Read(file);
                return; // a published frontier
            }
            catch (InputException ex)
            {
                throw new InputException(file, ex.Location, $"an .xml file beside the GENIUS files is neither XML nor a published frontier (it would be a profile, so it is refused rather than skipped): {ex.Problem}", ex);
            }
        }

        // Well-formed XML with another root (notes, a GeniusWeb file) is not a GENIUS profile: skipped. XML that is
        // not well-formed was already refused, named, by Classify.
    }

    /// <summary>How far above 1 a profile's best utility may sum by rounding before GENIUS's cap at 1 is worth a note.</summary>
    internal const double CapSlack = 1e-12;

    /// <summary>The largest utility the profile gives any outcome (the sum of each issue's best level).</summary>
    internal static double MaxUtility(AdditiveProfile profile)
    {
        var total = 0.0;
        for (var i = 0; i < profile.Domain.IssueCount; i++)
        {
            var best = double.NegativeInfinity;
            foreach (var u in profile.LevelUtilities(i))
            {
                best = Math.Max(best, u);
            }

            total += best;
        }

        return total;
    }
}

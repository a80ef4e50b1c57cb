using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.NegMas;
using Parley.Formats.ParleyJson;
using Parley.Scenarios;

namespace Parley.Formats;

/// <summary>
/// Loads a scenario from whatever a user names: a Parley scenario file, a GENIUS folder (a domain
/// template and its profiles), a GeniusWeb profile folder, a NegMAS scenario folder (YAML or JSON), a
/// lone GENIUS domain file, or the name of a built-in scenario.
/// </summary>
/// <remarks>
/// Formats are told apart by content, never by file name. A folder may hold more profiles than a
/// negotiation has parties: <c>profiles</c> picks them by name, in the order given. Every problem a
/// user can cause surfaces as an <see cref="InputException"/>.
/// </remarks>
public static class ScenarioLoader
{
    /// <summary>Loads the scenario at <paramref name="pathOrName"/>, keeping only the named profiles when given.</summary>
    /// <exception cref="InputException">The path does not exist, is not a scenario, or is malformed.</exception>
    public static Scenario Load(string pathOrName, IReadOnlyList<string>? profiles = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrName);
        if (Directory.Exists(pathOrName))
        {
            return LoadFolder(pathOrName, profiles);
        }

        if (File.Exists(pathOrName))
        {
            return Select(LoadFile(pathOrName), profiles, pathOrName);
        }

        if (BuiltInScenarios.Exists(pathOrName))
        {
            return Select(BuiltInScenarios.Load(pathOrName), profiles, pathOrName);
        }

        throw new InputException(
            pathOrName,
            "",
            $"no such file or folder, and no built-in scenario of that name (built-in: {string.Join(", ", BuiltInScenarios.Names)})");
    }

    /// <summary>
    /// Loads a scenario from one file's content (an upload: nothing is written to disk), telling
    /// the format by content as the path overload does: a Parley scenario, a GeniusWeb profile (a
    /// one-party scenario over its domain) or a GENIUS domain template (no parties yet).
    /// </summary>
    /// <param name="stream">The content; read to its end, at most <paramref name="maxBytes"/> bytes.</param>
    /// <param name="name">The file's name, for messages and the scenario's name.</param>
    /// <param name="maxBytes">The largest content read.</param>
    /// <exception cref="InputException">Too large, empty, or not a scenario Parley reads (with the place).</exception>
    public static Scenario Load(Stream stream, string name, long maxBytes = FormatLimits.MaxFileBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var content = ReadBounded(stream, name, maxBytes);
        var first = GeniusXml.FirstNonBlank(content);
        if (first < 0)
        {
            throw new InputException(name, string.Empty, "the file is empty: expected a Parley scenario, a GeniusWeb profile or a GENIUS domain");
        }

        if (first == '<')
        {
            var title = Path.GetFileNameWithoutExtension(name);
            return new Scenario(string.IsNullOrEmpty(title) ? "upload" : title, GeniusReader.ReadDomain(new MemoryStream(content, writable: false), name), []);
        }

        var head = System.Text.Encoding.UTF8.GetString(content, 0, (int)Math.Min(content.Length, 4096));
        if (head.Contains("\"parley-scenario/", StringComparison.Ordinal))
        {
            return ParleyScenarioReader.Read(new MemoryStream(content, writable: false), name);
        }

        var profile = GeniusWebReader.ReadAnyProfile(new MemoryStream(content, writable: false), name, out var domain);
        var party = Path.GetFileNameWithoutExtension(name);
        return new Scenario(domain.Name, domain, [new Party(string.IsNullOrEmpty(party) ? "party" : party, PartyRole.Party, profile)]);
    }

    /// <summary>Reads <paramref name="stream"/> to its end, refusing more than <paramref name="maxBytes"/> bytes (naming <paramref name="name"/>).</summary>
    internal static byte[] ReadBounded(Stream stream, string name, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputException(name, string.Empty, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is larger than the limit of {maxBytes:N0} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Scenario LoadFolder(string folder, IReadOnlyList<string>? profiles)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var xml = files.Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (xml.Any(f => GeniusReader.Classify(f) != GeniusFileKind.NotGenius))
        {
            return GeniusReader.ReadFolder(folder, profiles);
        }

        var json = files.Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToArray();
        var parley = json.Where(LooksLikeParleyScenario).ToArray();
        if (parley.Length == 1)
        {
            return Select(ParleyScenarioReader.Read(parley[0]), profiles, parley[0]);
        }

        if (NegMasReader.IsNegMasFolder(folder))
        {
            return NegMasReader.ReadFolder(folder, profiles);
        }

        if (parley.Length > 1)
        {
            throw new InputException(folder, "", $"the folder holds {parley.Length} Parley scenario files ({string.Join(", ", parley.Select(Path.GetFileName))}); name one of them");
        }

        if (json.Length > 0)
        {
            // GeniusWeb profile sets; the reader says precisely what is wrong with a folder that is not one.
            return GeniusWebReader.ReadFolder(folder, profiles);
        }

        if (files.Any(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
        {
            // YAML that is not (yet) a NegMAS scenario: the reader names the file and says what is wrong.
            return NegMasReader.ReadFolder(folder, profiles);
        }

        throw new InputException(folder, "", "the folder holds no GENIUS domain, no GeniusWeb profiles, no NegMAS scenario and no single Parley scenario file");
    }

    private static Scenario LoadFile(string path)
    {
        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            if (GeniusReader.Classify(path) == GeniusFileKind.Profile)
            {
                throw new InputException(path, "", "this is a GENIUS profile; its domain is needed too: pass the folder that holds both");
            }

            // A domain template, or not GENIUS at all: then ReadDomain says precisely what is wrong.
            return new Scenario(Path.GetFileNameWithoutExtension(path), GeniusReader.ReadDomain(path), []);
        }

        if (path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || NegMasReader.LooksLikeNegMasJson(path))
        {
            // One NegMAS file: an outcome space alone, or a utility function whose outcome space is beside it.
            if (NegMasReader.IsOutcomeSpaceFile(path))
            {
                var domain = NegMasReader.ReadDomain(path).Domain;
                return new Scenario(domain.Name, domain, []);
            }

            return NegMasReader.ReadFolder(Path.GetDirectoryName(Path.GetFullPath(path))!, [Path.GetFileNameWithoutExtension(path)]);
        }

        if (GeniusWebReader.IsGeniusWebProfile(path))
        {
            return GeniusWebReader.ReadFolder(Path.GetDirectoryName(Path.GetFullPath(path))!, [Path.GetFileNameWithoutExtension(path)]);
        }

        return ParleyScenarioReader.Read(path);
    }

    /// <summary>Whether the file starts like a Parley scenario (its format marker appears near the top).</summary>
    private static bool LooksLikeParleyScenario(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[4096];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read).Contains("\"parley-scenario/", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Scenario Select(Scenario scenario, IReadOnlyList<string>? profiles, string source)
    {
        if (profiles is null || profiles.Count == 0)
        {
            return scenario;
        }

        try
        {
            return scenario.WithNegotiators(profiles);
        }
        catch (ArgumentException ex)
        {
            throw new InputException(source, "--profiles", ex.Message, ex);
        }
    }
}

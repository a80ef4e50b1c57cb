using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Parley.Domains;

namespace Parley.Formats.Genius;

/// <summary>Safe loading of GENIUS XML files and small helpers shared by the reader and the writer.</summary>
internal static class GeniusXml
{
    /// <summary>
    /// GENIUS numbers each issue with an <c>index</c> attribute; profiles refer to issues by it. The
    /// reader remembers the numbering of every domain it reads so that a profile can be checked
    /// against it. Domains built elsewhere have no entry.
    /// </summary>
    private static readonly ConditionalWeakTable<Domain, Dictionary<string, int>> IssueNumbers = new();

    public static void RememberIssueNumbers(Domain domain, Dictionary<string, int> numbers) => IssueNumbers.AddOrUpdate(domain, numbers);

    public static Dictionary<string, int>? IssueNumbersOf(Domain domain) => IssueNumbers.TryGetValue(domain, out var n) ? n : null;

    /// <summary>Loads <paramref name="path"/> with DTDs prohibited, no resolver and a size limit checked before reading.</summary>
    public static XDocument Load(string path)
    {
        CheckSize(path);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new InputException(path, string.Empty, "cannot read the file: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException(path, string.Empty, "cannot read the file: " + ex.Message, ex);
        }

        return Load(content, path);
    }

    /// <summary>Loads GENIUS XML held in memory (an upload), <paramref name="name"/> naming it in messages; the same safety rules as a file.</summary>
    public static XDocument Load(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > GeniusReader.MaxFileBytes)
        {
            throw new InputException(name, string.Empty, string.Create(CultureInfo.InvariantCulture, $"the file is {content.LongLength} bytes, above the limit of {GeniusReader.MaxFileBytes} bytes for GENIUS XML; it was not read"));
        }

        if (FirstNonBlank(content) < 0)
        {
            throw new InputException(name, string.Empty, "the file is empty: expected GENIUS XML");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = GeniusReader.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            CheckDepth(content, name, settings);
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var location = ex.LineNumber > 0 ? $"line {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            var problem = ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? "the file contains a DTD (<!DOCTYPE ...>); DTDs and external entities are refused for safety"
                : "the file is not well-formed XML: " + StripPosition(ex.Message);
            throw new InputException(name, location, problem, ex);
        }
    }

    /// <summary>The deepest element nesting read; GENIUS files nest a few levels (objectives, issues, items, constraints).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// One forward pass that refuses a document nested deeper than <see cref="MaxDepth"/> before it is loaded:
    /// linear in the file's size, with no recursion, so a file nested 100,000 deep is one line of error, not a
    /// stack overflow.
    /// </summary>
    private static void CheckDepth(byte[] content, string path, XmlReaderSettings settings)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
            {
                var line = ((IXmlLineInfo)reader).LineNumber;
                throw new InputException(path, $"line {line.ToString(CultureInfo.InvariantCulture)}", string.Create(CultureInfo.InvariantCulture, $"elements are nested more than {MaxDepth} deep; GENIUS files nest a few levels, so this is not one"));
            }
        }
    }

    /// <summary>Refuses a missing file or one above <see cref="GeniusReader.MaxFileBytes"/> without reading it.</summary>
    public static void CheckSize(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(path, string.Empty, "the file does not exist");
        }

        if (info.Length > GeniusReader.MaxFileBytes)
        {
            throw new InputException(
                path,
                string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length} bytes, above the limit of {GeniusReader.MaxFileBytes} bytes ({GeniusReader.MaxFileBytes / (1024 * 1024)} MiB) for GENIUS XML; it was not read"));
        }
    }

    /// <summary>Whether the file holds only white space (or nothing).</summary>
    public static bool IsBlank(string path) => FirstNonBlank(path) < 0;

    /// <summary>The first character of <paramref name="content"/> that is not white space or a byte-order mark, or −1.</summary>
    public static int FirstNonBlank(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content, writable: false), detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF')
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>The first character that is not white space or a byte-order mark, or −1.</summary>
    public static int FirstNonBlank(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF')
            {
                return c;
            }
        }

        return -1;
    }

    public static string Where(XObject node)
    {
        var info = (IXmlLineInfo)node;
        var line = info.HasLineInfo() ? $"line {info.LineNumber.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        if (node is XElement e)
        {
            var name = (string?)e.Attribute("name");
            var label = name is null ? $"<{e.Name.LocalName}>" : $"<{e.Name.LocalName} name=\"{name}\">";
            return line.Length == 0 ? label : $"{line}, {label}";
        }

        return line;
    }

    public static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    public static string RequireAttribute(string file, XElement element, string attribute)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null)
        {
            throw new InputException(file, Where(element), $"the <{element.Name.LocalName}> element has no '{attribute}' attribute");
        }

        return value;
    }

    public static int ParseInt(string file, XElement element, string attribute, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InputException(file, Where(element), $"the '{attribute}' attribute is '{text}', which is not a whole number");
        }

        return value;
    }

    public static double ParseFinite(string file, XElement element, string attribute, string text)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InputException(file, Where(element), $"the '{attribute}' attribute is '{text}', which is not a finite number");
        }

        return value;
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string StripPosition(string message)
    {
        var i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (i > 0 ? message[..i] : message).TrimEnd();
    }
}

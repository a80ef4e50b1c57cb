using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Reports;

/// <summary>Writes a command's --json output: indented, deterministic, UTF-8, invariant numbers.</summary>
public static class JsonText
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The serializer settings of JSON documents built as nodes (indented, non-ASCII text kept as it is).</summary>
    public static readonly JsonSerializerOptions SerializerOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The largest integer a JSON number carries exactly (2^53).</summary>
    public static readonly BigInteger MaxExactInteger = BigInteger.Pow(2, 53);

    /// <summary>Builds a JSON document with <paramref name="write"/> and returns it as text.</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Writes <paramref name="node"/> to <paramref name="stream"/> as <see cref="SerializerOptions"/>
    /// would print it, followed by a line break, without building the text in memory first.
    /// </summary>
    public static void WriteTo(System.Text.Json.Nodes.JsonNode node, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            node.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes a count as a JSON number when exact, otherwise as a string of digits.</summary>
    public static void WriteCount(this Utf8JsonWriter writer, string name, BigInteger count)
    {
        if (count <= MaxExactInteger)
        {
            writer.WriteNumber(name, (long)count);
        }
        else
        {
            writer.WriteString(name, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Parley.Formats;

/// <summary>
/// Reading JSON a person wrote: size limit, syntax errors with a line, and typed access to
/// elements that reports every problem as an <see cref="InputException"/> at a JSON path.
/// </summary>
internal sealed class JsonInput
{
    /// <summary>The largest JSON file Parley reads (64 MiB): larger files are refused before they are read.</summary>
    public const long MaxBytes = FormatLimits.MaxFileBytes;

    public JsonInput(string file)
    {
        File = file;
    }

    public string File { get; }

    /// <summary>Reads a whole file, refusing a missing file or one above <see cref="MaxBytes"/> before reading it.</summary>
    public static byte[] ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(path, string.Empty, "no such file");
        }

        if (info.Length > MaxBytes)
        {
            throw new InputException(path, string.Empty, string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length} bytes; Parley reads JSON files of at most {MaxBytes} bytes (64 MiB)"));
        }

        return System.IO.File.ReadAllBytes(path);
    }

    /// <summary>Reads a stream to its end, refusing more than <see cref="MaxBytes"/>.</summary>
    public static byte[] ReadStream(Stream stream, string source)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw new InputException(source, string.Empty, string.Create(CultureInfo.InvariantCulture, $"the input is {stream.Length - stream.Position} bytes; Parley reads JSON of at most {MaxBytes} bytes (64 MiB)"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes)
            {
                throw new InputException(source, string.Empty, string.Create(CultureInfo.InvariantCulture, $"the input is larger than {MaxBytes} bytes (64 MiB), the most Parley reads"));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Parses JSON (comments and trailing commas allowed); a syntax error names its line and position.</summary>
    public JsonDocument Parse(byte[] bytes)
    {
        ReadOnlyMemory<byte> memory = bytes;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            memory = memory[3..];
        }

        if (!Utf8.IsValid(memory.Span))
        {
            throw new InputException(File, FirstInvalidUtf8(memory.Span), "the file is not UTF-8 text; save it as UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(memory, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = 64,
            });
        }
        catch (JsonException e)
        {
            var location = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}")
                : string.Empty;
            throw new InputException(File, location, "not valid JSON: " + PlainProblem(e), e);
        }

        try
        {
            CheckText(document.RootElement, "$");
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses a name or string whose escapes are not valid Unicode (a lone surrogate such as
    /// <c>"\ud800"</c>): JSON's grammar allows it, but reading it as text throws an
    /// <see cref="InvalidOperationException"/>, wherever a reader would meet it.
    /// </summary>
    private void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException ex)
                    {
                        throw new InputException(File, path, "a field name holds an escaped character that is not valid Unicode (a lone surrogate such as \\ud800)", ex);
                    }

                    CheckText(property.Value, Prop(path, name));
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, Item(path, i++));
                }

                break;
            case JsonValueKind.String:
                try
                {
                    _ = element.GetString();
                }
                catch (InvalidOperationException ex)
                {
                    throw new InputException(File, path, "the text holds an escaped character that is not valid Unicode (a lone surrogate such as \\ud800)", ex);
                }

                break;
        }
    }

    public InputException Error(string path, string problem) => new(File, path, problem);

    /// <summary>"line N, byte M" of the first byte of <paramref name="text"/> that is not part of valid UTF-8.</summary>
    internal static string FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        int line = 1, lineStart = 0, i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                break;
            }

            if (rune.Value == '\n')
            {
                line++;
                lineStart = i + 1;
            }

            i += consumed;
        }

        return string.Create(CultureInfo.InvariantCulture, $"line {line}, byte {i - lineStart + 1}");
    }

    /// <summary>The path of property <paramref name="name"/> under <paramref name="path"/>: dotted when the name is simple, bracketed otherwise.</summary>
    public static string Prop(string path, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';
        }

        return simple ? path + "." + name : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>The members of an object in file order; a name given twice is an error.</summary>
    public List<KeyValuePair<string, JsonElement>> Members(JsonElement element, string path, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"{what} must be a JSON object, not {Describe(element)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<KeyValuePair<string, JsonElement>>();
        foreach (var p in element.EnumerateObject())
        {
            if (!seen.Add(p.Name))
            {
                throw Error(Prop(path, p.Name), $"'{p.Name}' is given twice in {what}");
            }

            list.Add(new(p.Name, p.Value));
        }

        return list;
    }

    /// <summary>The fields of an object whose field names are fixed: an unknown or repeated field is an error.</summary>
    public Dictionary<string, JsonElement> Fields(JsonElement element, string path, string what, params string[] allowed)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in Members(element, path, what))
        {
            if (System.Array.IndexOf(allowed, name) < 0)
            {
                throw Error(Prop(path, name), $"unknown field '{name}' in {what} (expected: {string.Join(", ", allowed)})");
            }

            fields[name] = value;
        }

        return fields;
    }

    public JsonElement Required(Dictionary<string, JsonElement> fields, string path, string name, string what) =>
        fields.TryGetValue(name, out var e) && e.ValueKind != JsonValueKind.Null
            ? e
            : throw Error(path, $"missing required field '{name}' in {what}");

    public static bool TryGet(Dictionary<string, JsonElement> fields, string name, out JsonElement element) =>
        fields.TryGetValue(name, out element) && element.ValueKind != JsonValueKind.Null;

    public string String(JsonElement e, string path, string what, bool allowEmpty = false)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw Error(path, $"{what} must be a string, not {Describe(e)}");
        }

        var s = e.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(s))
        {
            throw Error(path, $"{what} must not be empty");
        }

        return s;
    }

    public string? OptionalString(Dictionary<string, JsonElement> fields, string path, string name, string what) =>
        TryGet(fields, name, out var e) ? String(e, Prop(path, name), what, allowEmpty: true) : null;

    public double Number(JsonElement e, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw Error(path, $"{what} must be a number, not {Describe(e)}");
        }

        if (!e.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            throw Error(path, $"{what} must be a finite number, not {e.GetRawText()}");
        }

        return d;
    }

    public decimal Decimal(JsonElement e, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw Error(path, $"{what} must be a number, not {Describe(e)}");
        }

        if (e.TryGetDecimal(out var m))
        {
            return m;
        }

        throw Error(path, $"{what} {e.GetRawText()} is out of the range Parley reads exactly");
    }

    public long Integer(JsonElement e, string path, string what)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            if (e.TryGetInt64(out var l))
            {
                return l;
            }

            if (e.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15)
            {
                return (long)d;
            }
        }

        throw Error(path, $"{what} must be a whole number, not {(e.ValueKind == JsonValueKind.Number ? e.GetRawText() : Describe(e))}");
    }

    public JsonElement Array(JsonElement e, string path, string what, bool allowEmpty = false)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, $"{what} must be a JSON array, not {Describe(e)}");
        }

        if (!allowEmpty && e.GetArrayLength() == 0)
        {
            throw Error(path, $"{what} must not be empty");
        }

        return e;
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(e.GetString()!)}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the value {e.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "...");

    /// <summary>
    /// What is wrong with JSON that <see cref="System.Text.Json"/> refused, in plain words: its
    /// messages name reader internals ("isFinalBlock", "LineNumber: 0 | BytePositionInLine: 9"),
    /// which a person cannot act on. The location is reported separately by the caller.
    /// </summary>
    internal static string PlainProblem(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "it is empty (no JSON value at all)";
        }

        if (message.Contains("isFinalBlock", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.Ordinal)
            || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the JSON ends before it is complete (a missing '}', ']' or '\"'?)";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var text = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.', ' ');

        // The reader's first sentence says what it met ("'1' is an invalid end of a number"); the
        // ones after it name its expectations in its own terms ("Expected a delimiter").
        var sentence = text.IndexOf(". ", StringComparison.Ordinal);
        if (sentence > 0)
        {
            text = text[..sentence];
        }

        return text.Length == 0 ? "not valid JSON" : text;
    }
}

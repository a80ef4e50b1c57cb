using System.Globalization;
using System.Text;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Parley.Formats.NegMas;

/// <summary>
/// Reading YAML (and JSON, a subset of it) a person or NegMAS wrote: the events of YamlDotNet's parser
/// built into a small tree without recursion, with a depth and a node limit, and typed access that
/// reports every problem as an <see cref="InputException"/> at a line and a path.
/// </summary>
/// <remarks>
/// Plain scalars are resolved as PyYAML's <c>safe_load</c> does (YAML 1.1): <c>~</c>, <c>null</c> and
/// nothing are null; <c>true</c>/<c>false</c>/<c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> are Booleans;
/// digits are integers; <c>.inf</c>, <c>.nan</c> and numbers with a point or an exponent are floats.
/// Quoted scalars are strings. Anchors and aliases are followed (an alias is the node it names, not a
/// copy, so nothing grows). Only the first document is read; a second one is refused.
/// </remarks>
internal sealed class YamlInput
{
    /// <summary>The deepest nesting read.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes read from one file.</summary>
    public const int MaxNodes = 4_000_000;

    public YamlInput(string file)
    {
        File = file;
    }

    public string File { get; }

    public InputException Error(YNode node, string problem) => new(File, node.Place, problem);

    /// <summary>Parses <paramref name="bytes"/> (UTF-8) into its root node.</summary>
    public YNode Parse(byte[] bytes)
    {
        ReadOnlyMemory<byte> memory = bytes;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            memory = memory[3..];
        }

        if (!Utf8.IsValid(memory.Span))
        {
            throw new InputException(File, JsonInput.FirstInvalidUtf8(memory.Span), "the file is not UTF-8 text; save it as UTF-8");
        }

        var text = Encoding.UTF8.GetString(memory.Span);
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        YNode? root = null;
        var documents = 0;
        var nodes = 0;
        var last = new Mark();
        try
        {
            while (Next(parser, ref last))
            {
                var current = parser.Current!;
                last = current.End;
                switch (current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        if (++documents > 1)
                        {
                            throw new InputException(File, Line(current.Start), "a second YAML document; a NegMAS file holds one");
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = stack.Pop();
                        Attach(stack, done.Node, ref root);
                        break;
                    case Scalar scalar:
                        Count(ref nodes, current);
                        var s = new YScalar(scalar.Value, scalar.Style is ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value == "!"), scalar.Tag.IsEmpty ? null : scalar.Tag.Value, Position(current.Start), PathOf(stack));
                        Remember(anchors, scalar.Anchor, s);
                        Attach(stack, s, ref root);
                        break;
                    case AnchorAlias alias:
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            throw new InputException(File, Line(current.Start), $"the alias *{alias.Value.Value} names no anchor defined before it");
                        }

                        Attach(stack, target, ref root);
                        break;
                    case MappingStart map:
                        Count(ref nodes, current);
                        Depth(stack, current);
                        var m = new YMap(Position(current.Start), PathOf(stack));
                        Remember(anchors, map.Anchor, m);
                        stack.Push(new Frame(m));
                        break;
                    case SequenceStart seq:
                        Count(ref nodes, current);
                        Depth(stack, current);
                        var q = new YSeq(Position(current.Start), PathOf(stack));
                        Remember(anchors, seq.Anchor, q);
                        stack.Push(new Frame(q));
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw new InputException(File, Line(ex.Start), "not valid YAML: " + Plain(ex.Message), ex);
        }

        return root ?? throw new InputException(File, string.Empty, "the file is empty: expected a NegMAS outcome space or utility function");
    }

    /// <summary>
    /// The parser's next event. YamlDotNet reports most bad input as a <see cref="YamlException"/>, but some
    /// (found by fuzzing) surface from its scanner as <see cref="InvalidOperationException"/> or
    /// <see cref="ArgumentException"/>: those are bad input too, placed after the last event read.
    /// </summary>
    private bool Next(Parser parser, ref Mark last)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw new InputException(File, Line(last), "not valid YAML: the parser cannot read on after this line", ex);
        }
    }

    /// <summary>The entries of a mapping by key text, in file order; a key given twice or a key that is not a scalar is refused.</summary>
    public List<(YScalar Key, YNode Value)> Entries(YNode node, string what)
    {
        if (node is not YMap map)
        {
            throw Error(node, $"{what} must be a mapping (key: value lines), not {Describe(node)}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(YScalar, YNode)>(map.Entries.Count);
        foreach (var (key, value) in map.Entries)
        {
            if (key is not YScalar k)
            {
                throw Error(key, $"a key of {what} must be a single value, not {Describe(key)}");
            }

            if (!seen.Add(k.Text))
            {
                throw Error(key, $"key '{k.Text}' is given twice in {what}");
            }

            result.Add((k, value));
        }

        return result;
    }

    /// <summary>The fields of a mapping, refusing keys that are not in <paramref name="allowed"/> (none given: any key).</summary>
    public Dictionary<string, YNode> Fields(YNode node, string what, params string[] allowed)
    {
        var fields = new Dictionary<string, YNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(node, what))
        {
            if (allowed.Length > 0 && Array.IndexOf(allowed, key.Text) < 0)
            {
                throw Error(key, $"unknown field '{key.Text}' in {what} (known: {string.Join(", ", allowed)})");
            }

            fields[key.Text] = value;
        }

        return fields;
    }

    public YNode Required(Dictionary<string, YNode> fields, YNode owner, string name, string what) =>
        fields.TryGetValue(name, out var v) ? v : throw Error(owner, $"{what} has no '{name}'");

    public static bool Present(Dictionary<string, YNode> fields, string name, out YNode node) =>
        fields.TryGetValue(name, out node!) && !(node is YScalar s && s.IsNull);

    public string String(YNode node, string what)
    {
        if (node is YScalar s && !s.IsNull)
        {
            return s.Text;
        }

        throw Error(node, $"{what} must be text, not {Describe(node)}");
    }

    public double Number(YNode node, string what)
    {
        if (node is YScalar s && s.TryNumber(out var x))
        {
            return double.IsNaN(x) ? throw Error(node, $"{what} is not a number (NaN)") : x;
        }

        throw Error(node, $"{what} must be a number, not {Describe(node)}");
    }

    public double FiniteNumber(YNode node, string what)
    {
        var x = Number(node, what);
        return double.IsFinite(x) ? x : throw Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} is {x}; it must be a finite number"));
    }

    public IReadOnlyList<YNode> Sequence(YNode node, string what) =>
        node is YSeq q ? q.Items : throw Error(node, $"{what} must be a list, not {Describe(node)}");

    public static string Describe(YNode node) => node switch
    {
        YMap => "a mapping",
        YSeq => "a list",
        YScalar s when s.IsNull => "nothing (null)",
        YScalar s when s.TryNumber(out _) => $"the number {s.Text}",
        YScalar s => $"'{Clip(s.Text)}'",
        _ => "a value",
    };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Plain(string message)
    {
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        return string.Join(' ', (i >= 0 ? message[(i + 3)..] : message).Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
    }

    private static string Line(Mark mark) => string.Create(CultureInfo.InvariantCulture, $"line {mark.Line}");

    private static (long Line, long Column) Position(Mark mark) => (mark.Line, mark.Column);

    private void Count(ref int nodes, ParsingEvent e)
    {
        if (++nodes > MaxNodes)
        {
            throw new InputException(File, Line(e.Start), string.Create(CultureInfo.InvariantCulture, $"more than {MaxNodes:N0} values; Parley reads NegMAS files of at most that many"));
        }
    }

    private void Depth(Stack<Frame> stack, ParsingEvent e)
    {
        if (stack.Count >= MaxDepth)
        {
            throw new InputException(File, Line(e.Start), $"nested more than {MaxDepth} levels deep; a NegMAS file never is");
        }
    }

    private static void Remember(Dictionary<string, YNode> anchors, AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static string PathOf(Stack<Frame> stack)
    {
        if (stack.Count == 0)
        {
            return "$";
        }

        var top = stack.Peek();
        return top.Node switch
        {
            YSeq q => string.Create(CultureInfo.InvariantCulture, $"{q.Path}[{q.Items.Count}]"),
            YMap m when top.Key is YScalar k => m.Path + "." + k.Text,
            YMap m when top.Key is not null => m.Path + ".?",
            YMap m => m.Path + ".(key)",
            _ => "$",
        };
    }

    private static void Attach(Stack<Frame> stack, YNode node, ref YNode? root)
    {
        if (stack.Count == 0)
        {
            root ??= node;
            return;
        }

        var top = stack.Peek();
        switch (top.Node)
        {
            case YSeq q:
                q.Items.Add(node);
                break;
            case YMap m when top.Key is null:
                top.Key = node;
                break;
            case YMap m:
                m.Entries.Add((top.Key, node));
                top.Key = null;
                break;
        }
    }

    private sealed class Frame(YNode node)
    {
        public YNode Node { get; } = node;

        public YNode? Key { get; set; }
    }
}

/// <summary>A node of a parsed YAML file, with its place for messages.</summary>
internal abstract class YNode((long Line, long Column) position, string path)
{
    public long Line { get; } = position.Line;

    public string Path { get; } = path;

    public string Place => string.Create(CultureInfo.InvariantCulture, $"line {Line}, {Path}");
}

/// <summary>A scalar: its text and how YAML 1.1 (PyYAML) resolves it when it is plain.</summary>
internal sealed class YScalar : YNode
{
    public YScalar(string text, bool plain, string? tag, (long Line, long Column) position, string path)
        : base(position, path)
    {
        Text = text;
        IsPlain = plain && tag is null;
        Tag = tag;
    }

    public string Text { get; }

    public bool IsPlain { get; }

    public string? Tag { get; }

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public bool IsInteger => (IsPlain || Tag is "tag:yaml.org,2002:int") && IsIntegerText(Text);

    /// <summary>The number a plain (or number-tagged) scalar stands for; quoted text is never a number.</summary>
    public bool TryNumber(out double value)
    {
        value = 0;
        if (!IsPlain && Tag is not ("tag:yaml.org,2002:int" or "tag:yaml.org,2002:float"))
        {
            return false;
        }

        var t = Text.Replace("_", string.Empty, StringComparison.Ordinal);
        switch (t)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        if (t.Length == 0 || !(char.IsAsciiDigit(t[^1]) || t[^1] == '.'))
        {
            return false;
        }

        foreach (var c in t)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsIntegerText(string text)
    {
        var t = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var start = t.Length > 0 && t[0] is '+' or '-' ? 1 : 0;
        if (t.Length == start)
        {
            return false;
        }

        for (var i = start; i < t.Length; i++)
        {
            if (!char.IsAsciiDigit(t[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A sequence.</summary>
internal sealed class YSeq((long Line, long Column) position, string path) : YNode(position, path)
{
    public List<YNode> Items { get; } = [];
}

/// <summary>A mapping, entries in file order.</summary>
internal sealed class YMap((long Line, long Column) position, string path) : YNode(position, path)
{
    public List<(YNode Key, YNode Value)> Entries { get; } = [];
}

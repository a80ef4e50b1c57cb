using System.Text;

namespace Parley.Cli;

/// <summary>
/// Standard error as the commands see it: writes through to the real stream, and remembers whether
/// a command already said what an interruption kept (a line starting "interrupted:"), so that the
/// command line adds its own one-line note only when no command did.
/// </summary>
internal sealed class ErrorWriter(TextWriter inner) : TextWriter
{
    private const string Marker = "interrupted:";

    /// <summary>Whether a line starting "interrupted:" was written.</summary>
    public bool SaidWhatWasKept { get; private set; }

    /// <summary>The stream written through to.</summary>
    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value)
    {
        Note(value);
        inner.Write(value);
    }

    public override void WriteLine(string? value)
    {
        Note(value);
        inner.WriteLine(value);
    }

    public override Task WriteAsync(string? value)
    {
        Note(value);
        return inner.WriteAsync(value);
    }

    public override Task WriteLineAsync(string? value)
    {
        Note(value);
        return inner.WriteLineAsync(value);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    private void Note(string? value) => SaidWhatWasKept |= value?.StartsWith(Marker, StringComparison.Ordinal) == true;
}

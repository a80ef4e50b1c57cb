namespace Parley.Formats;

/// <summary>The limits every reader enforces on a user's file, so that hostile input fails with a message instead of exhausting memory.</summary>
internal static class FormatLimits
{
    /// <summary>The largest file read (64 MiB); larger files are refused before they are read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The most levels one integer or real issue may have: a profile keeps a table of every level's value.</summary>
    public const int MaxIssueLevels = 1_000_000;
}

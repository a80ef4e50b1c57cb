namespace Parley.Cli;

/// <summary>The exit codes of the parley command (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The work failed at run time (a bug, an I/O failure that is not the user's input).</summary>
    public const int Failure = 1;

    /// <summary>Bad input or usage: a malformed file, an unknown option, a missing argument.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by Ctrl-C (SIGINT) or SIGTERM: 128 + SIGINT, the shell's convention.</summary>
    public const int Interrupted = 130;
}

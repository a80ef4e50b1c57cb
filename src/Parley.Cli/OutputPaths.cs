using System.Text;

namespace Parley.Cli;

/// <summary>
/// Files the commands write at paths the user gives (<c>--plot</c>, <c>--trace</c>, <c>-o</c>): checked
/// before any work is done, and written whole or not at all (a temporary file beside the target,
/// then a rename), so an interruption never leaves a half-written file under the user's name.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Refuses, before the work starts, a path that cannot become a file: an existing folder, or a folder that cannot be created.</summary>
    /// <exception cref="InputException">The path is a folder, or its folder cannot be created.</exception>
    public static void CheckFile(string option, string path, string example)
    {
        if (Directory.Exists(path))
        {
            throw new InputException(option, string.Empty, $"{path} is a folder; give a file name, e.g. {Path.Combine(path, example)}");
        }

        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir && !Directory.Exists(dir))
            {
                if (File.Exists(dir))
                {
                    throw new InputException(option, string.Empty, $"{path} cannot be written: {dir} is a file, not a folder");
                }

                Directory.CreateDirectory(dir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(option, string.Empty, $"{path}: its folder cannot be created ({Plain(ex)})", ex);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="InputException">The file cannot be written there.</exception>
    public static void WriteText(string option, string path, string text) =>
        Write(option, path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });

    /// <summary>Writes what <paramref name="write"/> puts in a stream to <paramref name="path"/> atomically.</summary>
    /// <exception cref="InputException">The file cannot be written there.</exception>
    public static void Write(string option, string path, Action<Stream> write)
    {
        CheckFile(option, path, Path.GetFileName(path));
        var temp = TemporarySibling(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new InputException(option, string.Empty, $"{path} cannot be written ({Plain(ex)})", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>A name beside <paramref name="path"/> for writing it before the rename: hidden, and unique to this process.</summary>
    public static string TemporarySibling(string path)
    {
        var full = Path.GetFullPath(path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var dir = Path.GetDirectoryName(full) ?? ".";
        return Path.Combine(dir, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}");
    }

    /// <summary>A file-system failure in words a person can act on, without .NET's phrasing of the path.</summary>
    public static string Plain(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        DirectoryNotFoundException => "a folder on the path does not exist",
        IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "no space left on the disk",
        IOException io when io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) => "the file system is read-only",
        _ => ex.Message.TrimEnd('.'),
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named after the process.
        }
    }
}

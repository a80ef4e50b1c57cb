using System.Text;

namespace Parley.Cli;

/// <summary>
/// Files the commands write at paths the user gives (<c>--plot</c>, <c>--trace</c>, <c>-o</c>): checked
/// before any work is done, and written whole or not at all (a temporary file beside the target,
/// then a rename), so an interruption never leaves a half-written file under the user's name.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Refuses, before the work starts, a path that cannot become a file: an existing folder, or one in a folder that does not exist.</summary>
    /// <param name="option">The option that named the path.</param>
    /// <param name="path">The path.</param>
    /// <param name="example">A file name to suggest when the path is a folder.</param>
    /// <param name="what">What the file holds, for messages ("plot", "trace").</param>
    /// <exception cref="InputException">The file could not be written there.</exception>
    public static void CheckFile(string option, string path, string example, string what = "file")
    {
        if (Directory.Exists(path))
        {
            throw new InputException(option, string.Empty, $"{path} is a folder; give a file name, e.g. {Path.Combine(path, example)}");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir && !Directory.Exists(dir))
        {
            throw new InputException(option, string.Empty, File.Exists(dir)
                ? $"cannot write the {what} to {path}: {dir} is a file, not a folder"
                : $"cannot write the {what} to {path}: the folder {dir} does not exist");
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="InputException">The file cannot be written there.</exception>
    public static void WriteText(string option, string path, string text, string what = "file") =>
        Write(option, path, what, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });

    /// <summary>Writes what <paramref name="write"/> puts in a stream to <paramref name="path"/> atomically.</summary>
    /// <exception cref="InputException">The file cannot be written there.</exception>
    public static void Write(string option, string path, string what, Action<Stream> write)
    {
        CheckFile(option, path, Path.GetFileName(path), what);
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
            throw new InputException(option, string.Empty, $"cannot write the {what} to {path} ({Plain(ex)})", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Refuses, before the work starts and without creating anything, a path that cannot become a
    /// folder of results: an existing file, or a place whose nearest existing folder cannot be written.
    /// </summary>
    /// <exception cref="InputException">The folder could not be written later.</exception>
    public static void CheckFolder(string option, string folder, string what = "report")
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new InputException(option, string.Empty, $"cannot write the {what} in {folder}: it is a file; give a folder");
        }

        var existing = new DirectoryInfo(Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? full);
        while (!existing.Exists && existing.Parent is { } parent)
        {
            if (File.Exists(existing.FullName))
            {
                throw new InputException(option, string.Empty, $"cannot write the {what} in {folder}: {existing.FullName} is a file");
            }

            existing = parent;
        }

        var probe = Path.Combine(existing.FullName, $".parley-write-test-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(option, string.Empty, $"cannot write the {what} in {folder} ({Plain(ex)} in {existing.FullName})", ex);
        }
    }

    /// <summary>Writes the given files into <paramref name="folder"/> whole or not at all (see <see cref="WriteFolder(string, string, Action{string}, CancellationToken)"/>).</summary>
    /// <returns>The full paths of the files written.</returns>
    /// <exception cref="InputException">The folder or a file cannot be written.</exception>
    public static IReadOnlyList<string> WriteFolder(string option, string folder, IReadOnlyList<(string Name, Action<Stream> Write)> files, CancellationToken cancellationToken = default)
    {
        WriteFolder(
            option,
            folder,
            staging =>
            {
                foreach (var (name, write) in files)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                    write(stream);
                }
            },
            cancellationToken);
        return [.. files.Select(f => Path.Combine(Path.GetFullPath(folder), f.Name))];
    }

    /// <summary>
    /// Writes a folder whole or not at all: <paramref name="writeInto"/> fills a hidden staging
    /// folder beside <paramref name="folder"/>, which then becomes the folder (one rename) or, when
    /// the folder exists already (it may hold other files), has its files renamed into it. An
    /// interruption or failure before that leaves no trace.
    /// </summary>
    /// <exception cref="InputException">The folder or a file cannot be written.</exception>
    public static void WriteFolder(string option, string folder, Action<string> writeInto, CancellationToken cancellationToken = default)
    {
        CheckFolder(option, folder, "files");
        var full = Path.GetFullPath(folder);
        var staging = TemporarySibling(full);
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            Directory.CreateDirectory(staging);
            writeInto(staging);
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(full))
            {
                Directory.Move(staging, full);
                return;
            }

            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(full, Path.GetRelativePath(staging, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }

            Directory.Delete(staging, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Clean(staging);
            throw new InputException(option, string.Empty, $"cannot write the files in {folder} ({Plain(ex)})", ex);
        }
        catch
        {
            Clean(staging);
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
        FileNotFoundException => "files cannot be created there",
        PathTooLongException => "the path is too long",
        DirectoryNotFoundException => "a folder on the path does not exist",
        IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "no space left on the disk",
        IOException io when io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) => "the file system is read-only",
        _ => ex.Message.TrimEnd('.'),
    };

    private static void Clean(string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the staging folder is hidden and named after the process.
        }
    }

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

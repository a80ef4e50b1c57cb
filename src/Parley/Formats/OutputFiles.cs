namespace Parley.Formats;

/// <summary>What the writers share: writing a file with failures reported as <see cref="InputException"/>, and portable file names.</summary>
internal static class OutputFiles
{
    // Characters Windows refuses in file names, refused everywhere so that a folder written on one system opens on another.
    private static readonly char[] Unportable = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>Writes <paramref name="write"/>'s output to <paramref name="path"/>, creating its folder; a failure is the user's (a bad path, no permission).</summary>
    /// <exception cref="InputException">The file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
            }

            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            write(stream);
        }
        catch (IOException ex)
        {
            throw new InputException(path, string.Empty, "cannot write the file: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InputException(path, string.Empty, "cannot write the file: " + ex.Message, ex);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> (see <see cref="Write(string, Action{Stream})"/>).</summary>
    public static void Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>
    /// <paramref name="name"/> as a file name that every common file system accepts: control
    /// characters and <c>&lt;&gt;:"/\|?*</c> become <c>_</c>, surrounding white space is trimmed, and
    /// an empty result, "." or ".." becomes <paramref name="fallback"/>.
    /// </summary>
    public static string SafeFileName(string name, string fallback)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || Array.IndexOf(Unportable, chars[i]) >= 0 || Array.IndexOf(invalid, chars[i]) >= 0)
            {
                chars[i] = '_';
            }
        }

        var safe = new string(chars).Trim();
        return safe.Length == 0 || safe is "." or ".." ? fallback : safe;
    }
}

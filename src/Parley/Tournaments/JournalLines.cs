namespace Parley.Tournaments;

/// <summary>Streams the complete (newline-terminated) lines of a journal file with their byte offsets.</summary>
internal static class JournalLines
{
    /// <summary>Calls <paramref name="onLine"/> for every complete line; returns the offset just past the last complete line.</summary>
    public static long Scan(Stream stream, Action<long, ReadOnlySpan<byte>> onLine)
    {
        var buffer = new byte[1 << 16];
        var line = new byte[1024];
        var lineLength = 0;
        long lineStart = 0;
        long position = 0;
        long lastComplete = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                Append(ref line, ref lineLength, buffer.AsSpan(start, i - start));
                onLine(lineStart, line.AsSpan(0, lineLength));
                lineLength = 0;
                lastComplete = position + i + 1;
                lineStart = lastComplete;
                start = i + 1;
            }

            Append(ref line, ref lineLength, buffer.AsSpan(start, read - start));
            position += read;
        }

        return lastComplete;
    }

    /// <summary>Reads the line that starts at <paramref name="offset"/> (without its newline).</summary>
    public static byte[] ReadAt(FileStream stream, long offset, ref byte[] scratch)
    {
        stream.Position = offset;
        var length = 0;
        while (true)
        {
            if (length == scratch.Length)
            {
                Array.Resize(ref scratch, scratch.Length * 2);
            }

            var read = stream.Read(scratch, length, scratch.Length - length);
            if (read == 0)
            {
                throw new InvalidDataException($"The journal line at byte {offset} has no end.");
            }

            var nl = Array.IndexOf(scratch, (byte)'\n', length, read);
            if (nl >= 0)
            {
                return scratch[..nl];
            }

            length += read;
        }
    }

    private static void Append(ref byte[] line, ref int length, ReadOnlySpan<byte> part)
    {
        if (length + part.Length > line.Length)
        {
            Array.Resize(ref line, Math.Max(line.Length * 2, length + part.Length));
        }

        part.CopyTo(line.AsSpan(length));
        length += part.Length;
    }
}

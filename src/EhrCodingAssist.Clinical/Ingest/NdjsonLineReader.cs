namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>Reads an NDJSON file line by line with each line's byte offset, reusing one growing buffer.</summary>
internal static class NdjsonLineReader
{
    /// <summary>Called for every non-blank line (trailing CR removed); <paramref name="line"/> is valid only during the call.</summary>
    public delegate void LineHandler(ReadOnlySpan<byte> line, long offset, int lineNumber);

    private const int MaxLineBytes = 512 * 1024 * 1024;

    public static void ReadLines(string path, LineHandler handler)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var filled = 0;
        long bufferOffset = 0;
        var lineNumber = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (newline < 0)
                {
                    break;
                }

                lineNumber++;
                Emit(buffer.AsSpan(start, newline - start), bufferOffset + start, lineNumber, handler);
                start = newline + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    Emit(buffer.AsSpan(start, filled - start), bufferOffset + start, lineNumber + 1, handler);
                }

                return;
            }

            // Move the partial line to the front; grow when one line fills the whole buffer.
            var remaining = filled - start;
            if (start == 0 && remaining == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    throw new InvalidDataException($"{path}:{lineNumber + 1}: line longer than {MaxLineBytes} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, remaining);
            }

            bufferOffset += start;
            filled = remaining;
        }
    }

    private static void Emit(ReadOnlySpan<byte> line, long offset, int lineNumber, LineHandler handler)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!line.Trim((byte)' ').IsEmpty)
        {
            handler(line, offset, lineNumber);
        }
    }
}

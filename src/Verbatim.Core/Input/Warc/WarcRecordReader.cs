using System.Globalization;
using System.Text;

namespace Verbatim.Input.Warc;

/// <summary>A WARC record: its named headers and, when it was asked for, its content block.</summary>
internal sealed record WarcRecord(int Number, IReadOnlyDictionary<string, string> Headers, long ContentLength, byte[]? Block)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>The archive cannot be read on from here (truncated, or not a WARC record where one should start).</summary>
internal sealed class WarcFormatException(string message) : Exception(message);

/// <summary>
/// Reads WARC 1.0/1.1 records one after another from a (decompressed) stream: a version line, header
/// lines up to a blank line, then Content-Length bytes of content. Blocks not asked for are skipped
/// without being kept, so an archive of any size reads in bounded memory.
/// </summary>
internal sealed class WarcRecordReader(Stream stream) : IDisposable
{
    private const int MaxHeaderLine = 1 << 16;

    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private int _count;

    /// <summary>The next record, or null at the end; <paramref name="wantBlock"/> decides from the headers whether to keep its block.</summary>
    public WarcRecord? Next(Func<IReadOnlyDictionary<string, string>, long, bool> wantBlock)
    {
        string? version;
        do
        {
            version = ReadLine();
            if (version is null) return null;
        }
        while (version.Length == 0);   // records are followed by two CRLFs; tolerate more or fewer

        int number = ++_count;
        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"record {number}: not a WARC record (it starts with \"{Shorten(version)}\")");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = ReadLine() ?? throw new WarcFormatException($"record {number}: truncated in its headers");
            if (line.Length == 0) break;
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new WarcFormatException($"record {number}: no valid Content-Length");
        }
        byte[]? block = null;
        if (wantBlock(headers, length))
        {
            block = new byte[length];
            if (ReadExactly(block) < length) throw new WarcFormatException($"record {number}: truncated ({length} bytes of content announced)");
        }
        else if (!Skip(length))
        {
            throw new WarcFormatException($"record {number}: truncated ({length} bytes of content announced)");
        }
        return new WarcRecord(number, headers, length, block);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    /// <summary>A header line without its line ending, or null at the end of the stream.</summary>
    private string? ReadLine()
    {
        int scanned = 0;
        while (true)
        {
            int nl = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var line = _buffer.AsSpan(_start, scanned + nl);
                _start += scanned + nl + 1;
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                return Encoding.UTF8.GetString(line);
            }
            scanned = _end - _start;
            if (scanned >= MaxHeaderLine) throw new WarcFormatException($"record {_count + 1}: a header line is longer than {MaxHeaderLine} bytes");
            if (!Fill())
            {
                if (scanned == 0) return null;
                var last = Encoding.UTF8.GetString(_buffer, _start, scanned);
                _start = _end;
                return last;
            }
        }
    }

    /// <summary>Reads more after the unread bytes; false at the end of the stream.</summary>
    private bool Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        return read > 0;
    }

    private long ReadExactly(Span<byte> target)
    {
        int buffered = Math.Min(_end - _start, target.Length);
        _buffer.AsSpan(_start, buffered).CopyTo(target);
        _start += buffered;
        int done = buffered;
        while (done < target.Length)
        {
            int read = stream.Read(target[done..]);
            if (read == 0) break;
            done += read;
        }
        return done;
    }

    private bool Skip(long length)
    {
        while (length > 0)
        {
            if (_start == _end)
            {
                _start = _end = 0;
                if (!Fill()) return false;
            }
            int take = (int)Math.Min(length, _end - _start);
            _start += take;
            length -= take;
        }
        return true;
    }

    public void Dispose() => stream.Dispose();
}

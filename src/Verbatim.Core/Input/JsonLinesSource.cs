using System.Globalization;
using System.Text.Json;
using Verbatim.Input.Html;
using Verbatim.Text;

namespace Verbatim.Input;

/// <summary>
/// A JSON Lines feed: one article per line, <c>{"id": …, "text": …, "title"?, "published"?, "url"?, "source"?}</c>.
/// A line may give the page itself (<c>"html"</c>) instead of <c>"text"</c>; its article text and metadata are then
/// read from the page (see <see cref="HtmlArticleReader"/>), and the line's own fields win over the page's.
/// A line that cannot be read is one failed item named "FILE:LINE"; the lines after it go on.
/// Blank lines are skipped. Lines are read as raw bytes, so invalid UTF-8 on one line fails only that line.
/// </summary>
public sealed class JsonLinesSource : StreamSource
{

    /// <param name="published">The date recorded for lines that give none.</param>
    /// <param name="maxBytes">Longer lines are refused unparsed (see <see cref="InputLimits"/>).</param>
    public JsonLinesSource(string path, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : this(OpenFile(path), path, published, maxBytes)
    {
    }

    public JsonLinesSource(Func<Stream> open, string inputName, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : base(open, inputName, published, maxBytes)
    {
    }

    protected override IEnumerable<ArticleItem> ReadFrom(Stream stream) => ReadLines(stream);

    private IEnumerable<ArticleItem> ReadLines(Stream stream)
    {
        using var lines = new ByteLineReader(stream);
        int lineNumber = 0;
        bool any = false;
        while (lines.Next() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
            }
            if (IsBlank(line.Span))
            {
                continue;
            }
            any = true;
            var name = $"{InputName}:{lineNumber}";
            yield return line.Length > MaxBytes ? ArticleItem.Failed(name, InputLimits.TooLarge(line.Length, MaxBytes)) : ParseLine(line, name);
        }
        if (!any)
        {
            yield return ArticleItem.Failed(InputName, "empty file");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    /// <summary>Reads one line; public so that other feeds (a queue, an HTTP body) can reuse the same rules.</summary>
    public ArticleItem ParseLine(ReadOnlyMemory<byte> line, string name)
    {
        // The JSON reader checks UTF-8 only where it decodes a string; check the whole line up front.
        if (!System.Text.Unicode.Utf8.IsValid(line.Span))
        {
            return ArticleItem.Failed(name, "not valid UTF-8");
        }
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ArticleItem.Failed(name, "not a JSON object");
            }
            var id = OptionalString(root, "id");
            if (string.IsNullOrWhiteSpace(id))
            {
                return ArticleItem.Failed(name, "missing \"id\"");
            }
            var text = OptionalString(root, "text");
            if (text is null && OptionalString(root, "html") is { } html)
            {
                return ParseHtml(root, name, id, html);
            }
            if (text is null)
            {
                return ArticleItem.Failed(name, "missing \"text\"");
            }
            if (text.Length == 0)
            {
                return ArticleItem.Failed(name, "empty \"text\"");
            }
            var published = OptionalString(root, "published") is { } date ? ParseDate(date) : Published;
            var metadata = new DocumentMetadata(id, OptionalString(root, "title"), published,
                OptionalString(root, "source"), OptionalString(root, "url"));
            return ArticleItem.Read(name, new Article(metadata, text));
        }
        catch (JsonException e)
        {
            // JsonException also covers invalid UTF-8; its message says where on the line.
            return ArticleItem.Failed(name, "invalid JSON: " + FirstSentence(e.Message));
        }
        catch (FormatException e)
        {
            return ArticleItem.Failed(name, e.Message);
        }
    }

    /// <summary>A line with a page instead of text: the line's own fields win over what the page declares.</summary>
    private ArticleItem ParseHtml(JsonElement root, string name, string id, string html)
    {
        var url = OptionalString(root, "url");
        var page = HtmlArticleReader.Parse(html, url);
        var published = OptionalString(root, "published") is { } date ? ParseDate(date) : (DateOnly?)null;
        var fallback = new DocumentMetadata(id, Published: Published);
        var item = HtmlArticleReader.ToItem(name, page, fallback);
        if (item.Article is not { } article)
        {
            return item;
        }
        var metadata = article.Metadata with
        {
            Id = id,
            Title = OptionalString(root, "title") ?? article.Metadata.Title,
            Source = OptionalString(root, "source") ?? article.Metadata.Source,
            Url = url ?? article.Metadata.Url,
        };
        if (published is not null)
        {
            metadata = metadata with { Published = published, PublishedAt = null };
        }
        return ArticleItem.Read(name, article with { Metadata = metadata });
    }

    private static string? OptionalString(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"\"{property}\" is not a string");
    }

    /// <summary>Accepts "YYYY-MM-DD" or an ISO 8601 date-time, whose date is kept as written.</summary>
    private static DateOnly ParseDate(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return DateOnly.FromDateTime(time.DateTime);
        }
        throw new FormatException($"\"published\" is not a date (YYYY-MM-DD): {value}");
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

/// <summary>Splits a stream into lines of raw bytes; a line's memory is valid until the next call.</summary>
internal sealed class ByteLineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public ReadOnlyMemory<byte>? Next()
    {
        int scanned = 0;
        while (true)
        {
            int nl = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var line = new ReadOnlyMemory<byte>(_buffer, _start, scanned + nl);
                _start += scanned + nl + 1;
                return TrimCr(line);
            }
            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0) return null;
                var last = new ReadOnlyMemory<byte>(_buffer, _start, scanned);
                _start = _end;
                return TrimCr(last);
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            // Move the partial line to the front so that the buffer only grows for lines longer than it.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    public void Dispose() => stream.Dispose();
}

using System.IO.Compression;
using Verbatim.Input.Html;
using Verbatim.Text;

namespace Verbatim.Input.Warc;

/// <summary>
/// A web archive (WARC 1.0 or 1.1; plain, gzipped per record, or gzipped whole): each response record
/// holding an HTML page served with status 200 is an article, named "FILE#N" (N counts records from 1),
/// read with the record's target URI as its address and its WARC-Date as the publication time when
/// the page gives none. Other records (requests, metadata, images, redirects) are skipped. A truncated
/// or corrupt archive ends with one failed item; the records before it stay read.
/// </summary>
public sealed class WarcSource : StreamSource
{
    private static readonly HashSet<string> HtmlTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };


    /// <param name="published">The publication date of pages that give none (before the crawl date).</param>
    /// <param name="maxBytes">Records with more content than this are refused unread.</param>
    public WarcSource(string path, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : this(OpenFile(path), path, published, maxBytes)
    {
    }

    public WarcSource(Func<Stream> open, string inputName, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : base(open, inputName, published, maxBytes)
    {
    }

    protected override Stream Open(Func<Stream> open) => Decompressed(open());

    protected override IEnumerable<ArticleItem> ReadFrom(Stream stream) => ReadRecords(stream);

    /// <summary>
    /// The archive's bytes, gunzipped when they start with the gzip magic number. GZipStream reads
    /// on across concatenated members, so a .warc.gz of one member per record reads as one stream.
    /// </summary>
    private static Stream Decompressed(Stream raw)
    {
        var magic = new byte[2];
        int read = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        var whole = new PrefixedStream(magic.AsMemory(0, read), raw);
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    private IEnumerable<ArticleItem> ReadRecords(Stream stream)
    {
        using var records = new WarcRecordReader(stream);
        bool anyRecord = false;
        while (true)
        {
            WarcRecord? record;
            string? failure = null;
            try
            {
                record = records.Next(WantsBlock);
            }
            catch (WarcFormatException e)
            {
                record = null;
                failure = e.Message;
            }
            catch (InvalidDataException e)
            {
                record = null;
                failure = "corrupt gzip data: " + e.Message;
            }
            catch (IOException e)
            {
                record = null;
                failure = e.Message;
            }
            if (failure is not null)
            {
                yield return ArticleItem.Failed(InputName, failure);
                yield break;
            }
            if (record is null) break;
            anyRecord = true;
            if (ToItem(record) is { } item) yield return item;
        }
        if (!anyRecord)
        {
            yield return ArticleItem.Failed(InputName, "empty file");
        }
    }

    private static bool IsResponse(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("WARC-Type", out var type) && type.Equals("response", StringComparison.OrdinalIgnoreCase);

    // Oversized responses are skipped unread, then reported by ToItem.
    private bool WantsBlock(IReadOnlyDictionary<string, string> headers, long length) => IsResponse(headers) && length <= MaxBytes;

    /// <summary>The article of a record; null for a record that holds none (not a response, not HTML, not 200).</summary>
    private ArticleItem? ToItem(WarcRecord record)
    {
        if (!IsResponse(record.Headers)) return null;
        var name = $"{InputName}#{record.Number}";
        if (record.Block is null) return ArticleItem.Failed(name, InputLimits.TooLarge(record.ContentLength, MaxBytes));
        HttpPayload payload;
        try
        {
            payload = HttpPayload.Parse(record.Block);
        }
        catch (InvalidDataException e)
        {
            return ArticleItem.Failed(name, "unreadable HTTP response: " + e.Message);
        }
        if (payload.Status != 200 || payload.MediaType is null || !HtmlTypes.Contains(payload.MediaType)) return null;

        var uri = record.Header("WARC-Target-URI")?.Trim('<', '>');
        var crawled = PublicationTime.Parse(record.Header("WARC-Date"));
        var fallback = new DocumentMetadata(
            uri ?? name,
            Published: Published ?? crawled?.Date,
            Url: uri,
            PublishedAt: Published is null ? crawled?.At : null);
        return HtmlArticleReader.Read(name, payload.Body, payload.Charset, fallback);
    }
}

/// <summary>A stream that gives some bytes already read from another stream, then the rest of it.</summary>
public sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty) return inner.Read(buffer);
        int take = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..take].CopyTo(buffer);
        _prefix = _prefix[take..];
        return take;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Verbatim.Input.Warc;

/// <summary>An archived HTTP response: status, headers and the body with transfer and content codings undone.</summary>
internal sealed record HttpPayload(int Status, string? MediaType, string? Charset, byte[] Body)
{
    /// <summary>Parses a response record's block; throws <see cref="InvalidDataException"/> when it is not an HTTP response.</summary>
    public static HttpPayload Parse(byte[] block)
    {
        var span = block.AsSpan();
        int headerEnd = span.IndexOf("\r\n\r\n"u8);
        int bodyStart = headerEnd + 4;
        if (headerEnd < 0)
        {
            headerEnd = span.IndexOf("\n\n"u8);
            bodyStart = headerEnd + 2;
        }
        if (headerEnd < 0) throw new InvalidDataException("no end to the HTTP headers");
        var lines = Encoding.Latin1.GetString(span[..headerEnd]).Split('\n');
        var statusParts = lines[0].Trim().Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidDataException("not an HTTP response");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var (mediaType, charset) = ParseContentType(headers.GetValueOrDefault("Content-Type"));
        var body = block[bodyStart..];
        if (headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Dechunk(body);
        }
        body = Decompress(body, headers.GetValueOrDefault("Content-Encoding"));
        return new HttpPayload(status, mediaType, charset, body);
    }

    /// <summary>"text/html; charset=UTF-8" → ("text/html", "UTF-8").</summary>
    public static (string? MediaType, string? Charset) ParseContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        var parts = value.Split(';');
        string? charset = null;
        foreach (var parameter in parts.Skip(1))
        {
            int eq = parameter.IndexOf('=');
            if (eq > 0 && parameter[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = parameter[(eq + 1)..].Trim().Trim('"');
            }
        }
        return (parts[0].Trim().ToLowerInvariant(), charset);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        int position = 0;
        while (true)
        {
            int lineEnd = body.AsSpan(position).IndexOf((byte)'\n');
            if (lineEnd < 0) throw new InvalidDataException("bad chunked encoding (no chunk size)");
            var sizeText = Encoding.Latin1.GetString(body, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException($"bad chunked encoding (chunk size \"{sizeText}\")");
            }
            position += lineEnd + 1;
            if (size == 0) return output.ToArray();
            if (position + size > body.Length) throw new InvalidDataException("bad chunked encoding (a chunk runs past the end)");
            output.Write(body, position, size);
            position += size;
            // Each chunk ends with CRLF.
            if (position < body.Length && body[position] == '\r') position++;
            if (position < body.Length && body[position] == '\n') position++;
        }
    }

    private static byte[] Decompress(byte[] body, string? contentEncoding)
    {
        var coding = contentEncoding?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(coding) || coding == "identity") return body;
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
            "deflate" => new ZLibStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new InvalidDataException($"unsupported Content-Encoding \"{contentEncoding}\""),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}

using System.Text;

namespace Verbatim.Input;

/// <summary>Which format an input is in, from its name or, failing that, its first bytes (for <see cref="InputFormat.Auto"/>).</summary>
public static class InputDetection
{
    /// <summary>How many leading bytes <see cref="FromContent"/> looks at.</summary>
    public const int SniffBytes = 1024;

    private static readonly (string Suffix, InputFormat Format)[] Suffixes =
    [
        (".html", InputFormat.Html), (".htm", InputFormat.Html), (".xhtml", InputFormat.Html),
        (".xml", InputFormat.Rss), (".rss", InputFormat.Rss), (".atom", InputFormat.Rss),
        (".warc", InputFormat.Warc), (".warc.gz", InputFormat.Warc),
        (".jsonl", InputFormat.JsonLines), (".txt", InputFormat.Text),
    ];

    /// <summary>The name endings that hold articles in <paramref name="format"/> (all of them under Auto).</summary>
    public static IReadOnlyList<string> Extensions(InputFormat format) =>
        format == InputFormat.Auto ? [.. Suffixes.Select(s => s.Suffix)] : [.. Suffixes.Where(s => s.Format == format).Select(s => s.Suffix)];

    /// <summary>The format a name's ending says, or null when it says none.</summary>
    public static InputFormat? FromName(string name)
    {
        foreach (var (suffix, format) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return format;
        }
        return null;
    }

    /// <summary>The format the first bytes suggest; plain text when nothing else fits.</summary>
    public static InputFormat FromContent(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return InputFormat.Warc;   // gzip: only archives come gzipped
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("WARC/", StringComparison.Ordinal)) return InputFormat.Warc;
        if (head.StartsWith('{')) return InputFormat.JsonLines;
        var lower = head.ToLowerInvariant();
        if (lower.StartsWith("<rss", StringComparison.Ordinal) || lower.StartsWith("<feed", StringComparison.Ordinal) || lower.StartsWith("<rdf:rdf", StringComparison.Ordinal))
        {
            return InputFormat.Rss;
        }
        if (lower.StartsWith("<?xml", StringComparison.Ordinal))
        {
            // XHTML pages also open with an XML declaration.
            return lower.Contains("<html", StringComparison.Ordinal) && !lower.Contains("<rss", StringComparison.Ordinal) && !lower.Contains("<feed", StringComparison.Ordinal)
                ? InputFormat.Html : InputFormat.Rss;
        }
        if (lower.StartsWith("<!doctype html", StringComparison.Ordinal) || lower.StartsWith("<html", StringComparison.Ordinal) || lower.Contains("<html", StringComparison.Ordinal))
        {
            return InputFormat.Html;
        }
        return InputFormat.Text;
    }
}

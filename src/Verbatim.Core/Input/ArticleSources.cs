using Verbatim.Input.Feeds;
using Verbatim.Input.Html;
using Verbatim.Input.Warc;
using Verbatim.Input.Web;

namespace Verbatim.Input;

/// <summary>
/// Turns what a user names (files, folders, http(s) addresses, "-" for stdin) into one stream of items,
/// in order. A folder gives its files of the format (*.txt for text, *.jsonl for JSON Lines, *.html and
/// *.htm for HTML, *.xml, *.rss and *.atom for feeds, *.warc and *.warc.gz for archives, all of these
/// under Auto), recursively, sorted by path, so a batch runs in the same order everywhere. A path that
/// does not exist is a failed item, not an error that stops the batch. Under Auto each file's format
/// comes from its name, else from its first bytes.
/// </summary>
public sealed class ArticleSources : IArticleSource
{
    /// <summary>The name stdin has in arguments and messages.</summary>
    public const string StdinName = "-";

    private readonly IReadOnlyList<string> _paths;
    private readonly InputFormat _format;
    private readonly DateOnly? _published;
    private readonly Func<Stream> _stdin;
    private readonly long _maxBytes;
    private readonly Lazy<WebFetcher> _web;

    /// <param name="web">Fetches http(s) inputs; one with the default timeout and per-host delay when null.</param>
    public ArticleSources(IReadOnlyList<string> paths, InputFormat format, DateOnly? published = null, Func<Stream>? stdin = null,
        long maxBytes = InputLimits.DefaultMaxBytes, WebFetcher? web = null)
    {
        _maxBytes = maxBytes;
        _paths = paths;
        _format = format;
        _published = published;
        _stdin = stdin ?? Console.OpenStandardInput;
        _web = web is null ? new Lazy<WebFetcher>(() => new WebFetcher()) : new Lazy<WebFetcher>(web);
    }

    /// <summary>The file extension a folder is searched for under <paramref name="format"/> (the first, where there are several).</summary>
    public static string Extension(InputFormat format) => InputDetection.Extensions(format)[0];

    /// <summary>
    /// The sources in order, one per file or address; folders are listed here (names only, so a large
    /// folder costs little) and their files read later, one at a time.
    /// </summary>
    public IEnumerable<IArticleSource> Expand()
    {
        foreach (var path in _paths)
        {
            if (path == StdinName)
            {
                yield return ForStdin();
            }
            else if (UrlSource.IsUrl(path))
            {
                yield return new UrlSource(path, _web.Value, _published, _maxBytes);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ListFolder(path, _format))
                {
                    yield return ForFile(file);
                }
            }
            else
            {
                yield return ForFile(path);
            }
        }
    }

    public IEnumerable<ArticleItem> Read() => Expand().SelectMany(source => source.Read());

    /// <summary>The files of a folder that hold articles in <paramref name="format"/>, sorted by path (ordinal).</summary>
    public static IEnumerable<string> ListFolder(string folder, InputFormat format)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive };
        var extensions = InputDetection.Extensions(format);
        if (extensions.Count == 1)
        {
            return Directory.EnumerateFiles(folder, "*" + extensions[0], options).Order(StringComparer.Ordinal);
        }
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(file => extensions.Any(e => file.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    private IArticleSource ForStdin()
    {
        var format = _format;
        var open = _stdin;
        if (format == InputFormat.Auto)
        {
            // Stdin cannot be opened twice: sniff its first bytes, then hand them back in front of the rest.
            var stream = _stdin();
            var head = new byte[InputDetection.SniffBytes];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            format = InputDetection.FromContent(head.AsSpan(0, read));
            open = () => new PrefixedStream(head.AsMemory(0, read), stream);
        }
        return Create(format, open, "stdin", "stdin");
    }

    private IArticleSource ForFile(string path)
    {
        var format = _format == InputFormat.Auto ? InputDetection.FromName(path) ?? Sniff(path) : _format;
        return format switch
        {
            InputFormat.JsonLines => new JsonLinesSource(path, _published, _maxBytes),
            InputFormat.Html => new HtmlFileSource(path, _published, _maxBytes),
            InputFormat.Rss => new FeedSource(path, _published, _maxBytes),
            InputFormat.Warc => new WarcSource(path, _published, _maxBytes),
            _ => new TextFileSource(path, _published, _maxBytes),
        };
    }

    private IArticleSource Create(InputFormat format, Func<Stream> open, string inputName, string id) => format switch
    {
        InputFormat.JsonLines => new JsonLinesSource(open, inputName, _published, _maxBytes),
        InputFormat.Html => new HtmlFileSource(open, inputName, id, _published, _maxBytes),
        InputFormat.Rss => new FeedSource(open, inputName, _published, _maxBytes),
        InputFormat.Warc => new WarcSource(open, inputName, _published, _maxBytes),
        _ => new TextFileSource(open, inputName, id, _published, _maxBytes),
    };

    /// <summary>The format of a file whose name says none; text when it cannot be opened (its source then reports why).</summary>
    private static InputFormat Sniff(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[InputDetection.SniffBytes];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return InputDetection.FromContent(head.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputFormat.Text;
        }
    }
}

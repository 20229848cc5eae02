using Verbatim.Input.Feeds;
using Verbatim.Input.Html;
using Verbatim.Text;

namespace Verbatim.Input.Web;

/// <summary>
/// An http(s) address: the page is fetched (see <see cref="WebFetcher"/>) and read by what it is: an
/// HTML page is one article, an RSS or Atom feed one per item, plain text one article. A failed fetch
/// is one failed item named by the URL.
/// </summary>
public sealed class UrlSource : IArticleSource
{
    private readonly string _url;
    private readonly WebFetcher _fetcher;
    private readonly DateOnly? _published;
    private readonly long _maxBytes;

    public UrlSource(string url, WebFetcher fetcher, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
    {
        _url = url;
        _fetcher = fetcher;
        _published = published;
        _maxBytes = maxBytes;
    }

    /// <summary>Whether an argument names a web address rather than a file.</summary>
    public static bool IsUrl(string argument) =>
        (argument.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || argument.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(argument, UriKind.Absolute, out _);

    public IEnumerable<ArticleItem> Read()
    {
        if (!Uri.TryCreate(_url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return [ArticleItem.Failed(_url, "not an http(s) address")];
        }
        WebResponse response;
        try
        {
            response = _fetcher.Fetch(uri, _maxBytes);
        }
        catch (WebFetchException e)
        {
            return [ArticleItem.Failed(_url, e.Message)];
        }
        return Dispatch(response);
    }

    private IEnumerable<ArticleItem> Dispatch(WebResponse response)
    {
        var format = response.MediaType switch
        {
            "text/html" or "application/xhtml+xml" => InputFormat.Html,
            "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" or "application/xml" or "text/xml" => InputFormat.Rss,
            "text/plain" => InputFormat.Text,
            // Servers often label pages vaguely; the first bytes tell.
            null or "application/octet-stream" => InputDetection.FromContent(response.Body),
            _ => InputFormat.Auto,
        };
        var url = response.Url.ToString();
        switch (format)
        {
            case InputFormat.Html:
                return [HtmlArticleReader.Read(_url, response.Body, response.Charset, new DocumentMetadata(url, Published: _published, Url: url))];
            case InputFormat.Rss:
                return new FeedSource(() => new MemoryStream(response.Body), _url, _published, _maxBytes).Read();
            case InputFormat.Text:
                return [ReadText(response, url)];
            default:
                return [ArticleItem.Failed(_url, $"unsupported content type {response.MediaType}")];
        }
    }

    private ArticleItem ReadText(WebResponse response, string url)
    {
        string text;
        try
        {
            text = TextDecoder.Decode(response.Body, _url);
        }
        catch (InvalidInputException e)
        {
            return ArticleItem.Failed(_url, e.Reason);
        }
        return text.Length == 0
            ? ArticleItem.Failed(_url, "empty response")
            : ArticleItem.Read(_url, new Article(new DocumentMetadata(url, Published: _published, Url: url), text));
    }
}

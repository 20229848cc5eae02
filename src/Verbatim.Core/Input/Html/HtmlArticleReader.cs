using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Verbatim.Text;

namespace Verbatim.Input.Html;

/// <summary>What a news page says about itself, and its article text ("" when it has none).</summary>
public sealed record HtmlPage(
    string Text,
    string? Title,
    string? CanonicalUrl,
    string? Source,
    string? Author,
    PublicationTime? Published);

/// <summary>
/// Reads a news page: the article text (SmartReader's readability pass, or, when that finds nothing,
/// the paragraphs of &lt;article&gt;, &lt;main&gt; or the body) and the metadata the page declares in
/// JSON-LD, Open Graph, &lt;meta&gt;, &lt;time&gt;, &lt;link rel=canonical&gt; and &lt;title&gt;, in that order of trust:
/// JSON-LD is written for machines about the article itself, a &lt;title&gt; often carries the site name.
/// </summary>
public static class HtmlArticleReader
{
    public const string NoArticleText = "no article text found";

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.Ordinal)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report",
    };

    private static readonly Regex MetaCharset = new(
        @"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    static HtmlArticleReader()
    {
        // Older pages are often windows-1252 or ISO-8859-x; .NET knows only the Unicode encodings without this.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// Reads a page into an item. The page's own metadata wins over what the caller knows
    /// (<paramref name="fallback"/>: the file name as id, the address it was fetched from, a crawl date).
    /// </summary>
    public static ArticleItem Read(string inputName, string html, DocumentMetadata fallback)
    {
        HtmlPage page;
        try
        {
            page = Parse(html, fallback.Url);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The parsers are lenient by design; anything thrown is a defect on one page, not a reason to stop a batch.
            return ArticleItem.Failed(inputName, $"HTML could not be read: {e.GetType().Name}: {e.Message}");
        }
        return ToItem(inputName, page, fallback);
    }

    /// <summary>Reads a page given as bytes; see <see cref="Decode"/> for the encoding.</summary>
    public static ArticleItem Read(string inputName, ReadOnlySpan<byte> html, string? charset, DocumentMetadata fallback) =>
        Read(inputName, Decode(html, charset), fallback);

    /// <summary>An item from a parsed page: page metadata first, then <paramref name="fallback"/>'s.</summary>
    public static ArticleItem ToItem(string inputName, HtmlPage page, DocumentMetadata fallback)
    {
        if (page.Text.Length == 0)
        {
            return ArticleItem.Failed(inputName, NoArticleText);
        }
        var metadata = new DocumentMetadata(
            page.CanonicalUrl ?? fallback.Id,
            page.Title ?? fallback.Title,
            page.Published?.Date ?? fallback.Published ?? (fallback.PublishedAt is { } at ? DateOnly.FromDateTime(at.DateTime) : null),
            page.Source ?? fallback.Source,
            page.CanonicalUrl ?? fallback.Url,
            page.Published is { } published ? published.At : fallback.PublishedAt,
            page.Author ?? fallback.Author);
        return ArticleItem.Read(inputName, new Article(metadata, page.Text));
    }

    /// <summary>
    /// Decodes page bytes: a byte order mark, else the charset the transport gave, else a &lt;meta&gt;
    /// charset in the first kilobytes, else UTF-8. Undecodable bytes become U+FFFD: a page's text is
    /// extracted, not kept byte for byte, so one bad byte should not lose the article.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var encoding = EncodingNamed(charset);
        if (encoding is null)
        {
            var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            var match = MetaCharset.Match(head);
            encoding = match.Success ? EncodingNamed(match.Groups[1].Value) : null;
        }
        return (encoding ?? Encoding.UTF8).GetString(bytes);
    }

    private static Encoding? EncodingNamed(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Parses a page. <paramref name="baseUrl"/> resolves relative canonical links.</summary>
    public static HtmlPage Parse(string html, string? baseUrl = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        var jsonLd = FindJsonLdArticle(document);
        var canonical = Resolve(document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), baseUrl)
            ?? Resolve(Meta(document, "og:url"), baseUrl)
            ?? Resolve(jsonLd?.Url, baseUrl);
        var title = jsonLd?.Headline ?? Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? Clean(document.Title);
        var source = Meta(document, "og:site_name") ?? jsonLd?.Publisher;
        var author = jsonLd?.Author ?? Meta(document, "author") ?? NotAUrl(Meta(document, "article:author"));
        var published = PublicationTime.Parse(jsonLd?.DatePublished)
            ?? PublicationTime.Parse(Meta(document, "article:published_time"))
            ?? PublicationTime.Parse(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var text = ReadableText(html, baseUrl);
        if (text.Length == 0)
        {
            text = FallbackText(document);
        }
        return new HtmlPage(text, title, canonical, source, author, published);
    }

    /// <summary>SmartReader's article; empty when it finds none.</summary>
    private static string ReadableText(string html, string? baseUrl)
    {
        // SmartReader needs an absolute address; it only resolves links with it and fetches nothing here.
        var uri = Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) ? parsed.ToString() : "https://localhost/";
        var article = new SmartReader.Reader(uri, html).GetArticle();
        // IsReadable is a pre-check tuned for long pages (paragraphs over 140 characters); short
        // news items fail it yet extract well, so the content itself decides.
        if (string.IsNullOrWhiteSpace(article.Content))
        {
            return "";
        }
        var fragment = new HtmlParser().ParseDocument("<body>" + article.Content + "</body>");
        return HtmlText.Paragraphs(fragment.Body!);
    }

    /// <summary>
    /// The text of &lt;article&gt; (outermost ones), else &lt;main&gt;, else the body's paragraphs,
    /// with navigation, headers, footers and asides left out: a page of menus has no article.
    /// </summary>
    private static string FallbackText(IHtmlDocument document)
    {
        var articles = document.QuerySelectorAll("article").Where(a => a.ParentElement?.Closest("article") is null).ToList();
        if (articles.Count > 0) return HtmlText.Paragraphs(articles, skipFurniture: true);
        var main = document.QuerySelector("main, [role='main']");
        if (main is not null) return HtmlText.Paragraphs(main, skipFurniture: true);
        var paragraphs = document.QuerySelectorAll("body p")
            .Where(p => p.Closest("nav, header, footer, aside, form") is null && p.ParentElement?.Closest("p") is null);
        return HtmlText.Paragraphs(paragraphs, skipFurniture: true);
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
            {
                return content;
            }
        }
        return null;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Regex.Replace(value.Trim(), @"\s+", " ");

    private static string? NotAUrl(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) ? null : value;

    private static string? Resolve(string? href, string? baseUrl)
    {
        if (Clean(href) is not { } value) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute.ToString();
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, value, out var resolved)) return resolved.ToString();
        return null;
    }

    private sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? Publisher, string? Url);

    /// <summary>The first article object in the page's JSON-LD blocks, whether top-level, in an array or in @graph.</summary>
    private static JsonLdArticle? FindJsonLdArticle(IDocument document)
    {
        var options = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, options);
                if (FindArticle(json.RootElement) is { } article)
                {
                    return new JsonLdArticle(
                        Clean(StringOf(article, "headline") ?? StringOf(article, "name")),
                        StringOf(article, "datePublished"),
                        Names(article, "author"),
                        Names(article, "publisher"),
                        StringOf(article, "url") ?? StringOf(article, "mainEntityOfPage"));
                }
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the other sources of metadata still count.
            }
        }
        return null;
    }

    private static JsonElement? FindArticle(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var child in element.EnumerateArray())
                {
                    if (FindArticle(child) is { } found) return found;
                }
                return null;
            case JsonValueKind.Object:
                if (IsArticleType(element)) return element;
                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
            default:
                return null;
        }
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type)) return false;
        return type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };
    }

    /// <summary>A property that is a string, or an object naming one by @id or url (mainEntityOfPage).</summary>
    private static string? StringOf(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => Clean(value.GetString()),
            JsonValueKind.Object => StringOf(value, "@id") ?? StringOf(value, "url"),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    /// <summary>Names of people or organisations: a string, {"name": …}, or an array of either, joined by ", ".</summary>
    private static string? Names(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value)) return null;
        var names = (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value])
            .Select(v => v.ValueKind switch
            {
                JsonValueKind.String => Clean(v.GetString()),
                JsonValueKind.Object => v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? Clean(n.GetString()) : null,
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}

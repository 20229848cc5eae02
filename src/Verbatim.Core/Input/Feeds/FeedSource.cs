using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Verbatim.Input.Html;
using Verbatim.Text;

namespace Verbatim.Input.Feeds;

/// <summary>
/// An RSS (2.0, or 1.0/RDF) or Atom feed: each item or entry is an article, named "FILE#N" (N counts
/// items from 1). The feed is read as a stream, one item in memory at a time. Its title is each
/// article's source; an item's HTML content (content:encoded, description, Atom content or summary)
/// is turned into paragraphs. Broken XML ends the feed with one failed item saying where; the items
/// before it stay read.
/// </summary>
public sealed class FeedSource : StreamSource
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly Regex LooksLikeMarkup = new(@"<\s*/?\s*[a-zA-Z!]", RegexOptions.CultureInvariant);


    /// <param name="published">The publication date of items that give none.</param>
    /// <param name="maxBytes">Items with more content than this are refused (the feed itself may be larger).</param>
    public FeedSource(string path, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : this(OpenFile(path), path, published, maxBytes)
    {
    }

    public FeedSource(Func<Stream> open, string inputName, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : base(open, inputName, published, maxBytes)
    {
    }

    protected override IEnumerable<ArticleItem> ReadFrom(Stream stream) => ReadItems(stream);

    private IEnumerable<ArticleItem> ReadItems(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            // No DTDs: no entity expansion bombs and no external fetches from a feed off the web.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        using var reader = XmlReader.Create(stream, settings);
        var feed = new FeedReader(reader);
        int count = 0;
        while (true)
        {
            XElement? element;
            string? failure = null;
            try
            {
                element = feed.NextItem();
            }
            catch (XmlException e)
            {
                element = null;
                failure = "invalid XML: " + e.Message;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotAFeedException)
            {
                element = null;
                failure = e.Message;
            }
            if (failure is not null)
            {
                yield return ArticleItem.Failed(InputName, failure);
                yield break;
            }
            if (element is null)
            {
                break;
            }
            count++;
            yield return ReadItem(element, $"{InputName}#{count}", feed.Title);
        }
        if (count == 0)
        {
            yield return ArticleItem.Failed(InputName, "the feed has no items");
        }
    }

    private ArticleItem ReadItem(XElement item, string name, string? feedTitle)
    {
        var content = FirstContent(item);
        if (content.Length > MaxBytes)
        {
            return ArticleItem.Failed(name, InputLimits.TooLarge(content.Length, MaxBytes));
        }
        if (content.Length == 0)
        {
            return ArticleItem.Failed(name, HtmlArticleReader.NoArticleText);
        }
        var link = Link(item);
        var time = PublicationTime.Parse(Value(item, "pubDate") ?? Value(item, "published") ?? Value(item, "date")
            ?? Value(item, "issued") ?? Value(item, "updated") ?? Value(item, "modified"));
        var metadata = new DocumentMetadata(
            link ?? Value(item, "guid") ?? Value(item, "id") ?? name,
            Clean(Value(item, "title")),
            time?.Date ?? Published,
            feedTitle,
            link,
            time?.At,
            Author(item));
        return ArticleItem.Read(name, new Article(metadata, content));
    }

    /// <summary>The fullest content an item has, as paragraphs: full text before summaries.</summary>
    private static string FirstContent(XElement item)
    {
        foreach (var localName in (string[])["encoded", "content", "description", "summary"])
        {
            foreach (var element in item.Elements().Where(e => e.Name.LocalName == localName))
            {
                var text = ContentText(element);
                if (text.Length > 0) return text;
            }
        }
        return "";
    }

    private static string ContentText(XElement element)
    {
        var type = (string?)element.Attribute("type");
        if (type == "xhtml")
        {
            // Atom carries XHTML as child elements (in a wrapping div), not as escaped text.
            return HtmlToText(string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))));
        }
        var value = element.Value;
        if (type == "text" || !LooksLikeMarkup.IsMatch(value))
        {
            return PlainParagraphs(value);
        }
        return HtmlToText(value);
    }

    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        return HtmlText.Paragraphs(document.Body!);
    }

    /// <summary>Plain text as the engine wants it: lines trimmed, paragraphs split by one blank line.</summary>
    private static string PlainParagraphs(string text)
    {
        var paragraphs = Regex.Split(text.Replace("\r\n", "\n").Trim(), @"\n[ \t]*\n\s*")
            .Select(p => string.Join('\n', p.Split('\n').Select(line => line.Trim())))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }

    private static string? Link(XElement item)
    {
        // Atom: <link rel="alternate" href="…"/> (rel defaults to alternate); RSS: <link>…</link>.
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var href = (string?)link.Attribute("href");
            var rel = (string?)link.Attribute("rel") ?? "alternate";
            if (href is not null && rel == "alternate") return Clean(href);
            if (href is null && Clean(link.Value) is { } value) return value;
        }
        return null;
    }

    private static string? Author(XElement item)
    {
        var names = new List<string>();
        foreach (var author in item.Elements().Where(e => e.Name.LocalName is "author" or "creator"))
        {
            var name = author.Element(Atom + "name")?.Value ?? author.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value ?? author.Value;
            // RSS 2.0 authors are e-mail addresses with the name in parentheses: "jo@x.test (Jo Smith)".
            var match = Regex.Match(name, @"^\S+@\S+\s*\((.+)\)\s*$");
            if (match.Success) name = match.Groups[1].Value;
            if (Clean(name) is { } clean && !names.Contains(clean)) names.Add(clean);
        }
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? Value(XElement item, string localName) =>
        Clean(item.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value);

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Regex.Replace(value.Trim(), @"\s+", " ");

    private sealed class NotAFeedException(string message) : Exception(message);

    /// <summary>Walks the feed document: notes the feed's title on the way and hands out one item element at a time.</summary>
    private sealed class FeedReader(XmlReader reader)
    {
        private int _itemDepth = -1;
        private int _titleDepth = -1;

        public string? Title { get; private set; }

        public XElement? NextItem()
        {
            if (reader.ReadState == ReadState.Initial)
            {
                reader.MoveToContent();
                CheckRoot();
            }
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                if (IsItem())
                {
                    // ReadFrom leaves the reader on the node after the item, so the loop must not Read() again.
                    return (XElement)XNode.ReadFrom(reader);
                }
                if (reader.LocalName == "title" && reader.Depth == _titleDepth && Title is null)
                {
                    Title = Clean(reader.ReadElementContentAsString());
                    continue;
                }
                reader.Read();
            }
            return null;
        }

        private void CheckRoot()
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new NotAFeedException("not an RSS or Atom feed (no root element)");
            }
            // Items sit in rss/channel (RSS 2.0) or directly under rdf:RDF (RSS 1.0) or feed (Atom);
            // the feed's title is in rss/channel, rdf:RDF/channel or feed.
            (_itemDepth, _titleDepth) = reader.LocalName switch
            {
                "rss" => (2, 2),
                "RDF" => (1, 2),
                "feed" => (1, 1),
                _ => throw new NotAFeedException($"not an RSS or Atom feed (the root element is <{reader.Name}>)"),
            };
        }

        private bool IsItem() => reader.Depth == _itemDepth && reader.LocalName is "item" or "entry";
    }
}

using Verbatim.Input;
using Verbatim.Input.Html;
using Verbatim.Text;

namespace Verbatim.Tests.Input;

public class HtmlArticleReaderTests
{
    /// <summary>Enough paragraphs for a readability pass to take the page for an article.</summary>
    internal const string Story = """
        <article>
          <h1>Mayor opens the bridge</h1>
          <p>The new bridge over the river opened on Friday after three years of work, the city said in a statement issued in the morning.</p>
          <p>"This bridge joins two halves of our city," the mayor, Anna Berg, told reporters at the ceremony. "It was worth the wait."</p>
          <p>Engineers said the structure would carry up to 20,000 vehicles a day, easing traffic on the old crossing to the north of the centre.<br>Work on the approach roads continues.</p>
        </article>
        """;

    private static DocumentMetadata Fallback => new("page");

    private static Article ReadArticle(string html, string? url = null)
    {
        var item = HtmlArticleReader.Read("page.html", html, Fallback with { Url = url });
        Assert.True(item.Succeeded, item.FailureReason);
        return item.Article!;
    }

    [Fact]
    public void Text_is_paragraphs_separated_by_blank_lines()
    {
        var article = ReadArticle($"<html><head><title>T</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{Story}<footer>© City Paper</footer></body></html>");
        var paragraphs = article.Text.Split("\n\n");
        Assert.Contains(paragraphs, p => p.StartsWith("The new bridge over the river opened", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("\"This bridge joins two halves of our city,\" the mayor", StringComparison.Ordinal));
        Assert.Contains("north of the centre.\nWork on the approach roads continues.", article.Text);
        Assert.DoesNotContain("Home", article.Text);
        Assert.DoesNotContain("©", article.Text);
        Assert.DoesNotContain("  ", article.Text);
    }

    [Fact]
    public void Meta_tags_give_author_and_published_time_with_its_offset()
    {
        var article = ReadArticle($"""
            <html><head><title>Bridge opens | City Paper</title>
            <meta name="author" content="Jo Smith">
            <meta property="article:published_time" content="2024-11-01T23:30:00-05:00">
            </head><body>{Story}</body></html>
            """);
        var meta = article.Metadata;
        Assert.Equal("Bridge opens | City Paper", meta.Title);
        Assert.Equal("Jo Smith", meta.Author);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 23, 30, 0, TimeSpan.FromHours(-5)), meta.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(-5), meta.PublishedAt!.Value.Offset);
        Assert.Equal(new DateOnly(2024, 11, 1), meta.Published);   // the outlet's day, not UTC's (Nov 2)
        Assert.Equal("page", meta.Id);                              // no canonical address: the caller's id
    }

    [Fact]
    public void Open_graph_gives_title_url_and_site_name()
    {
        var article = ReadArticle($"""
            <html><head><title>Bridge opens | City Paper</title>
            <meta property="og:title" content="Bridge opens">
            <meta property="og:url" content="https://citypaper.test/bridge">
            <meta property="og:site_name" content="City Paper">
            </head><body>{Story}</body></html>
            """);
        var meta = article.Metadata;
        Assert.Equal(("Bridge opens", "https://citypaper.test/bridge", "https://citypaper.test/bridge", "City Paper"), (meta.Title, meta.Url, meta.Id, meta.Source));
    }

    [Fact]
    public void Json_ld_article_inside_a_graph_gives_headline_date_author_publisher_and_url()
    {
        var article = ReadArticle($$$"""
            <html><head><title>Bridge opens | City Paper</title>
            <meta property="og:title" content="OG title">
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "City Paper"},
              {"@type": ["ReportageNewsArticle"], "headline": "Mayor opens the bridge",
               "datePublished": "2024-11-01T08:00:00+01:00",
               "author": [{"@type": "Person", "name": "Jo Smith"}, {"@type": "Person", "name": "Ali Khan"}],
               "publisher": {"@type": "Organization", "name": "City Paper Ltd"},
               "mainEntityOfPage": {"@type": "WebPage", "@id": "https://citypaper.test/2024/bridge"}}]}
            </script>
            <script type="application/ld+json">{ broken </script>
            </head><body>{{{Story}}}</body></html>
            """);
        var meta = article.Metadata;
        Assert.Equal("Mayor opens the bridge", meta.Title);
        Assert.Equal("Jo Smith, Ali Khan", meta.Author);
        Assert.Equal("City Paper Ltd", meta.Source);
        Assert.Equal("https://citypaper.test/2024/bridge", meta.Url);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 8, 0, 0, TimeSpan.FromHours(1)), meta.PublishedAt);
        Assert.Equal(new DateOnly(2024, 11, 1), meta.Published);
    }

    [Fact]
    public void Json_ld_in_a_top_level_array_is_found()
    {
        var article = ReadArticle($$"""
            <html><head><script type="application/ld+json">[{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "headline": "H", "author": "Jo Smith", "url": "https://x.test/a"}]</script>
            </head><body>{{Story}}</body></html>
            """);
        Assert.Equal(("H", "Jo Smith", "https://x.test/a"), (article.Metadata.Title, article.Metadata.Author, article.Metadata.Id));
    }

    [Fact]
    public void Time_element_and_canonical_link_and_title()
    {
        var article = ReadArticle($"""
            <html><head><title>  Bridge
              opens </title><link rel="canonical" href="/2024/bridge"></head>
            <body><time datetime="2024-11-02">2 Nov</time>{Story}</body></html>
            """, url: "https://citypaper.test/latest?id=1");
        var meta = article.Metadata;
        Assert.Equal("Bridge opens", meta.Title);
        Assert.Equal("https://citypaper.test/2024/bridge", meta.Id);
        Assert.Equal(new DateOnly(2024, 11, 2), meta.Published);
        Assert.Null(meta.PublishedAt);   // a bare date has no instant
    }

    [Fact]
    public void The_readability_pass_leaves_out_sidebars_that_plain_paragraphs_would_keep()
    {
        var body = Story.Replace("<article>", "<div class=\"story-body\">").Replace("</article>", "</div>");
        var article = ReadArticle($"<html><body><div class=\"sidebar widget\"><p><a href='/s'>Subscribe now</a></p></div>{body}</body></html>");
        Assert.DoesNotContain("Subscribe", article.Text);
        Assert.Contains("It was worth the wait.", article.Text);
    }

    [Fact]
    public void Short_pages_fall_back_to_the_article_paragraphs()
    {
        var article = ReadArticle("<html><body><nav>Home</nav><main><p>Short one.</p><p>Second.</p><aside>Related</aside></main></body></html>");
        Assert.Equal("Short one.\n\nSecond.", article.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav><footer>© 2024</footer></body></html>")]
    public void A_page_without_article_text_is_a_failed_item(string html)
    {
        var item = HtmlArticleReader.Read("empty.html", html, Fallback);
        Assert.False(item.Succeeded);
        Assert.Equal("empty.html", item.InputName);
        Assert.Equal(HtmlArticleReader.NoArticleText, item.FailureReason);
    }

    [Fact]
    public void Bytes_are_decoded_by_the_given_or_declared_charset()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café.</p></body></html>");
        Assert.Equal("Café.", HtmlArticleReader.Read("p", latin1, null, Fallback).Article!.Text);
        var utf8 = System.Text.Encoding.UTF8.GetBytes("<p>Café.</p>");
        Assert.Equal("Café.", HtmlArticleReader.Read("p", utf8, null, Fallback).Article!.Text);
    }

    [Theory]
    [InlineData("Fri, 01 Nov 2024 23:30:00 -0500", "2024-11-01", -5)]
    [InlineData("1 Nov 2024 08:00 GMT", "2024-11-01", 0)]
    [InlineData("Sat, 02 Nov 2024 01:00:00 EST", "2024-11-02", -5)]
    [InlineData("2024-11-01T23:30:00Z", "2024-11-01", 0)]
    [InlineData("2024-11-01T23:30:00.123+05:30", "2024-11-01", 5.5)]
    public void Publication_times_in_rfc822_and_iso8601(string value, string day, double offsetHours)
    {
        var time = PublicationTime.Parse(value);
        Assert.NotNull(time);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), time.Value.Date);
        Assert.Equal(TimeSpan.FromHours(offsetHours), time.Value.At!.Value.Offset);
    }

    [Fact]
    public void Json_lines_with_html_instead_of_text_read_the_page_and_keep_the_line_fields()
    {
        var page = System.Text.Json.JsonSerializer.Serialize($"<html><head><meta property='og:title' content='Page title'><meta name='author' content='Jo Smith'></head><body>{Story}</body></html>");
        var feed = $$"""{"id": "a", "title": "Line title", "html": {{page}}}""" + "\n" + """{"id": "b", "html": "<nav>Home</nav>"}""";
        var items = new JsonLinesSource(() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(feed)), "pages.jsonl").Read().ToList();
        Assert.True(items[0].Succeeded, items[0].FailureReason);
        var meta = items[0].Article!.Metadata;
        Assert.Equal(("a", "Line title", "Jo Smith"), (meta.Id, meta.Title, meta.Author));
        Assert.Contains("It was worth the wait.", items[0].Article!.Text);
        Assert.Equal(("pages.jsonl:2", HtmlArticleReader.NoArticleText), (items[1].InputName, items[1].FailureReason));
    }
}

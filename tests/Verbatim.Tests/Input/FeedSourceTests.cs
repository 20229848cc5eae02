using System.Text;
using Verbatim.Input;
using Verbatim.Input.Feeds;

namespace Verbatim.Tests.Input;

public class FeedSourceTests
{
    internal const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>City Paper</title>
            <link>https://citypaper.test/</link>
            <item>
              <title>Mayor opens the bridge</title>
              <link>https://citypaper.test/bridge</link>
              <guid isPermaLink="false">cp-1</guid>
              <pubDate>Fri, 01 Nov 2024 23:30:00 -0500</pubDate>
              <dc:creator>Jo Smith</dc:creator>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>The bridge opened on Friday.</p><p>"It was worth the wait," the mayor said.</p>]]></content:encoded>
            </item>
            <item>
              <title>Council votes</title>
              <link>https://citypaper.test/council</link>
              <pubDate>Sat, 02 Nov 2024 09:00:00 GMT</pubDate>
              <author>news@citypaper.test (Ali Khan)</author>
              <description>The council voted 7 to 2 &amp;mdash; a plain summary.</description>
            </item>
          </channel>
        </rss>
        """;

    internal const string AtomFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Wire Service</title>
          <id>urn:wire</id>
          <entry>
            <title>Storm hits coast</title>
            <link rel="alternate" href="https://wire.test/storm"/>
            <link rel="self" href="https://wire.test/api/storm"/>
            <id>urn:wire:1</id>
            <published>2024-11-01T08:00:00+01:00</published>
            <updated>2024-11-03T08:00:00+01:00</updated>
            <author><name>Jo Smith</name></author>
            <content type="html">&lt;p&gt;Winds reached 120 km/h.&lt;/p&gt;&lt;p&gt;"Stay inside," police said.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Markets calm</title>
            <id>urn:wire:2</id>
            <updated>2024-11-02T10:00:00Z</updated>
            <summary type="text">Shares were flat.</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Shares were flat on Friday.</p><p>Traders waited.</p></div></content>
          </entry>
        </feed>
        """;

    private static List<ArticleItem> Read(string xml, string name = "feed.xml") =>
        new FeedSource(() => new MemoryStream(Encoding.UTF8.GetBytes(xml)), name).Read().ToList();

    [Fact]
    public void Rss_items_are_articles()
    {
        var items = Read(Rss);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.Succeeded, i.FailureReason));
        Assert.Equal(["feed.xml#1", "feed.xml#2"], items.Select(i => i.InputName));

        var first = items[0].Article!;
        Assert.Equal("The bridge opened on Friday.\n\n\"It was worth the wait,\" the mayor said.", first.Text);   // content:encoded before description
        var meta = first.Metadata;
        Assert.Equal(("https://citypaper.test/bridge", "Mayor opens the bridge", "City Paper", "https://citypaper.test/bridge", "Jo Smith"),
            (meta.Id, meta.Title, meta.Source, meta.Url, meta.Author));
        Assert.Equal(new DateOnly(2024, 11, 1), meta.Published);
        Assert.Equal(TimeSpan.FromHours(-5), meta.PublishedAt!.Value.Offset);

        var second = items[1].Article!;
        Assert.Equal("The council voted 7 to 2 &mdash; a plain summary.", second.Text);
        Assert.Equal("Ali Khan", second.Metadata.Author);
        Assert.Equal(new DateOnly(2024, 11, 2), second.Metadata.Published);
    }

    [Fact]
    public void Atom_entries_are_articles()
    {
        var items = Read(AtomFeed, "wire.atom");
        Assert.Equal(2, items.Count);
        var first = items[0].Article!;
        Assert.Equal("Winds reached 120 km/h.\n\n\"Stay inside,\" police said.", first.Text);
        Assert.Equal(("https://wire.test/storm", "Storm hits coast", "Wire Service", "Jo Smith"), (first.Metadata.Id, first.Metadata.Title, first.Metadata.Source, first.Metadata.Author));
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 8, 0, 0, TimeSpan.FromHours(1)), first.Metadata.PublishedAt);   // published, not updated

        var second = items[1].Article!;
        Assert.Equal("Shares were flat on Friday.\n\nTraders waited.", second.Text);   // content before summary
        Assert.Equal("urn:wire:2", second.Metadata.Id);                                 // no link: the entry id
        Assert.Null(second.Metadata.Url);
        Assert.Equal(new DateOnly(2024, 11, 2), second.Metadata.Published);
    }

    [Fact]
    public void Broken_xml_is_a_failed_item_after_the_good_items()
    {
        var broken = Rss[..Rss.IndexOf("</channel>", StringComparison.Ordinal)].Replace("<title>Council votes</title>", "<title>Council votes</titel>");
        var items = Read(broken, "broken.xml");
        Assert.Equal(2, items.Count);
        Assert.True(items[0].Succeeded);
        Assert.False(items[1].Succeeded);
        Assert.Equal("broken.xml", items[1].InputName);
        Assert.StartsWith("invalid XML: ", items[1].FailureReason);
        Assert.Contains("Line", items[1].FailureReason);
    }

    [Fact]
    public void A_dtd_is_refused_not_expanded()
    {
        var items = Read("""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]><rss><channel><item><description>&a;</description></item></channel></rss>""");
        var item = Assert.Single(items);
        Assert.False(item.Succeeded);
        Assert.Contains("DTD", item.FailureReason);
    }

    [Fact]
    public void Xml_that_is_not_a_feed_and_items_without_content_fail_with_reasons()
    {
        Assert.Equal("not an RSS or Atom feed (the root element is <html>)", Assert.Single(Read("<html><body/></html>")).FailureReason);
        Assert.Equal("the feed has no items", Assert.Single(Read("<rss><channel><title>T</title></channel></rss>")).FailureReason);
        Assert.Equal("no article text found", Assert.Single(Read("<rss><channel><item><title>T</title></item></channel></rss>")).FailureReason);
    }
}

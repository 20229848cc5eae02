using System.Text;
using Verbatim.Input;

namespace Verbatim.Tests.Input;

public class ArticleSourcesTests
{
    [Fact]
    public void Text_file_id_is_the_file_name_and_published_is_recorded()
    {
        using var dir = new TempFolder();
        var path = dir.File("the-story.txt", "\uFEFFSome text.");
        var item = Assert.Single(new TextFileSource(path, new DateOnly(2024, 11, 1)).Read());
        Assert.True(item.Succeeded);
        Assert.Equal("the-story", item.Article!.Metadata.Id);
        Assert.Equal(new DateOnly(2024, 11, 1), item.Article.Metadata.Published);
        Assert.Equal("Some text.", item.Article.Text);   // the byte order mark is dropped
    }

    [Fact]
    public void Bad_files_are_failed_items_with_reasons()
    {
        using var dir = new TempFolder();
        var items = new ArticleSources([
            dir.File("empty.txt", ""),
            dir.Bytes("bad.txt", [0x41, 0xFF, 0x42]),
            dir.Bytes("binary.txt", [0x00, 0x01, 0x02, 0x03]),
            Path.Combine(dir.Path, "missing.txt"),
            dir.Bytes("big.txt", Encoding.UTF8.GetBytes(new string('a', 2000))),
        ], InputFormat.Text, maxBytes: 1000).Read().ToList();
        Assert.All(items, i => Assert.False(i.Succeeded));
        Assert.Equal("empty file", items[0].FailureReason);
        Assert.Contains("not valid UTF-8", items[1].FailureReason);
        Assert.Contains("binary", items[2].FailureReason);
        Assert.Equal("no such file or directory", items[3].FailureReason);
        Assert.Equal("too large (2000 bytes; the limit is 1000)", items[4].FailureReason);
        Assert.EndsWith("bad.txt", items[1].InputName);
    }

    [Fact]
    public void A_folder_gives_its_txt_files_recursively_in_sorted_order()
    {
        using var dir = new TempFolder();
        dir.File("b.txt", "B.");
        dir.File("a/z.txt", "Z.");
        dir.File("a.txt", "A.");
        dir.File("notes.md", "not an article");
        var ids = new ArticleSources([dir.Path], InputFormat.Text).Read().Select(i => i.Article!.Metadata.Id).ToList();
        Assert.Equal(["a", "z", "b"], ids);   // ordinal by path: "a.txt" < "a/z.txt" ('.' is 0x2E, '/' 0x2F) < "b.txt"
    }

    [Fact]
    public void Stdin_is_read_once_as_one_article()
    {
        var items = new ArticleSources(["-"], InputFormat.Text, stdin: () => new MemoryStream("From a pipe."u8.ToArray())).Read().ToList();
        var item = Assert.Single(items);
        Assert.Equal("stdin", item.Article!.Metadata.Id);
        Assert.Equal("From a pipe.", item.Article.Text);
    }

    [Fact]
    public void Json_lines_a_bad_line_fails_alone()
    {
        using var dir = new TempFolder();
        var lines = string.Join("\n",
            """{"id": "one", "text": "First “story”.", "title": "T", "published": "2024-11-01", "url": "https://x.test/1", "source": "X"}""",
            "",
            """{"id": "two", "text": """,
            """{"text": "no id"}""",
            """{"id": "three", "text": "Third.", "published": "yesterday"}""",
            """{"id": "four", "text": "Fourth."}""") + "\r\n";
        var path = dir.File("feed.jsonl", lines);
        var items = new JsonLinesSource(path, new DateOnly(2020, 1, 2)).Read().ToList();
        Assert.Equal(5, items.Count);
        Assert.True(items[0].Succeeded);
        var meta = items[0].Article!.Metadata;
        Assert.Equal(("one", "T", new DateOnly(2024, 11, 1), "X", "https://x.test/1"), (meta.Id, meta.Title, meta.Published!.Value, meta.Source, meta.Url));
        Assert.Equal("First “story”.", items[0].Article!.Text);
        Assert.Equal(path + ":3", items[1].InputName);
        Assert.StartsWith("invalid JSON", items[1].FailureReason);
        Assert.Equal(path + ":4", items[2].InputName);
        Assert.Equal("missing \"id\"", items[2].FailureReason);
        Assert.Contains("not a date", items[3].FailureReason);
        Assert.True(items[4].Succeeded);
        Assert.Equal(new DateOnly(2020, 1, 2), items[4].Article!.Metadata.Published);
    }

    [Fact]
    public void Json_lines_invalid_utf8_fails_only_its_line()
    {
        var bytes = "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"x"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}\n{\"id\": \"c\", \"text\": \"ok\"}"u8.ToArray()).ToArray();
        var items = new JsonLinesSource(() => new MemoryStream(bytes), "feed").Read().ToList();
        Assert.Equal([true, false, true], items.Select(i => i.Succeeded));
        Assert.Equal("feed:2", items[1].InputName);
        Assert.Equal("not valid UTF-8", items[1].FailureReason);
    }

    [Fact]
    public void Json_lines_long_lines_span_buffer_refills()
    {
        var text = new string('x', 200_000);
        var feed = $"{{\"id\": \"long\", \"text\": \"{text}\"}}\n{{\"id\": \"short\", \"text\": \"s\"}}";
        var items = new JsonLinesSource(() => new MemoryStream(Encoding.UTF8.GetBytes(feed)), "feed").Read().ToList();
        Assert.Equal(text, items[0].Article!.Text);
        Assert.Equal("short", items[1].Article!.Metadata.Id);
    }
}

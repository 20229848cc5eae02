using System.Text;
using Verbatim.Input;

namespace Verbatim.Tests.Input;

public class InputDetectionTests
{
    [Theory]
    [InlineData("a.html", InputFormat.Html)]
    [InlineData("a.HTM", InputFormat.Html)]
    [InlineData("a.xml", InputFormat.Rss)]
    [InlineData("a.rss", InputFormat.Rss)]
    [InlineData("a.atom", InputFormat.Rss)]
    [InlineData("a.warc", InputFormat.Warc)]
    [InlineData("a.warc.gz", InputFormat.Warc)]
    [InlineData("a.jsonl", InputFormat.JsonLines)]
    [InlineData("a.txt", InputFormat.Text)]
    public void Names_say_the_format(string name, InputFormat format) => Assert.Equal(format, InputDetection.FromName(name));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><rss>", InputFormat.Rss)]
    [InlineData("\uFEFF  <feed xmlns=\"http://www.w3.org/2005/Atom\">", InputFormat.Rss)]
    [InlineData("<!DOCTYPE html><html>", InputFormat.Html)]
    [InlineData("<html lang=en>", InputFormat.Html)]
    [InlineData("WARC/1.1\r\n", InputFormat.Warc)]
    [InlineData("{\"id\": 1}", InputFormat.JsonLines)]
    [InlineData("The mayor said on Friday.", InputFormat.Text)]
    public void First_bytes_say_the_format(string head, InputFormat format) =>
        Assert.Equal(format, InputDetection.FromContent(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Auto_reads_a_folder_of_mixed_formats_each_by_its_own_reader()
    {
        using var dir = new TempFolder();
        dir.File("a.html", $"<html><body>{HtmlArticleReaderTests.Story}</body></html>");
        dir.File("b.xml", FeedSourceTests.AtomFeed);
        dir.File("c.txt", "Plain.");
        dir.File("d.jsonl", """{"id": "d", "text": "Line."}""");
        dir.File("notes.md", "not an article");
        var items = new ArticleSources([dir.Path], InputFormat.Auto).Read().ToList();
        Assert.All(items, i => Assert.True(i.Succeeded, i.FailureReason));
        Assert.Equal(["a", "https://wire.test/storm", "urn:wire:2", "c", "d"], items.Select(i => i.Article!.Metadata.Id));
    }

    [Fact]
    public void Auto_sniffs_files_with_other_names_and_stdin()
    {
        using var dir = new TempFolder();
        var page = dir.File("page.dat", $"<!doctype html><html><body>{HtmlArticleReaderTests.Story}</body></html>");
        Assert.Contains("worth the wait", Assert.Single(new ArticleSources([page], InputFormat.Auto).Read()).Article!.Text);

        var items = new ArticleSources(["-"], InputFormat.Auto, stdin: () => new MemoryStream(Encoding.UTF8.GetBytes(FeedSourceTests.Rss))).Read().ToList();
        Assert.Equal(["stdin#1", "stdin#2"], items.Select(i => i.InputName));
    }

    [Fact]
    public void Folders_under_text_and_json_lines_keep_their_single_extension()
    {
        Assert.Equal(".txt", ArticleSources.Extension(InputFormat.Text));
        Assert.Equal(".jsonl", ArticleSources.Extension(InputFormat.JsonLines));
        Assert.Equal([".warc", ".warc.gz"], InputDetection.Extensions(InputFormat.Warc));
    }
}

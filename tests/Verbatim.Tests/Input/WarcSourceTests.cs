using System.IO.Compression;
using System.Text;
using Verbatim.Input;
using Verbatim.Input.Warc;

namespace Verbatim.Tests.Input;

public class WarcSourceTests
{
    private static byte[] Record(string type, string uri, byte[] block, string contentType = "application/http; msgtype=response")
    {
        var header = $"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-11-02T10:00:00Z\r\n"
            + $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.UTF8.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Response(string status, string headers, byte[] body) =>
        [.. Encoding.UTF8.GetBytes($"HTTP/1.1 {status}\r\n{headers}\r\n"), .. body];

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(bytes);
        return output.ToArray();
    }

    private static readonly string Page = $"<html><head><title>Bridge</title><link rel='canonical' href='https://citypaper.test/bridge'></head><body>{HtmlArticleReaderTests.Story}</body></html>";

    /// <summary>A request, an HTML page (chunked and gzipped, as a crawler stores it), an image and a 404 page.</summary>
    private static List<byte[]> Records()
    {
        var gzipped = Gzip(Encoding.UTF8.GetBytes(Page));
        var chunked = (byte[])[.. Encoding.ASCII.GetBytes($"{100:x}\r\n"), .. gzipped[..100], .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{gzipped.Length - 100:x}\r\n"), .. gzipped[100..], .. "\r\n0\r\n\r\n"u8];
        return
        [
            Record("warcinfo", "", "software: test\r\n"u8.ToArray(), "application/warc-fields"),
            Record("request", "https://citypaper.test/latest", "GET /latest HTTP/1.1\r\nHost: citypaper.test\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
            Record("response", "https://citypaper.test/latest", Response("200 OK",
                "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked)),
            Record("response", "https://citypaper.test/logo.png", Response("200 OK", "Content-Type: image/png\r\n", [0x89, 0x50, 0x4E, 0x47])),
            Record("response", "https://citypaper.test/gone", Response("404 Not Found", "Content-Type: text/html\r\n", "<p>Not found.</p>"u8.ToArray())),
            Record("response", "https://citypaper.test/plain", Response("200 OK", "Content-Type: text/html\r\n", "<html><body><main><p>Short news.</p></main></body></html>"u8.ToArray())),
        ];
    }

    private static List<ArticleItem> Read(byte[] archive, string name) =>
        new WarcSource(() => new MemoryStream(archive), name).Read().ToList();

    private static void AssertTheTwoPages(List<ArticleItem> items, string name)
    {
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.True(i.Succeeded, i.FailureReason));
        Assert.Equal([name + "#3", name + "#6"], items.Select(i => i.InputName));
        var page = items[0].Article!;
        Assert.Contains("It was worth the wait.", page.Text);
        Assert.Equal(("https://citypaper.test/bridge", "Bridge"), (page.Metadata.Id, page.Metadata.Title));
        var plain = items[1].Article!.Metadata;
        Assert.Equal(("https://citypaper.test/plain", "https://citypaper.test/plain"), (plain.Id, plain.Url));
        Assert.Equal(new DateOnly(2024, 11, 2), plain.Published);   // the crawl date when the page gives none
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 10, 0, 0, TimeSpan.Zero), plain.PublishedAt);
    }

    [Fact]
    public void Plain_warc_gives_html_responses_and_skips_the_rest()
    {
        AssertTheTwoPages(Read([.. Records().SelectMany(r => r)], "crawl.warc"), "crawl.warc");
    }

    [Fact]
    public void Warc_gz_with_one_member_per_record_or_one_for_the_file()
    {
        AssertTheTwoPages(Read([.. Records().SelectMany(Gzip)], "crawl.warc.gz"), "crawl.warc.gz");
        AssertTheTwoPages(Read(Gzip([.. Records().SelectMany(r => r)]), "whole.warc.gz"), "whole.warc.gz");
    }

    [Fact]
    public void A_file_on_disk_is_read_by_path()
    {
        using var dir = new TempFolder();
        var path = dir.Bytes("crawl.warc.gz", [.. Records().SelectMany(Gzip)]);
        Assert.Equal(2, new WarcSource(path).Read().Count(i => i.Succeeded));
    }

    [Fact]
    public void Truncated_warc_gz_fails_after_the_records_before_the_cut()
    {
        var members = Records().Select(Gzip).ToList();
        byte[] archive = [.. members.Take(5).SelectMany(m => m), .. members[5][..(members[5].Length / 2)]];
        var items = Read(archive, "cut.warc.gz");
        Assert.Equal(2, items.Count);
        Assert.True(items[0].Succeeded);
        Assert.False(items[1].Succeeded);
        Assert.Equal("cut.warc.gz", items[1].InputName);
        Assert.Matches("truncated|corrupt|end of stream", items[1].FailureReason!);
    }

    [Fact]
    public void Truncated_plain_record_and_non_warc_data_fail_with_reasons()
    {
        var records = Records();
        byte[] cut = [.. records.Take(3).SelectMany(r => r), .. records[3][..40]];
        var items = Read(cut, "cut.warc");
        Assert.True(items[0].Succeeded);
        Assert.Equal("record 4: truncated in its headers", items[1].FailureReason);

        byte[] shortBlock = [.. records.Take(3).SelectMany(r => r), .. records[5][..^30]];
        Assert.Equal("record 4: truncated (", Read(shortBlock, "x")[1].FailureReason![..21]);

        Assert.Equal("record 1: not a WARC record (it starts with \"<html>\")", Assert.Single(Read("<html>\n"u8.ToArray(), "x")).FailureReason);
    }
}

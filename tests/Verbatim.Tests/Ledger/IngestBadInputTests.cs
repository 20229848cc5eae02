using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Verbatim.Cli;
using Verbatim.Ledger.Storage;

namespace Verbatim.Tests.Ledger;

/// <summary>
/// A batch with bad documents in it: an HTML page with no article, a truncated WARC.gz, a feed
/// with broken XML and an unreachable URL. Each is reported with its name and reason, the good
/// documents around them are stored, and the run ends with exit code 1 and an honest summary.
/// </summary>
public sealed class IngestBadInputTests
{
    private const string Story = """
        The harbour authority said on Tuesday that the north pier would stay closed until the end of the month.

        “We will not reopen it until the engineers sign off,” said Marta Lindqvist, the authority’s director.
        """;

    [SkippableTheory]
    [InlineData(LedgerTarget.Sqlite)]
    [InlineData(LedgerTarget.Postgres)]
    public void Bad_documents_are_reported_and_the_batch_completes(string engine)
    {
        var folder = Path.Combine(Path.GetTempPath(), "verbatim-badbatch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var target = LedgerTarget.Create(engine);
        var db = target.Db;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a-good.txt"), Story);
            File.WriteAllText(Path.Combine(folder, "b-empty-page.html"), "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
            File.WriteAllBytes(Path.Combine(folder, "c-crawl.warc.gz"), TruncatedGzip());
            File.WriteAllText(Path.Combine(folder, "d-feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Port news</title><item><title>Pier");
            File.WriteAllText(Path.Combine(folder, "e-good.html"),
                $"<html><head><title>Pier closed</title><link rel='canonical' href='https://harbour.test/pier'></head><body><article>{string.Join("", Story.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p.Trim())}</p>"))}</article></body></html>");
            string unreachable = $"http://127.0.0.1:{LoopbackPorts.Free()}/gone";

            var output = new StringWriter();
            var error = new StringWriter();
            int code = CliApp.Run(["ingest", folder, unreachable, "--db", db, "--quiet", "--published", "2025-05-06"], output, error);
            string err = error.ToString();

            Assert.Equal(ExitCodes.SomeFailed, code);
            Assert.Contains("b-empty-page.html", err);
            Assert.Contains("no article text found", err);
            Assert.Contains("c-crawl.warc.gz", err);
            Assert.Contains("d-feed.xml", err);
            Assert.Contains(unreachable, err);
            Assert.Matches(@"2 added, 0 new versions, 0 skipped, 4 failed", err);

            using var store = LedgerStore.Open(db);
            Assert.Equal(2L, store.ScalarLong("SELECT COUNT(*) FROM documents"));
            Assert.Equal(4L, store.ScalarLong("SELECT COUNT(*) FROM failures"));
            Assert.True(store.ScalarLong("SELECT COUNT(*) FROM statements") >= 2);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    /// <summary>A WARC.gz cut off in the middle of its first record.</summary>
    private static byte[] TruncatedGzip()
    {
        var record = Encoding.UTF8.GetBytes("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour.test/x\r\nContent-Length: 5000\r\n\r\n" + new string('x', 5000) + "\r\n\r\n");
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(record);
        var bytes = memory.ToArray();
        return bytes[..(bytes.Length / 2)];
    }

}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Verbatim.Tests.Ledger;

/// <summary>
/// Kills `verbatim ingest` (SIGKILL, no chance to clean up) at several points of a batch, then
/// runs it again: the ledger must end with each document once, nothing lost, and SQLite's
/// integrity check clean, exactly as if the batch had run once without interruption.
/// </summary>
public sealed class IngestCrashTests
{
    private const int Articles = 240;

    [Fact]
    public void A_killed_ingest_resumes_without_duplicates_or_losses()
    {
        var folder = Path.Combine(Path.GetTempPath(), "verbatim-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var batch = Path.Combine(folder, "batch.jsonl");
            WriteBatch(batch);
            var killed = Path.Combine(folder, "killed.db");
            foreach (int atLeast in new[] { 5, 50, 110 })
            {
                using var process = StartIngest(batch, killed);
                // Wait until the ledger holds this many documents (or the run ends), then kill it mid-batch.
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && Documents(killed) < atLeast && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
                if (!process.HasExited) process.Kill();
                process.WaitForExit();
            }
            Assert.True(Documents(killed) < Articles, "the kills came too late to interrupt the batch");
            Assert.Equal(0, Finish(batch, killed));

            var clean = Path.Combine(folder, "clean.db");
            Assert.Equal(0, Finish(batch, clean));

            Assert.Equal("ok", Scalar(killed, "PRAGMA integrity_check"));
            Assert.Equal(Articles, Documents(killed));
            Assert.Equal(0L, Scalar(killed, "SELECT COUNT(*) FROM (SELECT doc_key FROM documents GROUP BY doc_key HAVING COUNT(*) > 1) AS d"));
            foreach (var table in new[] { "statements", "speaker_mentions", "claim_points", "forecasts", "quotes", "story_bands" })
            {
                Assert.Equal(Scalar(clean, $"SELECT COUNT(*) FROM {table}"), Scalar(killed, $"SELECT COUNT(*) FROM {table}"));
            }
            Assert.Equal(Scalar(clean, "SELECT COUNT(*) FROM statement_search"), Scalar(killed, "SELECT COUNT(*) FROM statement_search"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    /// <summary>The story's articles again and again, each copy its own article (own URL, own closing line).</summary>
    private static void WriteBatch(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(Samples.Root, "samples", "story", "articles.jsonl"));
        using var writer = new StreamWriter(path);
        for (int i = 0; i < Articles; i++)
        {
            var article = JsonNode.Parse(lines[i % lines.Length])!.AsObject();
            article["id"] = $"copy-{i}";
            article["url"] = $"https://example.test/copy/{i}";
            article["text"] = article["text"]!.GetValue<string>() + $"\n\nThis is copy {i} of the story, the desk said.";
            writer.WriteLine(article.ToJsonString());
        }
    }

    private static string VerbatimDll => Path.Combine(AppContext.BaseDirectory, "verbatim.dll");

    private static Process StartIngest(string batch, string db)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { VerbatimDll, "ingest", batch, "--db", db, "--input-format", "jsonl", "--quiet", "--workers", "2" })
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Finish(string batch, string db)
    {
        using var process = StartIngest(batch, db);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static long Documents(string db) => File.Exists(db) ? TryCount(db) : 0;

    private static long TryCount(string db)
    {
        try
        {
            return (long)(Scalar(db, "SELECT COUNT(*) FROM documents") ?? 0L);
        }
        catch (SqliteException)
        {
            return 0;   // the schema is not there yet
        }
    }

    private static object? Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

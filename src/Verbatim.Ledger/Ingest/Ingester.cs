using System.Globalization;
using Verbatim.Input;
using Verbatim.Ledger.Storage;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Ledger.Ingest;

/// <summary>Counts of one ingest run, and the failures with their reasons.</summary>
public sealed class IngestSummary
{
    public int Read { get; internal set; }
    public int Added { get; internal set; }
    public int NewVersions { get; internal set; }
    public int Skipped { get; internal set; }
    public List<(string Input, string Reason)> Failures { get; } = new();
    public int Failed => Failures.Count;
}

/// <summary>
/// Loads a batch of articles into the ledger. Extraction runs on several threads; the ledger is
/// written by one, in input order, one transaction per document, so that speaker identities come
/// out the same on every run and a killed run leaves only whole documents behind. Articles the
/// ledger already holds (same key, same text) are skipped before extraction, so a re-run after a
/// crash does only the work that is left.
/// </summary>
public sealed class Ingester(LedgerStore store, ExtractionPipeline pipeline)
{
    private readonly DocumentRecorder _recorder = new(store);

    private const int AheadPerWorker = 8;

    /// <summary>Documents per transaction in a batch.</summary>
    private const int GroupSize = 64;

    /// <param name="progress">Called after each document with the number done so far.</param>
    public IngestSummary Run(IEnumerable<ArticleItem> items, int workers, Action<int>? progress = null, Action<string, string>? failed = null)
    {
        workers = Math.Max(1, workers);
        var summary = new IngestSummary();
        var held = new HashSet<(string, string)>(store.Query("SELECT doc_key, content_hash FROM documents",
            r => (r.GetString(0), r.GetString(1))));
        var inFlight = new Queue<Task<Extracted>>();
        int done = 0;
        var sinceCommit = System.Diagnostics.Stopwatch.StartNew();
        // How long the source took to give the last item: a crawl that waits on the network (half a
        // second or more, as the per-host delay makes it) gets
        // its finished documents written at once; a fast batch keeps the writer behind the workers.
        var sincePull = System.Diagnostics.Stopwatch.StartNew();
        int inGroup = 0;

        void WriteNext()
        {
            var result = inFlight.Dequeue().GetAwaiter().GetResult();
            if (inGroup == 0) store.BeginGroup();
            Write(result, summary, held, failed);
            // Commit every GroupSize documents, or sooner when documents arrive slowly (a crawl),
            // so that readers of the ledger see progress and a kill loses little.
            if (++inGroup >= GroupSize || sinceCommit.ElapsedMilliseconds > 1000)
            {
                store.CommitGroup();
                inGroup = 0;
                sinceCommit.Restart();
            }
            progress?.Invoke(++done);
        }

        try
        {
            foreach (var item in items)
            {
                summary.Read++;
                if (item.Article is not { } article)
                {
                    inFlight.Enqueue(Task.FromResult(new Extracted(item.InputName, null, null, item.FailureReason ?? "unreadable", null)));
                }
                else
                {
                    string hash = DocumentRecorder.ContentHash(article.Text);
                    string key = DocumentRecorder.KeyOf(article.Metadata, hash);
                    if (held.Contains((key, hash)))
                    {
                        inFlight.Enqueue(Task.FromResult(new Extracted(item.InputName, article, null, null, key)));
                    }
                    else
                    {
                        inFlight.Enqueue(Task.Run(() => Extract(item.InputName, article, key, hash)));
                    }
                }
                // Bounded memory: at most AheadPerWorker documents per worker are read and extracted
                // ahead of the writer, enough that a slow document does not leave the writer idle.
                bool slowSource = sincePull.ElapsedMilliseconds > 500;
                while (inFlight.Count >= workers * AheadPerWorker || (slowSource && inFlight.Count > 0 && inFlight.Peek().IsCompleted)) WriteNext();
                // The next read may wait on the network: do not hold the ledger's write lock through it.
                if (inGroup > 0 && sinceCommit.ElapsedMilliseconds > 1000)
                {
                    store.CommitGroup();
                    inGroup = 0;
                    sinceCommit.Restart();
                }
                sincePull.Restart();
            }
            while (inFlight.Count > 0) WriteNext();
            store.CommitGroup();
        }
        catch
        {
            store.AbandonGroup();
            throw;
        }
        return summary;
    }

    /// <summary>
    /// The items of <paramref name="source"/>, where a reader that throws (a parser's bug on one
    /// hostile page) ends that source with a failed item instead of ending the batch.
    /// </summary>
    public static IEnumerable<ArticleItem> Guarded(IArticleSource source)
    {
        using var items = source.Read().GetEnumerator();
        while (true)
        {
            ArticleItem? next = null;
            string? failure = null;
            try
            {
                if (!items.MoveNext()) yield break;
                next = items.Current;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = $"unreadable: {e.GetType().Name}: {e.Message}";
            }
            if (failure is not null)
            {
                yield return ArticleItem.Failed(source.ToString() ?? "input", failure);
                yield break;
            }
            yield return next!;
        }
    }

    private sealed record Extracted(string Input, Article? Article, PreparedDocument? Document, string? Failure, string? Key);

    private Extracted Extract(string input, Article article, string key, string hash)
    {
        try
        {
            return new Extracted(input, article, DocumentRecorder.Prepare(article, pipeline.Process(article.Text, article.Metadata), key, hash), null, key);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Extracted(input, article, null, $"extraction failed: {e.GetType().Name}: {e.Message}", key);
        }
    }

    private void Write(Extracted result, IngestSummary summary, HashSet<(string, string)> held, Action<string, string>? failed)
    {
        if (result.Failure is not null)
        {
            Fail(result.Input, result.Failure, summary, failed);
            return;
        }
        if (result.Document is null)
        {
            summary.Skipped++;
            return;
        }
        try
        {
            var (outcome, _) = _recorder.Record(result.Document, result.Input);
            switch (outcome)
            {
                case RecordOutcome.Added: summary.Added++; break;
                case RecordOutcome.NewVersion: summary.NewVersions++; break;
                default: summary.Skipped++; break;
            }
            held.Add((result.Key!, result.Document.ContentHash));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            Fail(result.Input, $"could not be stored: {e.Message}", summary, failed);
        }
    }

    private void Fail(string input, string reason, IngestSummary summary, Action<string, string>? failed)
    {
        summary.Failures.Add((input, reason));
        failed?.Invoke(input, reason);
        store.Execute("INSERT INTO failures (input_name, reason, failed_at) VALUES (@i, @r, @t)",
            ("@i", input), ("@r", reason), ("@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
    }

    /// <summary>Re-extracts stored documents with this build (after an upgrade); returns how many were redone.</summary>
    public int Reprocess(bool all, Action<int>? progress = null)
    {
        var rows = store.Query($"SELECT id, doc_key, text, title, published, source, url, published_at FROM documents {(all ? "" : "WHERE extractor <> @x")} ORDER BY id",
            r => (Id: r.GetInt64(0), Key: r.GetString(1), Text: r.GetString(2), Title: Str(r, 3), Published: Str(r, 4), Source: Str(r, 5), Url: Str(r, 6), PublishedAt: Str(r, 7)),
            ("@x", DocumentRecorder.ExtractorVersion));
        int done = 0;
        foreach (var row in rows)
        {
            var metadata = new DocumentMetadata(row.Key, row.Title,
                row.Published is { } p ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                row.Source, row.Url,
                row.PublishedAt is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture) : null);
            _recorder.Rerecord(row.Id, row.Key, new Article(metadata, row.Text), pipeline.Process(row.Text, metadata));
            progress?.Invoke(++done);
        }
        return done;
    }

    private static string? Str(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

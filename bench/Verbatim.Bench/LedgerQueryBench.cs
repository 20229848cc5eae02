using System.Diagnostics;
using System.Globalization;
using Verbatim.Input;
using Verbatim.Ledger.Ingest;
using Verbatim.Ledger.Queries;
using Verbatim.Ledger.Storage;
using Verbatim.Pipeline;

namespace Verbatim.Bench;

/// <summary>
/// Issue 4's query measure: on a ledger of a million statements, the 95th percentile of one
/// speaker's quotes and of a full-text search. The ledger is built by ingesting a corpus for real
/// and then multiplying its documents and statements in SQL (new documents and ids, the same
/// texts and speakers), so the indexes hold a million rows as an ingest would leave them.
///   usage: ledger-queries [--db FILE|postgres://…] [--corpus DIR] [--statements N] [--queries N]
/// </summary>
internal static class LedgerQueryBench
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var corpus = Arg("--corpus", "../shared/corpora/polnear/train/text");
        var db = Arg("--db", Path.Combine(Path.GetTempPath(), "verbatim-bench-ledger.db"));
        long target = long.Parse(Arg("--statements", "1000000"), CultureInfo.InvariantCulture);
        int queries = int.Parse(Arg("--queries", "300"), CultureInfo.InvariantCulture);

        if (!LedgerStore.IsPostgresUrl(db))
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        }
        using var store = LedgerStore.Open(db);
        var clock = Stopwatch.StartNew();
        var summary = new Ingester(store, ExtractionPipeline.CreateDefault())
            .Run(new ArticleSources([corpus], InputFormat.Text).Read(), Environment.ProcessorCount);
        Console.WriteLine($"ingested {summary.Added} documents in {clock.Elapsed.TotalSeconds:F1} s");
        Multiply(store, target);
        long statements = store.ScalarLong("SELECT COUNT(*) FROM statements")!.Value;
        Console.WriteLine($"ledger: {statements:N0} statements, {store.ScalarLong("SELECT COUNT(*) FROM documents"):N0} documents ({clock.Elapsed.TotalSeconds:F0} s to build)");

        var q = new LedgerQueries(store);
        var random = new Random(7);
        var speakers = store.Query("SELECT speaker_id FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id", r => r.GetInt64(0));
        var words = Vocabulary(store);
        Measure("one speaker's quotes (quotes --speaker ID)", queries, () => q.Quotes(speaker: speakers[random.Next(speakers.Count)].ToString(CultureInfo.InvariantCulture)));
        Measure("full-text search (quotes --search WORD, a page of 50)", queries, () => q.Quotes(search: words[random.Next(words.Count)]));
        Measure("full-text search, a page of 100", queries, () => q.Quotes(search: words[random.Next(words.Count)], limit: 100));
        Measure("full-text search, two words", queries, () => q.Quotes(search: words[random.Next(words.Count)] + " " + words[random.Next(words.Count)]));
        return 0;
    }

    /// <summary>Copies documents with their statements until the ledger holds <paramref name="target"/> statements.</summary>
    private static void Multiply(LedgerStore store, long target)
    {
        long baseDocs = store.ScalarLong("SELECT MAX(id) FROM documents")!.Value;
        long perCopy = store.ScalarLong("SELECT COUNT(*) FROM statements")!.Value;
        long copies = Math.Max(0, (target - perCopy + perCopy - 1) / perCopy);
        for (long copy = 1; copy <= copies; copy++)
        {
            store.InTransaction(() =>
            {
                long offset = copy * baseDocs;
                // A day per copy, so dates spread like an archive's.
                store.Execute("""
                    INSERT INTO documents (id, doc_key, version, is_latest, content_hash, input_name, url, title, source, author, published,
                                           published_at, story_id, signature, text, extraction, extractor, ingested_at)
                    SELECT id + @o, doc_key || '#' || @c, version, is_latest, content_hash, input_name, url, title, source, author,
                           @day, published_at, NULL, '', '', '', extractor, ingested_at
                    FROM documents WHERE id <= @b
                    """, ("@o", offset), ("@c", copy), ("@day", new DateOnly(2020, 1, 1).AddDays((int)copy).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("@b", baseDocs));
                store.Execute("""
                    INSERT INTO statements (document_id, attribution, quote_id, speaker_id, mention_id, kind, text, content_start, content_end,
                                            source_start, source_end, cue_start, cue_end, nested_in, confidence, extractor)
                    SELECT document_id + @o, attribution, quote_id, speaker_id, NULL, kind, text, content_start, content_end,
                           source_start, source_end, cue_start, cue_end, nested_in, confidence, extractor
                    FROM statements WHERE document_id <= @b
                    """, ("@o", offset), ("@b", baseDocs));
            });
        }
        if (store.Engine == LedgerEngine.Sqlite)
        {
            store.Execute("DELETE FROM statement_search");
            store.Execute("INSERT INTO statement_search (rowid, text) SELECT id, text FROM statements");
            store.Execute("ANALYZE");
        }
        else
        {
            store.Execute("ANALYZE");
        }
    }

    /// <summary>Words of the statements, each as likely as its share of them: what people search is what the news says.</summary>
    private static List<string> Vocabulary(LedgerStore store)
    {
        var texts = store.Query("SELECT text FROM statements WHERE id % 97 = 0 LIMIT 2000", r => r.GetString(0));
        return texts.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(w => new string(w.Where(char.IsLetter).ToArray()))
            .Where(w => w.Length >= 5)
            .ToList();
    }

    private static void Measure(string name, int count, Action query)
    {
        for (int i = 0; i < 10; i++) query();   // warm the caches and the JIT
        var times = new List<double>(count);
        for (int i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            query();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: p50 {times[count / 2]:F1} ms, p95 {times[(int)(count * 0.95)]:F1} ms, max {times[^1]:F1} ms ({count} queries)");
    }
}

namespace Verbatim.Ledger.Storage;

/// <summary>
/// The ledger's schema as numbered migrations. A ledger records the versions applied in
/// schema_migrations; opening it applies the missing ones in order, each in its own transaction,
/// so an old ledger file is upgraded in place and a new one is built from nothing. Never edit a
/// released migration: add the next one.
/// </summary>
internal static class Migrations
{
    private sealed record Migration(int Version, string Description, Func<SqlDialect, LedgerEngine, IEnumerable<string>> Statements);

    private static readonly Migration[] s_all =
    [
        new(1, "documents, speakers, statements, quotes, claims, forecasts", Initial),
    ];

    public static int Latest => s_all[^1].Version;

    public static void Apply(LedgerStore store)
    {
        store.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        long current = store.ScalarLong("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0;
        if (current > Latest)
        {
            throw new LedgerException($"{store.DisplayName}: schema version {current} is newer than this verbatim knows ({Latest}); upgrade verbatim");
        }
        foreach (var migration in s_all.Where(m => m.Version > current))
        {
            store.InTransaction(() =>
            {
                foreach (var statement in migration.Statements(store.Sql, store.Engine))
                {
                    store.Execute(store.Sql.Expand(statement));
                }
                store.Execute("INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)",
                    ("@v", migration.Version), ("@d", migration.Description), ("@t", DateTimeOffset.UtcNow.ToString("O")));
            });
        }
    }

    private static IEnumerable<string> Initial(SqlDialect sql, LedgerEngine engine)
    {
        // One row per version of an article. doc_key is what identifies the article across
        // versions (its URL, else the id it came with); the same key with other text is a new
        // version, and the same key with the same text is the same document.
        yield return """
            CREATE TABLE documents (
              id {id},
              doc_key TEXT NOT NULL,
              version INTEGER NOT NULL,
              is_latest INTEGER NOT NULL,
              content_hash TEXT NOT NULL,
              input_name TEXT,
              url TEXT, title TEXT, source TEXT, author TEXT,
              published TEXT, published_at TEXT,
              story_id {bigint},
              signature TEXT,
              text TEXT NOT NULL,
              extraction {blob} NOT NULL,
              extractor TEXT NOT NULL,
              ingested_at TEXT NOT NULL,
              UNIQUE (doc_key, content_hash))
            """;
        yield return "CREATE INDEX documents_key ON documents (doc_key, is_latest)";
        yield return "CREATE INDEX documents_published ON documents (published)";
        yield return "CREATE INDEX documents_story ON documents (story_id)";
        // MinHash bands of each document's shingles: two documents that share a band are
        // candidates for the same wire story, checked on their full signatures.
        yield return "CREATE TABLE story_bands (band TEXT NOT NULL, document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE)";
        yield return "CREATE INDEX story_bands_band ON story_bands (band)";
        yield return "CREATE INDEX story_bands_document ON story_bands (document_id)";

        yield return """
            CREATE TABLE speakers (
              id {id},
              name TEXT NOT NULL,
              type TEXT NOT NULL,
              surname TEXT,
              given TEXT,
              created_at TEXT NOT NULL)
            """;
        yield return "CREATE INDEX speakers_surname ON speakers (surname)";
        // Which speaker a name stands for in the whole ledger. Pinned rows come from a person's
        // correction (speakers merge / split) and win over what the matcher would decide.
        yield return """
            CREATE TABLE speaker_names (
              name_key TEXT PRIMARY KEY,
              speaker_id {bigint} NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
              pinned INTEGER NOT NULL DEFAULT 0)
            """;
        // The speaker as one document names it, with the title and affiliation it gives then.
        yield return """
            CREATE TABLE speaker_mentions (
              id {id},
              document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              speaker_id {bigint} NOT NULL REFERENCES speakers(id),
              local_id TEXT NOT NULL,
              name TEXT NOT NULL, name_key TEXT NOT NULL,
              title TEXT, affiliation TEXT, type TEXT NOT NULL)
            """;
        yield return "CREATE INDEX speaker_mentions_speaker ON speaker_mentions (speaker_id)";
        yield return "CREATE INDEX speaker_mentions_document ON speaker_mentions (document_id)";

        // The same words across outlets: one quote, many statements (sightings).
        yield return """
            CREATE TABLE quotes (
              id {id},
              quote_key TEXT NOT NULL UNIQUE,
              text TEXT NOT NULL,
              kind TEXT NOT NULL)
            """;
        yield return """
            CREATE TABLE statements (
              id {id},
              document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              attribution TEXT NOT NULL,
              quote_id {bigint} NOT NULL REFERENCES quotes(id),
              speaker_id {bigint} REFERENCES speakers(id),
              mention_id {bigint} REFERENCES speaker_mentions(id),
              kind TEXT NOT NULL,
              text TEXT NOT NULL,
              content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
              source_start INTEGER, source_end INTEGER,
              cue_start INTEGER, cue_end INTEGER,
              nested_in TEXT,
              confidence {real} NOT NULL,
              extractor TEXT NOT NULL)
            """;
        yield return "CREATE INDEX statements_document ON statements (document_id)";
        yield return "CREATE INDEX statements_speaker ON statements (speaker_id, document_id)";
        yield return "CREATE INDEX statements_quote ON statements (quote_id)";
        if (engine == LedgerEngine.Sqlite)
        {
            // rowid = statements.id; rows are added and removed with their statements.
            yield return "CREATE VIRTUAL TABLE statement_search USING fts5(text, tokenize = 'porter unicode61')";
        }
        else
        {
            yield return "ALTER TABLE statements ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED";
            yield return "CREATE INDEX statements_search ON statements USING GIN (search)";
        }

        // A claim series: the figures given about one subject (what is counted, in what unit, per what).
        yield return "CREATE TABLE claims (id {id}, subject_key TEXT NOT NULL UNIQUE, subject TEXT NOT NULL)";
        yield return """
            CREATE TABLE claim_points (
              id {id},
              claim_id {bigint} NOT NULL REFERENCES claims(id),
              document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              statement_id {bigint} REFERENCES statements(id) ON DELETE CASCADE,
              speaker_id {bigint} REFERENCES speakers(id),
              value {real}, low {real}, high {real},
              bound TEXT NOT NULL, trend TEXT,
              unit TEXT, counted TEXT, per TEXT,
              text TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
              stated_on TEXT)
            """;
        yield return "CREATE INDEX claim_points_claim ON claim_points (claim_id, stated_on)";
        yield return "CREATE INDEX claim_points_document ON claim_points (document_id)";

        yield return """
            CREATE TABLE forecasts (
              id {id},
              forecast_key TEXT NOT NULL,
              document_id {bigint} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
              statement_id {bigint} REFERENCES statements(id) ON DELETE CASCADE,
              speaker_id {bigint} REFERENCES speakers(id),
              speaker_name TEXT NOT NULL,
              modality TEXT NOT NULL,
              claim TEXT NOT NULL,
              horizon TEXT, horizon_from TEXT, horizon_to TEXT,
              due TEXT,
              stated_on TEXT)
            """;
        yield return "CREATE INDEX forecasts_due ON forecasts (due)";
        yield return "CREATE INDEX forecasts_key ON forecasts (forecast_key)";
        // How a forecast turned out, kept by the forecast's key so that it survives a reprocess.
        yield return """
            CREATE TABLE forecast_outcomes (
              forecast_key TEXT PRIMARY KEY,
              outcome TEXT NOT NULL,
              evidence TEXT,
              note TEXT,
              resolved_at TEXT NOT NULL)
            """;

        // Inputs that could not be read or extracted, with the reason, for the summary and later retries.
        yield return "CREATE TABLE failures (id {id}, input_name TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL)";
    }
}

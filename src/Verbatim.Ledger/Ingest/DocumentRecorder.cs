using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Verbatim.Attribution;
using Verbatim.Forecasts;
using Verbatim.Input;
using Verbatim.Ledger.Identity;
using Verbatim.Ledger.Storage;
using Verbatim.Output;
using Verbatim.Quantities;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Ledger.Ingest;

/// <summary>What happened to one input document.</summary>
public enum RecordOutcome
{
    Added,
    /// <summary>A new version of an article the ledger holds (same URL or id, other text).</summary>
    NewVersion,
    /// <summary>The ledger holds this very text under this key already.</summary>
    Skipped,
}

/// <summary>
/// Everything the ledger stores about one document, computed off the writer thread: hashes, the
/// JSON of the extraction, the story fingerprint, and each statement, figure and forecast in the
/// rows they become. The single writer then only runs SQL.
/// </summary>
public sealed class PreparedDocument
{
    internal PreparedDocument(Article article, Document document, string? key = null, string? contentHash = null)
    {
        Article = article;
        Document = document;
        ContentHash = contentHash ?? DocumentRecorder.ContentHash(article.Text);
        Key = key ?? DocumentRecorder.KeyOf(article.Metadata, ContentHash);
        Signature = StoryFingerprint.Signature(document);
        Bands = StoryFingerprint.Bands(Signature).ToArray();
        Extraction = StoredJson.Pack(DocumentJson.ToJson(document, indented: false));
        var attributions = document.Get<AttributionLayer>()?.Items ?? [];
        AttributionIds = OutputIds.For(attributions);
        Statements = attributions.Where(a => a.Content.Length > 0).Select(a =>
        {
            string text = string.Join(" … ", a.Content.Select(span => document[span]));
            return new PreparedStatement(a, text, DocumentRecorder.QuoteKey(text), DocumentJson.KindName(a.Kind));
        }).ToList();
        Claims = (document.Get<QuantityLayer>()?.Items ?? []).Select(q => (Quantity: q, Subject: ClaimSubject.Of(q)))
            .Where(x => x.Subject is not null).Select(x => (x.Quantity, x.Subject!.Value)).ToList();
    }

    public Article Article { get; }
    public Document Document { get; }
    public string ContentHash { get; }
    public string Key { get; }
    internal ulong[] Signature { get; }
    internal string[] Bands { get; }
    /// <summary>The extraction JSON, packed as the ledger stores it (<see cref="StoredJson"/>).</summary>
    internal byte[] Extraction { get; }
    internal Dictionary<int, string> AttributionIds { get; }
    internal List<PreparedStatement> Statements { get; }
    internal List<(Quantity Quantity, (string Key, string Text) Subject)> Claims { get; }
}

internal sealed record PreparedStatement(Attribution.Attribution Attribution, string Text, string QuoteKey, string Kind);

/// <summary>
/// Writes one extracted document and every fact drawn from it into the ledger, in one
/// transaction: a kill at any moment leaves either all of the document or none of it, and the
/// next run picks up where this one stopped. Offsets are stored in Unicode code points, as the
/// JSON output gives them.
/// </summary>
public sealed class DocumentRecorder(LedgerStore store)
{
    private readonly SpeakerMatcher _speakers = new(store);

    /// <summary>Names this build of the extractor: the version of the engine and a digest of its model.</summary>
    public static string ExtractorVersion { get; } = ComputeExtractorVersion();

    private static string ComputeExtractorVersion()
    {
        var assembly = typeof(AttributionStage).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0";
        int plus = version.IndexOf('+');
        if (plus > 0) version = version[..plus];
        var model = Convert.ToHexStringLower(SHA256.HashData(AttributionModel.EmbeddedBytes()))[..12];
        return $"verbatim {version} model {model}";
    }

    public static string ContentHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>What identifies an article across its versions: its URL, else its id, else its text.</summary>
    public static string KeyOf(DocumentMetadata metadata, string contentHash) =>
        !string.IsNullOrWhiteSpace(metadata.Url) ? "url:" + metadata.Url.Trim()
        : !string.IsNullOrWhiteSpace(metadata.Id) ? "id:" + metadata.Id.Trim()
        : "text:" + contentHash;

    /// <summary>Whether the ledger holds this text under this key (checked before extracting, to skip work).</summary>
    public bool Holds(string docKey, string contentHash) =>
        store.ScalarLong("SELECT id FROM documents WHERE doc_key = @k AND content_hash = @h", ("@k", docKey), ("@h", contentHash)) is not null;

    /// <summary>Computes what <see cref="Record(PreparedDocument, string?)"/> stores; thread-safe, for the extraction workers.</summary>
    /// <param name="key">The article's key and <paramref name="contentHash"/> its text's hash, when the caller has them already (the ingest checks them before extracting).</param>
    public static PreparedDocument Prepare(Article article, Document document, string? key = null, string? contentHash = null) =>
        new(article, document, key, contentHash);

    public (RecordOutcome Outcome, long DocumentId) Record(Article article, Document document, string? inputName) =>
        Record(Prepare(article, document), inputName);

    public (RecordOutcome Outcome, long DocumentId) Record(PreparedDocument prepared, string? inputName)
    {
        var article = prepared.Article;
        var document = prepared.Document;
        string hash = prepared.ContentHash;
        string key = prepared.Key;
        return store.InTransaction(() =>
        {
            if (store.ScalarLong("SELECT id FROM documents WHERE doc_key = @k AND content_hash = @h", ("@k", key), ("@h", hash)) is { } existing)
            {
                return (RecordOutcome.Skipped, existing);
            }
            long previousVersion = store.ScalarLong("SELECT COALESCE(MAX(version), 0) FROM documents WHERE doc_key = @k", ("@k", key)) ?? 0;
            store.Execute("UPDATE documents SET is_latest = 0 WHERE doc_key = @k", ("@k", key));
            var meta = article.Metadata;
            long id = store.Insert("""
                INSERT INTO documents (doc_key, version, is_latest, content_hash, input_name, url, title, source, author, published, published_at,
                                       signature, text, extraction, extractor, ingested_at)
                VALUES (@key, @version, 1, @hash, @input, @url, @title, @source, @author, @published, @published_at,
                        @signature, @text, @extraction, @extractor, @now)
                RETURNING id
                """,
                ("@key", key), ("@version", previousVersion + 1), ("@hash", hash), ("@input", inputName),
                ("@url", meta.Url), ("@title", meta.Title), ("@source", meta.Source), ("@author", meta.Author),
                ("@published", meta.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("@published_at", meta.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)),
                ("@signature", StoryFingerprint.Encode(prepared.Signature)), ("@text", document.Text),
                ("@extraction", prepared.Extraction), ("@extractor", ExtractorVersion),
                ("@now", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            LinkStory(id, prepared.Signature, prepared.Bands);
            RecordFacts(id, prepared, meta.Published);
            return (previousVersion > 0 ? RecordOutcome.NewVersion : RecordOutcome.Added, id);
        });
    }

    /// <summary>Replaces the facts drawn from a stored document by those of a fresh extraction (reprocess).</summary>
    public void Rerecord(long documentId, string docKey, Article article, Document document)
    {
        var prepared = new PreparedDocument(article, document, docKey);
        store.InTransaction(() =>
        {
            DeleteFacts(store, documentId);
            store.Execute("UPDATE documents SET extraction = @e, extractor = @x WHERE id = @id",
                ("@e", prepared.Extraction), ("@x", ExtractorVersion), ("@id", documentId));
            RecordFacts(documentId, prepared, article.Metadata.Published);
        });
    }

    /// <summary>Removes what was drawn from a document (not the document itself); quotes left with no sighting go too.</summary>
    internal static void DeleteFacts(LedgerStore store, long documentId)
    {
        var quoteIds = store.Query("SELECT DISTINCT quote_id FROM statements WHERE document_id = @d", r => r.GetInt64(0), ("@d", documentId));
        if (store.Engine == LedgerEngine.Sqlite)
        {
            store.Execute("DELETE FROM statement_search WHERE rowid IN (SELECT id FROM statements WHERE document_id = @d)", ("@d", documentId));
        }
        store.Execute("DELETE FROM claim_points WHERE document_id = @d", ("@d", documentId));
        store.Execute("DELETE FROM forecasts WHERE document_id = @d", ("@d", documentId));
        store.Execute("DELETE FROM statements WHERE document_id = @d", ("@d", documentId));
        store.Execute("DELETE FROM speaker_mentions WHERE document_id = @d", ("@d", documentId));
        foreach (var q in quoteIds)
        {
            store.Execute("DELETE FROM quotes WHERE id = @q AND NOT EXISTS (SELECT 1 FROM statements WHERE quote_id = @q)", ("@q", q));
        }
    }

    private void LinkStory(long id, ulong[] signature, string[] bands)
    {
        long story = id;
        // All bands in one statement each way: sixteen round trips per document cost more than the look-ups.
        var bandParameters = bands.Select((b, i) => ("@b" + i.ToString(CultureInfo.InvariantCulture), (object?)b)).ToArray();
        string bandList = string.Join(", ", bandParameters.Select(p => p.Item1));
        var candidates = new SortedSet<long>(store.Query($"SELECT DISTINCT document_id FROM story_bands WHERE band IN ({bandList})",
            r => r.GetInt64(0), bandParameters));
        double best = 0;
        foreach (var other in candidates)
        {
            var row = store.Query("SELECT signature, story_id FROM documents WHERE id = @id",
                r => (Signature: r.GetString(0), Story: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), ("@id", other)).FirstOrDefault();
            if (row.Signature is null) continue;
            double similarity = StoryFingerprint.Similarity(signature, StoryFingerprint.Decode(row.Signature));
            if (similarity >= StoryFingerprint.SameStory && similarity > best)
            {
                best = similarity;
                story = row.Story ?? other;
            }
        }
        store.Execute("UPDATE documents SET story_id = @s WHERE id = @id", ("@s", story), ("@id", id));
        store.Execute($"INSERT INTO story_bands (band, document_id) VALUES {string.Join(", ", bandParameters.Select(p => $"({p.Item1}, @d)"))}",
            [.. bandParameters, ("@d", id)]);
    }

    private void RecordFacts(long documentId, PreparedDocument prepared, DateOnly? publishedDay)
    {
        var document = prepared.Document;
        var speakerLayer = document.Get<SpeakerLayer>();
        var ids = prepared.AttributionIds;
        string published = publishedDay?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

        // Speakers first: one mention row per document speaker, tied to its ledger identity.
        var mentionIds = new Dictionary<string, (long Mention, long Speaker)>(StringComparer.Ordinal);
        var docSpeakers = speakerLayer?.Speakers ?? [];
        foreach (var speaker in docSpeakers)
        {
            var match = _speakers.Resolve(speaker, documentId, docSpeakers);
            long mention = store.Insert("""
                INSERT INTO speaker_mentions (document_id, speaker_id, local_id, name, name_key, title, affiliation, type)
                VALUES (@d, @s, @l, @n, @k, @t, @a, @ty) RETURNING id
                """,
                ("@d", documentId), ("@s", match.SpeakerId), ("@l", speaker.Id), ("@n", speaker.Name), ("@k", match.NameKey),
                ("@t", speaker.Title), ("@a", speaker.Affiliation), ("@ty", SpeakerMatcher.TypeName(speaker.Type)));
            mentionIds[speaker.Id] = (mention, match.SpeakerId);
        }

        var statementIds = new Dictionary<int, (long Statement, long? Speaker)>();
        foreach (var (a, text, quoteKey, kind) in prepared.Statements)
        {
            long quoteId = QuoteFor(quoteKey, text, kind);
            (long Mention, long Speaker)? who = speakerLayer is not null && speakerLayer.ByAttribution.TryGetValue(a.Id, out var sp) && mentionIds.TryGetValue(sp.Id, out var m) ? m : null;
            long statementId = store.Insert("""
                INSERT INTO statements (document_id, attribution, quote_id, speaker_id, mention_id, kind, text, content_start, content_end,
                                        source_start, source_end, cue_start, cue_end, nested_in, confidence, extractor)
                VALUES (@d, @a, @q, @s, @m, @k, @t, @cs, @ce, @ss, @se, @us, @ue, @n, @c, @x) RETURNING id
                """,
                ("@d", documentId), ("@a", ids[a.Id]), ("@q", quoteId), ("@s", who?.Speaker), ("@m", who?.Mention), ("@k", kind), ("@t", text),
                ("@cs", document.ToCodePoint(a.Content[0].Start)), ("@ce", document.ToCodePoint(a.Content[^1].End)),
                ("@ss", a.Source is { } src ? document.ToCodePoint(src.Start) : null), ("@se", a.Source is { } src2 ? document.ToCodePoint(src2.End) : null),
                ("@us", a.Cue is { } cue ? document.ToCodePoint(cue.Start) : null), ("@ue", a.Cue is { } cue2 ? document.ToCodePoint(cue2.End) : null),
                ("@n", a.NestedIn is int outer && ids.TryGetValue(outer, out var outerId) ? outerId : null),
                ("@c", a.Confidence), ("@x", ExtractorVersion));
            statementIds[a.Id] = (statementId, who?.Speaker);
        }
        if (store.Engine == LedgerEngine.Sqlite && statementIds.Count > 0)
        {
            // The search index takes the document's statements in one statement, not one each.
            store.Execute("INSERT INTO statement_search (rowid, text) SELECT id, text FROM statements WHERE document_id = @d", ("@d", documentId));
        }

        foreach (var (q, subject) in prepared.Claims)
        {
            long claimId = ClaimFor(subject.Key, subject.Text);
            (long Statement, long? Speaker)? statement = q.Attribution is int aid && statementIds.TryGetValue(aid, out var st) ? st : null;
            store.Execute("""
                INSERT INTO claim_points (claim_id, document_id, statement_id, speaker_id, value, low, high, bound, trend, unit, counted, per,
                                          text, start_offset, end_offset, stated_on)
                VALUES (@c, @d, @st, @sp, @v, @lo, @hi, @b, @tr, @u, @co, @pe, @t, @s, @e, @on)
                """,
                ("@c", claimId), ("@d", documentId), ("@st", statement?.Statement), ("@sp", statement?.Speaker),
                ("@v", q.Value), ("@lo", q.Low), ("@hi", q.High), ("@b", q.Bound.ToString().ToLowerInvariant()),
                ("@tr", q.Trend == QuantityTrend.None ? null : q.Trend.ToString().ToLowerInvariant()),
                ("@u", q.Unit), ("@co", q.Counted), ("@pe", q.Per), ("@t", document[q.Span]),
                ("@s", document.ToCodePoint(q.Span.Start)), ("@e", document.ToCodePoint(q.Span.End)), ("@on", published.Length > 0 ? published : null));
        }

        string docKey = prepared.Key;
        foreach (var f in document.Get<ForecastLayer>()?.Items ?? [])
        {
            (long Statement, long? Speaker)? statement = statementIds.TryGetValue(f.Attribution, out var st) ? st : null;
            string forecastKey = ContentHash(docKey + "\n" + SpeakerMatcher.Fold(f.Speaker) + "\n" + SpeakerMatcher.Fold(f.Claim))[..32];
            store.Execute("""
                INSERT INTO forecasts (forecast_key, document_id, statement_id, speaker_id, speaker_name, modality, claim, horizon, horizon_from, horizon_to, due, stated_on)
                VALUES (@k, @d, @st, @sp, @n, @m, @c, @h, @hf, @ht, @due, @on)
                """,
                ("@k", forecastKey), ("@d", documentId), ("@st", statement?.Statement), ("@sp", statement?.Speaker), ("@n", f.Speaker),
                ("@m", f.Modality), ("@c", f.Claim), ("@h", f.Horizon is { } h ? document[h.Span] : null),
                ("@hf", Day(f.Horizon?.From ?? f.Horizon?.Value)), ("@ht", Day(f.Horizon?.To ?? f.Horizon?.Value)),
                ("@due", Day(f.Due)), ("@on", published.Length > 0 ? published : null));
        }
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private long QuoteFor(string key, string text, string kind)
    {
        if (store.Engine == LedgerEngine.Sqlite)
        {
            // Insert when new (one row changed), else look the existing one up.
            return store.Execute("INSERT INTO quotes (quote_key, text, kind) VALUES (@k, @t, @kind) ON CONFLICT (quote_key) DO NOTHING",
                    ("@k", key), ("@t", text), ("@kind", kind)) == 1
                ? store.LastInsertRowId()
                : store.ScalarLong("SELECT id FROM quotes WHERE quote_key = @k", ("@k", key))!.Value;
        }
        // One statement whether the quote is new or not: the no-op update makes RETURNING give the existing row's id.
        return store.ScalarLong("INSERT INTO quotes (quote_key, text, kind) VALUES (@k, @t, @kind) ON CONFLICT (quote_key) DO UPDATE SET quote_key = excluded.quote_key RETURNING id",
            ("@k", key), ("@t", text), ("@kind", kind))!.Value;
    }

    /// <summary>
    /// The same words, whatever the outlet did to their typography: letters and digits only, lower
    /// case, single spaces; curly or straight quotes, dashes and ellipses do not make a new quote.
    /// </summary>
    internal static string QuoteKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }
        return ContentHash(sb.ToString())[..32];
    }

    private long ClaimFor(string key, string subject)
    {
        if (store.ScalarLong("SELECT id FROM claims WHERE subject_key = @k", ("@k", key)) is { } id) return id;
        return store.Insert("INSERT INTO claims (subject_key, subject) VALUES (@k, @s) RETURNING id", ("@k", key), ("@s", subject));
    }
}

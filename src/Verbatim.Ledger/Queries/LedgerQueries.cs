using System.Data.Common;
using System.Globalization;
using System.Text;
using Verbatim.Ledger.Storage;

namespace Verbatim.Ledger.Queries;

public sealed record SpeakerRef(long Id, string Name);
public sealed record DocumentRef(long Id, string? Title, string? Published, string? Url, string? Source);

/// <summary>One quote: the same words, however many outlets printed them.</summary>
public sealed record QuoteRow(long Id, SpeakerRef? Speaker, string Kind, string Text, int Sightings, string? FirstSeen, IReadOnlyList<DocumentRef> Documents);

public sealed record SpeakerRow(long Id, string Name, string Type, IReadOnlyList<string> Titles, IReadOnlyList<string> Affiliations, int Quotes, string? FirstSeen, string? LastSeen);

public sealed record ClaimPoint(double? Value, double? Low, double? High, string Bound, string? Date, string? Speaker, DocumentRef Document, string Text, bool Disputed);

public sealed record ClaimSeries(long Id, string Subject, IReadOnlyList<ClaimPoint> Points);

public sealed record ForecastRow(long Id, string Speaker, string Claim, string? Due, string Status, DocumentRef Document, string? Horizon, string? Evidence);

/// <summary>The status of a forecast that nobody has resolved yet, from its due day and today.</summary>
public static class ForecastStatus
{
    public static readonly string[] Outcomes = ["came_true", "did_not", "partly", "unknowable"];
    public static readonly string[] All = ["open", "due", .. Outcomes];

    public static string Of(string? outcome, string? due, DateOnly today) =>
        outcome ?? (due is not null && string.CompareOrdinal(due, Day(today)) <= 0 ? "due" : "open");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// The questions users ask of the ledger, as SQL both engines run. Only the latest version of
/// each article counts: a corrected story replaces what the first version said.
/// </summary>
public sealed class LedgerQueries(LedgerStore store)
{
    private const string Latest = "d.is_latest = 1";

    /// <summary>The WHERE conditions of a statement query (alias s, documents d); none is true when a named speaker does not exist.</summary>
    private (List<string> Where, List<(string, object?)> Args, bool None) Filters(string? speaker, string? search, string? since, string? until, string? outlet, string? kind)
    {
        var where = new List<string> { Latest };
        var args = new List<(string, object?)>();
        if (speaker is not null)
        {
            var ids = SpeakerIds(speaker);
            if (ids.Count == 0) return (where, args, true);
            where.Add($"s.speaker_id IN ({string.Join(',', ids)})");
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Only a bare search takes the newest matches; with other filters every match is looked
            // at, or the filters would apply to a window of other outlets' or other dates' matches.
            bool bare = speaker is null && since is null && until is null && outlet is null && kind is null;
            where.Add(SearchClause("s", search, args, window: bare));
        }
        if (since is not null) { where.Add("d.published >= @since"); args.Add(("@since", since)); }
        if (until is not null) { where.Add("d.published <= @until"); args.Add(("@until", until)); }
        if (outlet is not null) { where.Add("lower(d.source) = lower(@outlet)"); args.Add(("@outlet", outlet)); }
        if (kind is not null) { where.Add("s.kind = @kind"); args.Add(("@kind", kind)); }
        return (where, args, false);
    }

    /// <summary>How the statements a search finds divide by speaker, outlet and kind (the ten largest of each).</summary>
    public IReadOnlyList<(string Facet, string Value, int Count)> Facets(string? speaker = null, string? search = null, string? since = null,
        string? until = null, string? outlet = null, string? kind = null)
    {
        var (where, args, none) = Filters(speaker, search, since, until, outlet, kind);
        if (none) return [];
        // One pass over the matching statements, counted here for all three facets.
        var rows = store.Query($"""
            SELECT sp.name, d.source, s.kind, COUNT(*) FROM statements s JOIN documents d ON d.id = s.document_id
            LEFT JOIN speakers sp ON sp.id = s.speaker_id
            WHERE {string.Join(" AND ", where)}
            GROUP BY sp.name, d.source, s.kind
            """, r => (Speaker: Str(r, 0), Outlet: Str(r, 1), Kind: r.GetString(2), Count: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)), args.ToArray());
        IEnumerable<(string, string, int)> Top(string facet, Func<(string? Speaker, string? Outlet, string Kind, int Count), string?> key) =>
            rows.Where(r => key(r) is not null).GroupBy(r => key(r)!).Select(g => (facet, g.Key, g.Sum(r => r.Count)))
                .OrderByDescending(f => f.Item3).ThenBy(f => f.Key, StringComparer.Ordinal).Take(10);
        return [.. Top("speaker", r => r.Speaker), .. Top("outlet", r => r.Outlet), .. Top("kind", r => r.Kind)];
    }

    /// <summary>Quotes per answer unless asked for more: a page a person reads.</summary>
    public const int DefaultPage = 50;

    public IReadOnlyList<QuoteRow> Quotes(string? speaker = null, string? search = null, string? since = null, string? until = null, string? outlet = null, int limit = DefaultPage,
        string? kind = null, int offset = 0, bool newestFirst = false)
    {
        var (where, args, none) = Filters(speaker, search, since, until, outlet, kind);
        var speakerIds = speaker is null ? null : SpeakerIds(speaker);
        if (none) return [];
        // The page of quotes first, in SQL (a common search word can match a large share of the
        // ledger); then every latest sighting of just those quotes.
        args.Add(("@limit", limit));
        args.Add(("@offset", Math.Max(0, offset)));
        var page = store.Query($"""
            SELECT s.quote_id, MIN(d.published) AS first_seen
            FROM statements s JOIN documents d ON d.id = s.document_id
            WHERE {string.Join(" AND ", where)}
            GROUP BY s.quote_id
            ORDER BY {(newestFirst ? "MIN(d.published) IS NULL, MIN(d.published) DESC, s.quote_id DESC" : "MIN(d.published) IS NULL, MIN(d.published), s.quote_id")}
            LIMIT @limit OFFSET @offset
            """, r => r.GetInt64(0), args.ToArray());
        if (page.Count == 0) return [];
        string pageIds = string.Join(',', page);
        // The quote's speaker: the one asked about when a speaker filter is set (a quote two
        // people said is listed under the one the question names), else the lowest id.
        string speakerChoice = speakerIds is { Count: > 0 }
            ? $"MIN(CASE WHEN s.speaker_id IN ({string.Join(',', speakerIds)}) THEN s.speaker_id END)"
            : "MIN(s.speaker_id)";
        // Per quote: its words, its speaker, how many latest documents carry it and since when.
        var heads = store.Query($"""
            SELECT g.id, g.text, g.kind, g.sightings, g.first_seen, g.speaker_id, sp.name FROM (
              SELECT q.id, q.text, q.kind, COUNT(DISTINCT s.document_id) AS sightings, MIN(d.published) AS first_seen, {speakerChoice} AS speaker_id
              FROM quotes q JOIN statements s ON s.quote_id = q.id JOIN documents d ON d.id = s.document_id
              WHERE {Latest} AND q.id IN ({pageIds})
              GROUP BY q.id, q.text, q.kind) AS g
            LEFT JOIN speakers sp ON sp.id = g.speaker_id
            """,
            r => (Id: r.GetInt64(0), Text: r.GetString(1), Kind: r.GetString(2), Sightings: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
                  FirstSeen: Str(r, 4), SpeakerId: r.IsDBNull(5) ? (long?)null : Convert.ToInt64(r.GetValue(5), CultureInfo.InvariantCulture), SpeakerName: Str(r, 6)));
        // The documents, earliest first, at most DocumentsPerQuote each: a wire quote can run in
        // hundreds of outlets, and the count says how many.
        var documents = store.Query($"""
            SELECT quote_id, id, title, published, url, source FROM (
              SELECT DISTINCT s.quote_id, d.id, d.title, d.published, d.url, d.source,
                     DENSE_RANK() OVER (PARTITION BY s.quote_id ORDER BY d.published, d.id) AS n
              FROM statements s JOIN documents d ON d.id = s.document_id
              WHERE {Latest} AND s.quote_id IN ({pageIds})) AS ranked
            WHERE n <= {DocumentsPerQuote}
            ORDER BY quote_id, published, id
            """,
            r => (Quote: r.GetInt64(0), Doc: new DocumentRef(r.GetInt64(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5))))
            .ToLookup(x => x.Quote, x => x.Doc);
        var order = page.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return heads
            .Select(h => new QuoteRow(h.Id, h.SpeakerId is { } sid ? new SpeakerRef(sid, h.SpeakerName ?? "") : null, h.Kind, h.Text,
                h.Sightings, h.FirstSeen, documents[h.Id].ToList()))
            .OrderBy(q => order[q.Id])
            .ToList();
    }

    /// <summary>How many of a quote's documents a quote lists (its sightings count them all).</summary>
    public const int DocumentsPerQuote = 25;

    /// <summary>
    /// How many matching statements a search without a speaker looks at: the most recently stored
    /// ones. A common word matches a good share of a large ledger, and gathering every match before
    /// taking a page would make the answer slow exactly when it is least useful; with a speaker the
    /// matches are few and all of them count.
    /// </summary>
    public const int SearchWindow = 1000;

    /// <summary>A full-text condition on statements alias <paramref name="alias"/>: FTS5 on SQLite, tsvector on PostgreSQL.</summary>
    private string SearchClause(string alias, string search, List<(string, object?)> args, bool window)
    {
        string limit = window ? $" ORDER BY {(store.Engine == LedgerEngine.Sqlite ? "rowid" : "id")} DESC LIMIT {SearchWindow}" : "";
        if (store.Engine == LedgerEngine.Sqlite)
        {
            // Each word as a quoted FTS5 string: the user's punctuation never becomes query syntax.
            var words = search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(w => "\"" + w.Replace("\"", "\"\"") + "\"");
            args.Add(("@search", string.Join(' ', words)));
            return $"{alias}.id IN (SELECT rowid FROM statement_search WHERE statement_search MATCH @search{limit})";
        }
        args.Add(("@search", search));
        return window
            ? $"{alias}.id IN (SELECT id FROM statements WHERE search @@ plainto_tsquery('english', @search){limit})"
            : $"{alias}.search @@ plainto_tsquery('english', @search)";
    }

    /// <summary>Speaker ids for a user's reference: a number, or a name (whole, or a part of it).</summary>
    public List<long> SpeakerIds(string reference)
    {
        if (long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return store.Query("SELECT id FROM speakers WHERE id = @id", r => r.GetInt64(0), ("@id", id));
        }
        var exact = store.Query("SELECT id FROM speakers WHERE lower(name) = lower(@n)", r => r.GetInt64(0), ("@n", reference));
        if (exact.Count > 0) return exact;
        return store.Query("""
            SELECT DISTINCT sp.id FROM speakers sp JOIN speaker_mentions m ON m.speaker_id = sp.id
            WHERE lower(m.name) = lower(@n) OR lower(sp.name) LIKE lower(@like)
            """, r => r.GetInt64(0), ("@n", reference), ("@like", "%" + reference + "%"));
    }

    public IReadOnlyList<SpeakerRow> Speakers(string? search = null, int limit = 200) => SpeakerRows(search, null, limit);

    private List<SpeakerRow> SpeakerRows(string? search, long? id, int limit)
    {
        var args = new List<(string, object?)> { ("@limit", limit) };
        string filter = "";
        if (!string.IsNullOrWhiteSpace(search))
        {
            filter = "AND (lower(sp.name) LIKE lower(@like) OR EXISTS (SELECT 1 FROM speaker_mentions m2 WHERE m2.speaker_id = sp.id AND (lower(m2.name) LIKE lower(@like) OR lower(m2.title) LIKE lower(@like) OR lower(m2.affiliation) LIKE lower(@like))))";
            args.Add(("@like", "%" + search + "%"));
        }
        if (id is not null)
        {
            filter += " AND sp.id = @id";
            args.Add(("@id", id));
        }
        // One pass over the statements, grouped by speaker, rather than three look-ups per speaker.
        var rows = store.Query($"""
            SELECT sp.id, sp.name, sp.type, COUNT(DISTINCT s.quote_id) AS quotes, MIN(d.published), MAX(d.published)
            FROM speakers sp JOIN statements s ON s.speaker_id = sp.id JOIN documents d ON d.id = s.document_id
            WHERE {Latest} {filter}
            GROUP BY sp.id, sp.name, sp.type
            ORDER BY quotes DESC, sp.name
            LIMIT @limit
            """,
            r => (Id: r.GetInt64(0), Name: r.GetString(1), Type: r.GetString(2), Quotes: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), First: Str(r, 4), Last: Str(r, 5)),
            args.ToArray());
        return rows.Select(r =>
        {
            var (titles, affiliations) = TitlesOf(r.Id);
            return new SpeakerRow(r.Id, r.Name, r.Type, titles, affiliations, r.Quotes, r.First, r.Last);
        }).ToList();
    }

    /// <summary>The titles and affiliations documents gave a speaker, oldest first.</summary>
    public (List<string> Titles, List<string> Affiliations) TitlesOf(long speakerId)
    {
        var rows = store.Query("""
            SELECT m.title, m.affiliation FROM speaker_mentions m JOIN documents d ON d.id = m.document_id
            WHERE m.speaker_id = @id ORDER BY d.published, d.id
            """, r => (Title: Str(r, 0), Affiliation: Str(r, 1)), ("@id", speakerId));
        return (rows.Select(r => r.Title).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                rows.Select(r => r.Affiliation).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public SpeakerRow? Speaker(long id) => SpeakerRows(null, id, 1).FirstOrDefault()
        ?? store.Query("SELECT id, name, type FROM speakers WHERE id = @id", r => new SpeakerRow(r.GetInt64(0), r.GetString(1), r.GetString(2), [], [], 0, null, null), ("@id", id)).FirstOrDefault();

    /// <summary>
    /// A speaker with their quotes (those with <paramref name="search"/>'s words when given; up to
    /// <paramref name="limit"/>) and forecasts; null when there is no such speaker.
    /// </summary>
    public SpeakerProfile? Profile(long id, DateOnly today, string? search = null, int limit = DefaultPage, int offset = 0)
    {
        var speaker = Speaker(id);
        if (speaker is null) return null;
        string key = id.ToString(CultureInfo.InvariantCulture);
        return new SpeakerProfile(speaker, Quotes(speaker: key, search: search, limit: limit, offset: offset), Forecasts(today, speaker: key));
    }

    /// <param name="speakerId">Only the points this speaker gave (their figures).</param>
    public IReadOnlyList<ClaimSeries> Claims(string? about = null, long? speakerId = null, long? claimId = null)
    {
        var args = new List<(string, object?)>();
        string filter = "";
        if (!string.IsNullOrWhiteSpace(about))
        {
            filter = "AND lower(c.subject) LIKE lower(@about)";
            args.Add(("@about", "%" + about + "%"));
        }
        if (speakerId is not null)
        {
            filter += " AND p.speaker_id = @speaker";
            args.Add(("@speaker", speakerId));
        }
        if (claimId is not null)
        {
            filter += " AND c.id = @claim";
            args.Add(("@claim", claimId));
        }
        var rows = store.Query($"""
            SELECT c.id, c.subject, p.value, p.low, p.high, p.bound, p.stated_on, sp.name, d.id, d.title, d.published, d.url, d.source, p.text, COALESCE(d.story_id, d.id)
            FROM claims c JOIN claim_points p ON p.claim_id = c.id JOIN documents d ON d.id = p.document_id
            LEFT JOIN speakers sp ON sp.id = p.speaker_id
            WHERE {Latest} {filter}
            ORDER BY c.id, p.stated_on, d.id, p.start_offset
            """,
            r => (Claim: r.GetInt64(0), Subject: r.GetString(1), Value: Dbl(r, 2), Low: Dbl(r, 3), High: Dbl(r, 4), Bound: r.GetString(5), Date: Str(r, 6),
                  Speaker: Str(r, 7), Doc: new DocumentRef(r.GetInt64(8), Str(r, 9), Str(r, 10), Str(r, 11), Str(r, 12)), Text: r.GetString(13),
                  Story: Convert.ToInt64(r.GetValue(14), CultureInfo.InvariantCulture)),
            args.ToArray());
        return rows.GroupBy(r => (r.Claim, r.Subject))
            .Select(g =>
            {
                // A wire story reprinted by several outlets gives its figures once: the same value
                // from the same speaker in the same story is one point (the earliest printing).
                var points = g.DistinctBy(p => (p.Story, p.Speaker, p.Value, p.Low, p.High, p.Bound))
                    .Select(p => (p.Claim, p.Subject, p.Value, p.Low, p.High, p.Bound, p.Date, p.Speaker, p.Doc, p.Text)).ToList();
                return new ClaimSeries(g.Key.Claim, g.Key.Subject, points.Select(p => new ClaimPoint(p.Value, p.Low, p.High, p.Bound, p.Date, p.Speaker, p.Doc, p.Text,
                    p.Date is not null && points.Any(o => o.Date == p.Date && o.Speaker != p.Speaker && !Agree(p, o)))).ToList());
            })
            .ToList();

        static bool Agree((long, string, double? Value, double? Low, double? High, string Bound, string?, string?, DocumentRef, string) a,
                          (long, string, double? Value, double? Low, double? High, string Bound, string?, string?, DocumentRef, string) b)
        {
            var (aLo, aHi) = Interval(a.Value, a.Low, a.High, a.Bound);
            var (bLo, bHi) = Interval(b.Value, b.Low, b.High, b.Bound);
            return aLo <= bHi && bLo <= aHi;
        }
    }

    /// <summary>The values a figure allows: "as many as 27" is [0, 27], "more than 50" is [50, ∞), "about 1,200" is ±10%.</summary>
    internal static (double Low, double High) Interval(double? value, double? low, double? high, string bound) => bound switch
    {
        "range" => (low ?? double.NegativeInfinity, high ?? double.PositiveInfinity),
        "upper" => (0, value ?? double.PositiveInfinity),
        "lower" => (value ?? 0, double.PositiveInfinity),
        "approx" => (value * 0.9 ?? 0, value * 1.1 ?? double.PositiveInfinity),
        _ => (value ?? 0, value ?? 0),
    };

    public IReadOnlyList<ForecastRow> Forecasts(DateOnly today, string? due = null, string? status = null, string? speaker = null)
    {
        var args = new List<(string, object?)>();
        var where = new List<string> { Latest };
        if (due is not null)
        {
            var (from, to) = DueWindow(due, today);
            if (from is not null) { where.Add("f.due >= @from"); args.Add(("@from", from)); }
            where.Add("f.due <= @to");
            args.Add(("@to", to));
        }
        if (speaker is not null)
        {
            var ids = SpeakerIds(speaker);
            if (ids.Count == 0) return [];
            where.Add($"f.speaker_id IN ({string.Join(',', ids)})");
        }
        var rows = store.Query($"""
            SELECT f.id, f.speaker_name, f.claim, f.due, o.outcome, d.id, d.title, d.published, d.url, d.source, f.horizon, o.evidence
            FROM forecasts f JOIN documents d ON d.id = f.document_id LEFT JOIN forecast_outcomes o ON o.forecast_key = f.forecast_key
            WHERE {string.Join(" AND ", where)}
            ORDER BY f.due IS NULL, f.due, f.id
            """,
            r => new ForecastRow(r.GetInt64(0), r.GetString(1), r.GetString(2), Str(r, 3), ForecastStatus.Of(Str(r, 4), Str(r, 3), today),
                new DocumentRef(r.GetInt64(5), Str(r, 6), Str(r, 7), Str(r, 8), Str(r, 9)), Str(r, 10), Str(r, 11)),
            args.ToArray());
        return status is null ? rows : rows.Where(f => f.Status == status).ToList();
    }

    /// <summary>
    /// --due: "today", "week" (today and the next 6 days), "month" (the next 30), "past" (up to
    /// today), a day YYYY-MM-DD (due by then) or a range FROM..TO.
    /// </summary>
    public static (string? From, string To) DueWindow(string due, DateOnly today)
    {
        string Day(DateOnly d) => ForecastStatus.Day(d);
        switch (due)
        {
            case "today": return (Day(today), Day(today));
            case "week": return (Day(today), Day(today.AddDays(6)));
            case "month": return (Day(today), Day(today.AddDays(30)));
            case "past": return (null, Day(today));
        }
        var parts = due.Split("..");
        if (parts.Length == 2 && IsDay(parts[0]) && IsDay(parts[1])) return (parts[0], parts[1]);
        if (parts.Length == 1 && IsDay(due)) return (null, due);
        throw new LedgerException($"--due: expected today, week, month, past, YYYY-MM-DD or FROM..TO, got '{due}'");

        static bool IsDay(string s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    /// <summary>Every latest document with its stored extraction, as JSON Lines (the extract command's format plus the ledger id).</summary>
    public void Export(TextWriter output)
    {
        using var command = store.Command("SELECT id, extraction FROM documents d WHERE is_latest = 1 ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string json = StoredJson.Unpack((byte[])reader.GetValue(1));
            var sb = new StringBuilder(json.Length + 24);
            sb.Append("{\"ledger_id\":").Append(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)).Append(',').Append(json.AsSpan(1));
            output.WriteLine(sb.ToString());
        }
    }
}

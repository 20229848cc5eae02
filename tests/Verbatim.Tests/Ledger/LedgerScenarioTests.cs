using System.Text.Json;
using Verbatim.Cli;

namespace Verbatim.Tests.Ledger;

/// <summary>
/// The ledger's acceptance scenario, through the CLI, on SQLite and on PostgreSQL: the bundled
/// Kalvor flood story (samples/story, README there) is seven articles over six days with a quote
/// reprinted by four outlets, a minister named three ways, two Vargas, a death toll revised twice
/// and disputed, and forecasts that fall due.
/// </summary>
public sealed class LedgerScenarioTests
{
    private static string Story => Path.Combine(Samples.Root, "samples", "story", "articles.jsonl");

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = Cli([.. args, "--format", "json"]);
        Assert.True(code == 0, $"verbatim {string.Join(' ', args)} exited {code}: {error}");
        return JsonDocument.Parse(output).RootElement;
    }

    private static void Ingest(string db, string path, params string[] more)
    {
        var (code, _, error) = Cli(["ingest", path, "--db", db, "--input-format", "jsonl", "--quiet", "--workers", "2", .. more]);
        Assert.True(code == 0, error);
    }

    [SkippableTheory]
    [InlineData(LedgerTarget.Sqlite)]
    [InlineData(LedgerTarget.Postgres)]
    public void The_story_ledger_answers_every_question(string engine)
    {
        using var target = LedgerTarget.Create(engine);
        var db = target.Db;
        Ingest(db, Story);

        // The reprinted quote: one quote, four sightings in four outlets, the minister's, first seen on day one.
        var quotes = Json("quotes", "--db", db, "--search", "worst flood in living memory");
        var worst = Assert.Single(quotes.EnumerateArray());
        Assert.Equal("Helena Varga", worst.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("direct", worst.GetProperty("kind").GetString());
        Assert.Equal(4, worst.GetProperty("sightings").GetInt32());
        Assert.Equal("2025-04-07", worst.GetProperty("first_seen").GetString());
        Assert.Equal(4, worst.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("source").GetString()).Distinct().Count());

        // Two Vargas, kept apart; the minister's alias ("Minister Varga", 11 April) is hers.
        var speakers = Json("speakers", "--db", db).EnumerateArray().ToList();
        var helena = speakers.Single(s => s.GetProperty("name").GetString() == "Helena Varga");
        var tomas = speakers.Single(s => s.GetProperty("name").GetString() == "Tomas Varga");
        Assert.NotEqual(helena.GetProperty("id").GetInt64(), tomas.GetProperty("id").GetInt64());
        Assert.DoesNotContain(speakers, s => s.GetProperty("name").GetString() == "Varga");
        Assert.Contains("Interior Minister", helena.GetProperty("titles").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2025-04-07", helena.GetProperty("first_seen").GetString());
        Assert.Equal("2025-04-12", helena.GetProperty("last_seen").GetString());
        var minister = Json("quotes", "--db", db, "--speaker", "Helena Varga", "--outlet", "Meridian News", "--since", "2025-04-11");
        Assert.NotEmpty(minister.EnumerateArray());
        var chief = Json("quotes", "--db", db, "--speaker", "Tomas Varga").EnumerateArray().ToList();
        Assert.NotEmpty(chief);
        Assert.All(chief, q => Assert.Equal("Tomas Varga", q.GetProperty("speaker").GetProperty("name").GetString()));

        // The death toll: at least 12, then 19, then as many as 27, disputed the same day by an aid group's 30.
        var toll = Assert.Single(Json("claims", "--db", db, "--about", "people").EnumerateArray(),
            c => c.GetProperty("subject").GetString() == "people");
        var points = toll.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([12.0, 19.0, 27.0, 30.0], points.Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal(["lower", "exact", "upper", "exact"], points.Select(p => p.GetProperty("bound").GetString()));
        Assert.Equal(["2025-04-07", "2025-04-08", "2025-04-10", "2025-04-10"], points.Select(p => p.GetProperty("date").GetString()));
        Assert.Equal("Mila Sorensen", points[3].GetProperty("speaker").GetString());
        Assert.Equal([false, false, true, true], points.Select(p => p.GetProperty("disputed").GetBoolean()));

        // The bridge forecast fell due on Friday 11 April; by Saturday it is due, then resolved as not come true.
        var due = Json("forecasts", "--db", db, "--today", "2025-04-12", "--status", "due", "--speaker", "Helena Varga").EnumerateArray().ToList();
        var bridge = due.First(f => f.GetProperty("claim").GetString()!.Contains("bridge") && f.GetProperty("due").GetString() == "2025-04-11");
        Assert.Empty(Json("forecasts", "--db", db, "--today", "2025-04-10", "--due", "week", "--status", "did_not").EnumerateArray());
        var thisWeek = Json("forecasts", "--db", db, "--today", "2025-04-10", "--due", "week").EnumerateArray();
        Assert.Contains(thisWeek, f => f.GetProperty("id").GetInt64() == bridge.GetProperty("id").GetInt64());
        var herald = Json("documents", "--db", db).EnumerateArray().Single(d => d.GetProperty("url").GetString()!.Contains("bridge-still-closed"));
        var (code, _, error) = Cli("forecasts", "resolve", bridge.GetProperty("id").GetInt64().ToString(), "--outcome", "did_not",
            "--evidence", herald.GetProperty("id").GetInt64().ToString(), "--db", db);
        Assert.True(code == 0, error);
        var resolved = Json("forecasts", "--db", db, "--today", "2025-04-12", "--status", "did_not").EnumerateArray().ToList();
        Assert.Contains(resolved, f => f.GetProperty("id").GetInt64() == bridge.GetProperty("id").GetInt64());

        // A reprocess re-extracts everything and keeps the outcome.
        Assert.Equal(0, Cli("reprocess", "--all", "--db", db).Code);
        Assert.Contains(Json("forecasts", "--db", db, "--today", "2025-04-12", "--status", "did_not").EnumerateArray(),
            f => f.GetProperty("claim").GetString()!.Contains("bridge"));
        Assert.Equal(4, Json("quotes", "--db", db, "--search", "worst flood in living memory")[0].GetProperty("sightings").GetInt32());
    }

    [SkippableTheory]
    [InlineData(LedgerTarget.Sqlite)]
    [InlineData(LedgerTarget.Postgres)]
    public void Re_ingest_skips_a_changed_url_is_a_new_version_and_delete_removes_everything_drawn(string engine)
    {
        using var target = LedgerTarget.Create(engine);
        var db = target.Db;
        Ingest(db, Story);
        var (_, _, again) = Cli("ingest", Story, "--db", db, "--input-format", "jsonl", "--quiet");
        Assert.Contains("7 read, 0 added, 0 new versions, 7 skipped, 0 failed", again);

        // The Valley Courier corrects its story: the toll it reports changes.
        var folder = Path.Combine(Path.GetTempPath(), "verbatim-version-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var line = File.ReadLines(Story).Single(l => l.Contains("courier-20250408"));
            var corrected = line.Replace("19 people", "21 people");
            Assert.NotEqual(line, corrected);
            var path = Path.Combine(folder, "correction.jsonl");
            File.WriteAllText(path, corrected + "\n");
            var (code, _, error) = Cli("ingest", path, "--db", db, "--input-format", "jsonl", "--quiet");
            Assert.True(code == 0, error);
            Assert.Contains("1 new versions", error);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
        var documents = Json("documents", "--db", db).EnumerateArray().ToList();
        Assert.Equal(7, documents.Count);
        var courier = documents.Single(d => d.GetProperty("url").GetString()!.Contains("toll-rises-to-19"));
        Assert.Equal(2, courier.GetProperty("version").GetInt32());
        var toll = Json("claims", "--db", db, "--about", "people").EnumerateArray().Single(c => c.GetProperty("subject").GetString() == "people");
        var values = toll.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToList();
        Assert.Contains(21.0, values);
        Assert.DoesNotContain(19.0, values);

        // A take-down: the Herald's article and all it carried go.
        var herald = documents.Single(d => d.GetProperty("url").GetString()!.Contains("bridge-still-closed"));
        Assert.Equal(0, Cli("documents", "delete", herald.GetProperty("id").GetInt64().ToString(), "--db", db).Code);
        Assert.Equal(6, Json("documents", "--db", db).GetArrayLength());
        Assert.Equal(3, Json("quotes", "--db", db, "--search", "worst flood in living memory")[0].GetProperty("sightings").GetInt32());
        var export = Cli("export", "--db", db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, export.Length);
        Assert.All(export, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("attributions", out _)));
    }

    [SkippableTheory]
    [InlineData(LedgerTarget.Sqlite)]
    [InlineData(LedgerTarget.Postgres)]
    public void A_split_by_hand_is_remembered_when_the_article_comes_back(string engine)
    {
        using var target = LedgerTarget.Create(engine);
        var db = target.Db;
        Ingest(db, Story);
        var helena = Json("speakers", "--db", db).EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Helena Varga");
        long helenaId = helena.GetProperty("id").GetInt64();

        // Someone decides the bare "Varga" of the 11 April story is not the minister after all.
        var (code, output, error) = Cli("speakers", "split", helenaId.ToString(), "--name", "Varga", "--db", db);
        Assert.True(code == 0, error);
        long splitId = long.Parse(output.Trim());
        Assert.NotEmpty(Json("quotes", "--db", db, "--speaker", splitId.ToString()).EnumerateArray());

        // The article is taken down and ingested again: the correction holds.
        var meridian = Json("documents", "--db", db).EnumerateArray().Single(d => d.GetProperty("url").GetString()!.Contains("bridge-to-stay-shut"));
        Assert.Equal(0, Cli("documents", "delete", meridian.GetProperty("id").GetInt64().ToString(), "--db", db).Code);
        Ingest(db, Story);
        var again = Json("quotes", "--db", db, "--speaker", splitId.ToString(), "--outlet", "Meridian News").EnumerateArray().ToList();
        Assert.NotEmpty(again);

        // And a merge folds the two back together, for good.
        (code, _, error) = Cli("speakers", "merge", helenaId.ToString(), splitId.ToString(), "--db", db);
        Assert.True(code == 0, error);
        Assert.DoesNotContain(Json("speakers", "--db", db).EnumerateArray(), s => s.GetProperty("id").GetInt64() == splitId);
        Assert.NotEmpty(Json("quotes", "--db", db, "--speaker", helenaId.ToString(), "--outlet", "Meridian News", "--since", "2025-04-11").EnumerateArray());
    }

    [Fact]
    public void A_ledger_that_cannot_be_opened_is_a_clear_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), "verbatim-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var notDb = Path.Combine(folder, "notes.db");
            File.WriteAllText(notDb, "this is not a database, just text that happens to be long enough to have a header");
            var (code, _, error) = Cli("quotes", "--db", notDb);
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("notes.db", error);
            (code, _, error) = Cli("speakers", "--db", Path.Combine(folder, "missing", "x.db"));
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("does not exist", error);
            Assert.Equal(notDb.Length > 0, File.Exists(notDb));
            Assert.StartsWith("this is not a database", File.ReadAllText(notDb));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

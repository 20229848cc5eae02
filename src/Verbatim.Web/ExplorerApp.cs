using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Ledger.Queries;
using Verbatim.Ledger.Storage;
using Verbatim.Output;
using Verbatim.Pipeline;
using Verbatim.Text;
using Verbatim.Web.Pages;
using Verbatim.Web.Security;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web;

/// <summary>
/// The explorer: server-rendered pages over the ledger (usable without JavaScript) and the JSON
/// API behind them under /api/ (described at /openapi.json). Pages and API read the same
/// <see cref="LedgerQueries"/> and the API writes the same JSON as the CLI's --format json.
/// Routes: / · /search · /articles/{id} · /speakers · /speakers/{id} · /claims · /claims/{id} ·
/// /forecasts · /paste, and /api/… for each.
/// </summary>
public static class ExplorerApp
{
    public static WebApplication Build(ExplorerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        // Migrate once here; requests then open the ledger without touching the schema.
        using (LedgerStore.Open(options.Db)) { }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Verbatim.Web" });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.ValueLengthLimit = (int)Math.Min(options.MaxRequestBytes, int.MaxValue));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Verbatim explorer API";
            document.Info.Description = "Who said what: quotes, speakers, figures over time and forecasts from the ledger. Lists take ?format=csv.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        // Reads repeat (a shared link, a busy speaker page): the same URL within CacheSeconds is
        // answered from memory. Every write evicts everything tagged "ledger".
        builder.Services.AddOutputCache(cache =>
        {
            cache.AddBasePolicy(policy => policy.Expire(TimeSpan.FromSeconds(Math.Max(1, options.CacheSeconds))).SetVaryByQuery("*").Tag("ledger"));
        });
        var pool = new LedgerPool(options);
        builder.Services.AddSingleton(_ => ExtractionPipeline.CreateDefault());

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(pool.Dispose);
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            // Never a stack trace: say what a person can do, log the rest.
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            SecurityHeaders.Apply(context.Response);   // the handler starts a fresh response
            context.Response.StatusCode = failure switch
            {
                BadHttpRequestException bad => bad.StatusCode,   // too large, malformed: the client's to fix
                LedgerException => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            string message = context.Response.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request is larger than this explorer accepts.",
                < 500 => "The request could not be read.",
                _ => "The request could not be answered. Try again, or go home.",
            };
            await WritePage(context, "Something went wrong", H.Of($"""<h1>Something went wrong</h1><p>{message}</p><p><a href="/">Home</a></p>"""));
        }));
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context.Response);
            await next();
        });
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Request.Path.StartsWithSegments("/api") || context.Response.ContentLength > 0 || context.Response.HasStarted) return;
            await WritePage(context, "Not found", H.Of($"""<h1>{context.Response.StatusCode switch { 404 => "Not found", 413 => "Too large", _ => "Cannot do that" }}</h1><p><a href="/">Home</a></p>"""));
        });

        if (options.CacheSeconds > 0) app.UseOutputCache();
        app.MapOpenApi("/openapi.json");
        MapAssets(app);
        MapPages(app, options, pool);
        MapApi(app, options, pool);
        return app;
    }

    private static DateOnly Today(ExplorerOptions options) => options.Today ?? DateOnly.FromDateTime(DateTime.Today);



    private static Task WritePage(HttpContext context, string title, H body, string? query = null)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Layout.Page(title, body, query).ToString());
    }

    private static IResult Page(string title, H body, string? query = null, int status = 200) =>
        Results.Content(Layout.Page(title, body, query).ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);

    private static void MapAssets(WebApplication app)
    {
        var types = new Dictionary<string, string> { [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8" };
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            var stream = typeof(ExplorerApp).Assembly.GetManifestResourceStream("Verbatim.Web.Assets." + name);
            if (stream is null || !types.TryGetValue(Path.GetExtension(name), out var type)) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Stream(stream, type);
        }).ExcludeFromDescription();
    }

    private static void MapPages(WebApplication app, ExplorerOptions options, LedgerPool pool)
    {
        app.MapGet("/", () =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var q = new LedgerQueries(store);
            var today = Today(options);
            var latest = q.Quotes(limit: 12, newestFirst: true);
            var forecasts = q.Forecasts(today).Where(f => f.Status is "due" or "open" && f.Due is not null)
                .OrderBy(f => f.Status == "due" ? 0 : 1).ThenBy(f => f.Due).Take(8).ToList();
            var moved = q.Claims().Where(c => c.Points.Count > 1).OrderByDescending(c => c.Points[^1].Date).Take(8).ToList();
            return Page("Home", HomePage.Render(latest, q.Speakers().Take(10).ToList(), forecasts, moved, today));
        }).ExcludeFromDescription();

        app.MapGet("/articles/{id:long}", (long id) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var article = StoredArticle(store, id);
            return article is null ? Page("Not found", H.Of($"""<h1>No article {id}</h1>"""), status: 404)
                : Page(article.Title ?? $"Article {id}", ArticleView.Render(article, stored: true));
        }).ExcludeFromDescription();

        app.MapGet("/speakers", (string? q) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return Page("Speakers", SpeakerPage.List(new LedgerQueries(store).Speakers(q), q));
        }).ExcludeFromDescription();

        app.MapGet("/speakers/{id:long}", (long id, string? q, int? page) =>
        {
            int pageNumber = Math.Max(1, page ?? 1);
            using var lease = pool.Rent();
            var store = lease.Store;
            var queries = new LedgerQueries(store);
            var profile = queries.Profile(id, Today(options), string.IsNullOrWhiteSpace(q) ? null : q, SpeakerPage.PageSize + 1, (pageNumber - 1) * SpeakerPage.PageSize);
            if (profile is null) return Page("Not found", H.Of($"""<h1>No speaker {id}</h1>"""), status: 404);
            var titles = store.Query("""
                SELECT DISTINCT m.title, m.affiliation, d.published FROM speaker_mentions m JOIN documents d ON d.id = m.document_id
                WHERE m.speaker_id = @id AND d.is_latest = 1 AND (m.title IS NOT NULL OR m.affiliation IS NOT NULL) ORDER BY d.published
                """, r => (Title: r.IsDBNull(0) ? null : r.GetString(0), Affiliation: r.IsDBNull(1) ? null : r.GetString(1), Date: r.IsDBNull(2) ? null : r.GetString(2)), ("@id", id));
            var figures = queries.Claims(speakerId: id).SelectMany(c => c.Points.Select(p => (c, p))).ToList();
            return Page(profile.Speaker.Name, SpeakerPage.Render(profile, titles, figures, string.IsNullOrWhiteSpace(q) ? null : q, pageNumber));
        }).ExcludeFromDescription();

        app.MapGet("/claims", (string? about) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return Page("Figures", ClaimPage.List(new LedgerQueries(store).Claims(about), about));
        }).ExcludeFromDescription();

        app.MapGet("/claims/{id:long}", (long id) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var series = new LedgerQueries(store).Claims(claimId: id).FirstOrDefault();
            return series is null ? Page("Not found", H.Of($"""<h1>No figure series {id}</h1>"""), status: 404) : Page(series.Subject, ClaimPage.Render(series));
        }).ExcludeFromDescription();

        app.MapGet("/forecasts", (long? resolved) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var today = Today(options);
            return Page("Forecasts", ForecastsPage.Render(new LedgerQueries(store).Forecasts(today), today, options.AllowWrites,
                resolved is long r ? $"Forecast {r} resolved." : null));
        }).ExcludeFromDescription();

        app.MapPost("/forecasts/{id:long}/resolve", async (long id, HttpContext context) =>
        {
            if (!options.AllowWrites) return Page("Read-only", H.Of($"""<h1>This explorer is read-only</h1><p>Start it with --allow-writes and a token to resolve forecasts.</p>"""), status: 403);
            if (!context.Request.HasFormContentType) return Page("Cannot resolve", H.Of($"""<h1>Send the form</h1><p><a href="/forecasts">Back</a></p>"""), status: 400);
            var form = await context.Request.ReadFormAsync();
            if (!TokenMatches(options, form["token"])) return Page("Not allowed", H.Of($"""<h1>Wrong write token</h1><p><a href="/forecasts">Back</a></p>"""), status: 403);
            using var lease = pool.Rent();
            var store = lease.Store;
            try
            {
                new LedgerEdits(store).ResolveForecast(id, form["outcome"].ToString(), NullIfEmpty(form["evidence"]));
                await Evict(context);
            }
            catch (LedgerException e)
            {
                return Page("Cannot resolve", H.Of($"""<h1>Cannot resolve</h1><p>{e.Message}</p><p><a href="/forecasts">Back</a></p>"""), status: 400);
            }
            return Results.Redirect($"/forecasts?resolved={id}#forecast-{id}");
        }).ExcludeFromDescription().DisableAntiforgery();

        app.MapGet("/search", (string? q, string? speaker, string? outlet, string? since, string? until, string? kind, int? page) =>
        {
            var query = new SearchQuery(NullIfEmpty(q), NullIfEmpty(speaker), NullIfEmpty(outlet), Day(since), Day(until), Kind(kind), Math.Max(1, page ?? 1));
            using var lease = pool.Rent();
            var store = lease.Store;
            var queries = new LedgerQueries(store);
            var results = queries.Quotes(query.Speaker, query.Q, query.Since, query.Until, query.Outlet, SearchQuery.PageSize + 1, query.Kind, (query.Page - 1) * SearchQuery.PageSize);
            var facets = queries.Facets(query.Speaker, query.Q, query.Since, query.Until, query.Outlet, query.Kind);
            return Page("Search", SearchPage.Render(query, results.Take(SearchQuery.PageSize).ToList(), results.Count > SearchQuery.PageSize, facets), query.Q);
        }).ExcludeFromDescription();

        app.MapGet("/paste", () => Page("Paste an article", PastePage.Form(null, null, null, options.MaxPasteChars))).ExcludeFromDescription();

        app.MapPost("/paste", async (HttpContext context, ExtractionPipeline pipeline) =>
        {
            if (!context.Request.HasFormContentType) return Page("Paste an article", PastePage.Form(null, null, "Send the form.", options.MaxPasteChars), status: 400);
            var form = await context.Request.ReadFormAsync();
            string text = form["text"].ToString();
            string? published = NullIfEmpty(form["published"]);
            var (document, error) = Extract(pipeline, text, published, options);
            if (document is null) return Page("Paste an article", PastePage.Form(text.Length > options.MaxPasteChars ? null : text, published, error, options.MaxPasteChars), status: 400);
            return Page("Pasted article", ArticleView.Render(ArticleData.FromJson(null, DocumentJson.ToJson(document, indented: false)), stored: false));
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    private static void MapApi(WebApplication app, ExplorerOptions options, LedgerPool pool)
    {
        var api = app.MapGroup("/api");
        MapWrites(api, options, pool);

        api.MapGet("/quotes", (string? speaker, string? search, string? since, string? until, string? outlet, string? kind, int? limit, int? offset, string? format) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return List(new LedgerQueries(store).Quotes(NullIfEmpty(speaker), NullIfEmpty(search), Day(since), Day(until), NullIfEmpty(outlet),
                Math.Clamp(limit ?? LedgerQueries.DefaultPage, 1, 1000), Kind(kind), Math.Max(0, offset ?? 0)), format);
        }).WithSummary("Quotes, each once with its sightings (as `verbatim quotes --format json`)");

        api.MapGet("/search", (string? q, string? speaker, string? outlet, string? since, string? until, string? kind, int? limit, int? offset) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var queries = new LedgerQueries(store);
            var quotes = queries.Quotes(NullIfEmpty(speaker), NullIfEmpty(q), Day(since), Day(until), NullIfEmpty(outlet), Math.Clamp(limit ?? 20, 1, 1000), Kind(kind), Math.Max(0, offset ?? 0));
            var facets = queries.Facets(NullIfEmpty(speaker), NullIfEmpty(q), Day(since), Day(until), NullIfEmpty(outlet), Kind(kind))
                .GroupBy(f => f.Facet).ToDictionary(g => g.Key, g => g.Select(f => new { value = f.Value, count = f.Count }).ToList());
            return Results.Json(new { quotes, facets }, LedgerJson.Options);
        }).WithSummary("Full-text search with facets (speaker, outlet, kind)");

        api.MapGet("/speakers", (string? search, string? format) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return List(new LedgerQueries(store).Speakers(NullIfEmpty(search)), format);
        }).WithSummary("Speakers (as `verbatim speakers --format json`)");

        api.MapGet("/speakers/{id:long}", (long id, string? search, int? limit, int? offset) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return new LedgerQueries(store).Profile(id, Today(options), NullIfEmpty(search), Math.Clamp(limit ?? LedgerQueries.DefaultPage, 1, 1000), Math.Max(0, offset ?? 0)) is { } profile ? Results.Json(profile, LedgerJson.Options) : Results.NotFound();
        }).WithSummary("One speaker with quotes and forecasts (as `verbatim speaker ID --format json`, one item)");

        api.MapGet("/claims", (string? about, string? format) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return List(new LedgerQueries(store).Claims(NullIfEmpty(about)), format);
        }).WithSummary("Claim series (as `verbatim claims --format json`)");

        api.MapGet("/claims/{id:long}", (long id) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            return new LedgerQueries(store).Claims(claimId: id).FirstOrDefault() is { } series ? Results.Json(series, LedgerJson.Options) : Results.NotFound();
        }).WithSummary("One claim series");

        api.MapGet("/forecasts", (string? due, string? status, string? speaker, string? format) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            try
            {
                return List(new LedgerQueries(store).Forecasts(Today(options), NullIfEmpty(due), NullIfEmpty(status), NullIfEmpty(speaker)), format);
            }
            catch (LedgerException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        }).WithSummary("Forecasts with status (as `verbatim forecasts --format json`)");

        api.MapGet("/articles/{id:long}", (long id) =>
        {
            using var lease = pool.Rent();
            var store = lease.Store;
            var json = StoredJson.Read(store.Scalar("SELECT extraction FROM documents WHERE id = @id", ("@id", id)));
            return json is null ? Results.NotFound() : Results.Text(json, "application/json; charset=utf-8");
        }).WithSummary("One article with its extraction (the extract command's JSON)");

        api.MapPost("/paste", async (HttpContext context, ExtractionPipeline pipeline) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var buffer = new char[options.MaxPasteChars + 1];
            int read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
            var (document, error) = Extract(pipeline, new string(buffer, 0, read), context.Request.Query["published"], options);
            return document is null ? Results.BadRequest(new { error }) : Results.Text(DocumentJson.ToJson(document, indented: false), "application/json; charset=utf-8");
        }).WithSummary("Extract a text (the request body, UTF-8) without storing it; ?published=YYYY-MM-DD").DisableAntiforgery();

        api.MapPost("/forecasts/{id:long}/resolve", async (long id, ResolveRequest body, HttpContext context) =>
        {
            if (Denied(options, context) is { } denied) return denied;
            using var lease = pool.Rent();
            var store = lease.Store;
            try
            {
                new LedgerEdits(store).ResolveForecast(id, body.Outcome, body.Evidence, body.Note);
                await Evict(context);
                return Results.NoContent();
            }
            catch (LedgerException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        }).WithSummary("Resolve a forecast (writes: --allow-writes, Authorization: Bearer TOKEN)").DisableAntiforgery();
    }

    /// <summary>The writes of the API: each needs --allow-writes and the token, and empties the answer cache.</summary>
    private static void MapWrites(RouteGroupBuilder api, ExplorerOptions options, LedgerPool pool)
    {
        api.MapPost("/speakers/merge", async (MergeRequest body, HttpContext context) =>
        {
            if (Denied(options, context) is { } denied) return denied;
            using var lease = pool.Rent();
            try
            {
                new LedgerEdits(lease.Store).MergeSpeakers(body.Into, body.From);
            }
            catch (LedgerException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
            await Evict(context);
            return Results.NoContent();
        }).WithSummary("Merge speaker `from` into `into` (writes: --allow-writes, Authorization: Bearer TOKEN)").DisableAntiforgery();

        api.MapPost("/ingest", async (HttpContext context, ExtractionPipeline pipeline) =>
        {
            if (Denied(options, context) is { } denied) return denied;
            // The body is JSON Lines ({id, text|html, title, published, url, source} per line), read to the size limit.
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            var source = new Verbatim.Input.JsonLinesSource(() => new MemoryStream(body.ToArray()), "request");
            using var lease = pool.Rent();
            var summary = new Verbatim.Ledger.Ingest.Ingester(lease.Store, pipeline).Run(Verbatim.Ledger.Ingest.Ingester.Guarded(source), 1);
            await Evict(context);
            return Results.Json(new
            {
                read = summary.Read, added = summary.Added, new_versions = summary.NewVersions, skipped = summary.Skipped,
                failed = summary.Failures.Select(f => new { input = f.Input, reason = f.Reason }).ToList(),
            }, LedgerJson.Options);
        }).WithSummary("Ingest JSON Lines articles from the request body (writes: --allow-writes, Authorization: Bearer TOKEN)").DisableAntiforgery();
    }

    private static IResult? Denied(ExplorerOptions options, HttpContext context) =>
        !options.AllowWrites ? Results.Problem("writes are off: start verbatim serve with --allow-writes", statusCode: 403)
        : !TokenMatches(options, BearerToken(context)) ? Results.Problem("wrong or missing write token (Authorization: Bearer TOKEN)", statusCode: 403)
        : null;

    public sealed record MergeRequest(long Into, long From);

    private static async Task Evict(HttpContext context)
    {
        if (context.RequestServices.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>() is { } cache)
        {
            await cache.EvictByTagAsync("ledger", context.RequestAborted);
        }
    }

    public sealed record ResolveRequest(string Outcome, string? Evidence, string? Note);

    private static IResult List<T>(IReadOnlyList<T> rows, string? format)
    {
        if (format == "csv")
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            LedgerCsv.Write(writer, rows);
            return Results.Text(writer.ToString(), "text/csv; charset=utf-8");
        }
        return Results.Json(rows, LedgerJson.Options);
    }

    /// <summary>The stored article with its ledger speakers, or null.</summary>
    internal static ArticleData? StoredArticle(LedgerStore store, long id)
    {
        var json = StoredJson.Read(store.Scalar("SELECT extraction FROM documents WHERE id = @id", ("@id", id)));
        if (json is null) return null;
        var speakers = store.Query("""
            SELECT s.attribution, s.speaker_id, sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id WHERE s.document_id = @id
            """, r => (Attribution: r.GetString(0), Id: r.GetInt64(1), Name: r.GetString(2)), ("@id", id))
            .ToDictionary(x => x.Attribution, x => (x.Id, x.Name));
        return ArticleData.FromJson(id, json, speakers);
    }


    private static (Document? Document, string? Error) Extract(ExtractionPipeline pipeline, string text, string? published, ExplorerOptions options)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "The text is empty.");
        if (text.Length > options.MaxPasteChars) return (null, $"The text is longer than {options.MaxPasteChars:N0} characters.");
        DateOnly? day = DateOnly.TryParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return (pipeline.Process(text.Replace("\r\n", "\n"), new DocumentMetadata("pasted", Published: day)), null);
    }

    private static bool TokenMatches(ExplorerOptions options, string? given) =>
        options.WriteToken is { Length: > 0 } token && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(given));

    private static string? BearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => NullIfEmpty(value.ToString());

    private static string? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string? Kind(string? value) => value is "direct" or "indirect" or "mixed" ? value : null;
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Verbatim.Input;
using Verbatim.Ledger.Ingest;
using Verbatim.Ledger.Queries;
using Verbatim.Ledger.Storage;
using Verbatim.Pipeline;

namespace Verbatim.Cli.Commands;

/// <summary>
/// The ledger's commands: <c>ingest</c>, <c>reprocess</c>, <c>documents</c>, <c>quotes</c>,
/// <c>speakers</c>, <c>speaker</c>, <c>claims</c>, <c>forecasts</c> and <c>export</c>. Each opens
/// the ledger named by --db (else VERBATIM_DB, else ./verbatim.db; a postgres:// URL for PostgreSQL).
/// </summary>
public static class LedgerCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        Ingest(context), Reprocess(context), Documents(context), Quotes(context), Speakers(context), Speaker(context),
        Claims(context), Forecasts(context), Export(context),
    ];

    private static Option<string?> DbOption() => new("--db")
    {
        Description = "The ledger: a SQLite file (default verbatim.db, or $VERBATIM_DB) or a postgres://user:pass@host/db URL",
        HelpName = "DB",
    };

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "table (for people), json, jsonl or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(LedgerOutput.Formats);
        return format;
    }

    /// <summary>Opens the ledger and runs <paramref name="work"/>; a ledger that cannot be used is a clear error, exit code 2.</summary>
    private static int WithLedger(CliContext context, string? db, Func<LedgerStore, int> work)
    {
        var path = LedgerStore.Resolve(db);
        LedgerStore store;
        try
        {
            store = LedgerStore.Open(path);
        }
        catch (LedgerException e)
        {
            context.Error(e.Message);
            return ExitCodes.Usage;
        }
        using (store)
        {
            try
            {
                return work(store);
            }
            catch (LedgerException e)
            {
                context.Error(e.Message);
                return ExitCodes.Usage;
            }
        }
    }

    private static Command Ingest(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files, folders, URLs, or - for stdin", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "How inputs are laid out: " + string.Join(", ", InputFormats.Names) + " (auto: by extension and content)",
            DefaultValueFactory = _ => InputFormats.Default,
        };
        inputFormat.AcceptOnlyFromAmong(InputFormats.Names);
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for articles that carry none", HelpName = "YYYY-MM-DD" };
        var source = new Option<string?>("--source") { Description = "Outlet name for articles that carry none", HelpName = "NAME" };
        var workers = new Option<int>("--workers") { Description = "Extraction threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary, not what the ledger knows" };
        var serve = new Option<bool>("--serve") { Description = "Then serve the explorer over the ledger (see verbatim serve)" };
        var urls = new Option<string>("--urls") { Description = "Where --serve listens", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var command = new Command("ingest", "Extract articles into the ledger (skips what it holds; a changed URL becomes a new version)")
        {
            inputs, db, inputFormat, published, source, workers, quiet, serve, urls,
        };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var day = ParseDay(result.GetValue(published), "--published");
            var outlet = result.GetValue(source);
            var format = InputFormats.Parse(result.GetRequiredValue(inputFormat));
            var sources = new ArticleSources(result.GetValue(inputs) ?? [], format, day, context.Stdin).Expand().ToList();
            var ingester = new Ingester(store, ExtractionPipeline.CreateDefault());
            var clock = Stopwatch.StartNew();

            IEnumerable<ArticleItem> Items(Action? sourceDone)
            {
                foreach (var s in sources)
                {
                    foreach (var item in Ingester.Guarded(s))
                    {
                        yield return outlet is not null && item.Article is { } a && a.Metadata.Source is null
                            ? ArticleItem.Read(item.InputName, a with { Metadata = a.Metadata with { Source = outlet } })
                            : item;
                    }
                    sourceDone?.Invoke();
                }
            }

            IngestSummary summary;
            int threads = Math.Max(1, result.GetValue(workers));
            if (context.ErrIsTerminal)
            {
                var console = CliContext.SpectreOver(context.Err, styled: true);
                summary = null!;
                console.Progress().AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask("ingesting", maxValue: Math.Max(1, sources.Count));
                        summary = ingester.Run(Items(() => task.Increment(1)), threads,
                            done => task.Description = $"{done} documents, {done / Math.Max(0.001, clock.Elapsed.TotalSeconds):0.0}/s",
                            (input, reason) => console.MarkupLine("[red]verbatim:[/] " + Markup.Escape($"{input}: {reason}")));
                    });
            }
            else
            {
                summary = ingester.Run(Items(null), threads, null, (input, reason) => context.Error($"{input}: {reason}"));
            }
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {summary.Read} read, {summary.Added} added, {summary.NewVersions} new versions, {summary.Skipped} skipped, {summary.Failed} failed ({clock.Elapsed.TotalSeconds:0.0} s) into {store.DisplayName}"));
            foreach (var (input, reason) in summary.Failures.Take(20)) context.Err.WriteLine($"  failed: {input}: {reason}");
            if (!result.GetValue(quiet)) Overview(context, store);
            if (result.GetValue(serve))
            {
                store.Dispose();
                context.Out.WriteLine();
                return ServeCommand.Serve(context, LedgerStore.Resolve(result.GetValue(db)), result.GetRequiredValue(urls), false, null);
            }
            return summary.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>What the ledger knows, in a few lines: the main job's closing screen.</summary>
    private static void Overview(CliContext context, LedgerStore store)
    {
        var q = new LedgerQueries(store);
        var o = context.Out;
        long docs = store.ScalarLong("SELECT COUNT(*) FROM documents WHERE is_latest = 1") ?? 0;
        long statements = store.ScalarLong("SELECT COUNT(*) FROM statements s JOIN documents d ON d.id = s.document_id WHERE d.is_latest = 1") ?? 0;
        o.WriteLine($"The ledger holds {docs} articles and {statements} attributed statements.");
        o.WriteLine();
        o.WriteLine("Most quoted speakers:");
        foreach (var s in q.Speakers().Take(6))
        {
            o.WriteLine($"  #{s.Id} {s.Name}{(s.Titles.Count > 0 ? " (" + string.Join("; ", s.Titles) + ")" : "")}: {s.Quotes} quotes, {s.FirstSeen} to {s.LastSeen}");
        }
        var reprinted = q.Quotes(limit: 10_000).Where(x => x.Sightings > 1).OrderByDescending(x => x.Sightings).Take(3).ToList();
        if (reprinted.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Quotes printed by several outlets:");
            foreach (var x in reprinted) o.WriteLine($"  {x.Speaker?.Name ?? "?"}: {LedgerOutput.Clip(x.Text, 90)} ({x.Sightings} sightings, first {x.FirstSeen})");
        }
        var series = q.Claims().Where(c => c.Points.Count > 1).OrderByDescending(c => c.Points.Count).Take(3).ToList();
        if (series.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Figures that moved:");
            foreach (var c in series)
            {
                o.WriteLine($"  {c.Subject}: " + string.Join(" → ", c.Points.Select(p => $"{LedgerOutput.Figure(p.Value, p.Low, p.High, p.Bound)} ({p.Date}, {p.Speaker ?? "article"}){(p.Disputed ? " [disputed]" : "")}")));
            }
        }
        var forecasts = q.Forecasts(DateOnly.FromDateTime(DateTime.Today)).Where(f => f.Due is not null).Take(5).ToList();
        if (forecasts.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Forecasts with a due date:");
            foreach (var f in forecasts) o.WriteLine($"  #{f.Id} {f.Speaker}: {LedgerOutput.Clip(f.Claim, 70)} (due {f.Due}, {f.Status})");
        }
        o.WriteLine();
        o.WriteLine("Ask more: verbatim quotes --speaker NAME, verbatim claims, verbatim forecasts --due week, verbatim speakers --search NAME");
    }

    private static Command Reprocess(CliContext context)
    {
        var db = DbOption();
        var all = new Option<bool>("--all") { Description = "Re-extract every document, not only those from another extractor version" };
        var command = new Command("reprocess", "Re-extract stored documents with this version of verbatim (after an upgrade)") { db, all };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            int done = new Ingester(store, ExtractionPipeline.CreateDefault()).Reprocess(result.GetValue(all));
            context.Err.WriteLine($"reprocess: {done} documents re-extracted with {DocumentRecorder.ExtractorVersion}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Documents(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var list = new Command("documents", "List the ledger's articles (latest versions), or delete one") { db, format };
        list.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var rows = store.Query("SELECT id, title, published, source, url, version FROM documents WHERE is_latest = 1 ORDER BY published, id",
                r => new DocumentListRow(r.GetInt64(0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture)));
            LedgerOutput.Write(context, result.GetRequiredValue(format), rows, ["id", "published", "source", "title", "version"],
                d => [d.Id.ToString(CultureInfo.InvariantCulture), d.Published ?? "", d.Source ?? "", LedgerOutput.Clip(d.Title ?? d.Url ?? "", 60), d.Version.ToString(CultureInfo.InvariantCulture)]);
            return ExitCodes.Ok;
        }));
        var deleteDb = DbOption();
        var id = new Argument<long>("id") { Description = "The document's ledger id (see verbatim documents)" };
        var delete = new Command("delete", "Remove an article (all its versions) and everything drawn from it") { id, deleteDb };
        delete.SetAction(result => WithLedger(context, result.GetValue(deleteDb), store =>
        {
            int removed = new LedgerEdits(store).DeleteDocument(result.GetValue(id));
            context.Err.WriteLine($"documents delete: removed {removed} version(s) of document {result.GetValue(id)} and the facts drawn from them");
            return ExitCodes.Ok;
        }));
        list.Subcommands.Add(delete);
        return list;
    }

    private sealed record DocumentListRow(long Id, string? Title, string? Published, string? Source, string? Url, int Version);

    private static Command Quotes(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var speaker = new Option<string?>("--speaker") { Description = "A speaker's id or name" };
        var search = new Option<string?>("--search", "-s") { Description = "Words the statement contains (full-text)" };
        var since = new Option<string?>("--since") { Description = "Published on or after (YYYY-MM-DD)" };
        var until = new Option<string?>("--until") { Description = "Published on or before (YYYY-MM-DD)" };
        var outlet = new Option<string?>("--outlet") { Description = "Only this outlet" };
        var limit = new Option<int>("--limit") { Description = "At most this many quotes (a page)", DefaultValueFactory = _ => LedgerQueries.DefaultPage };
        var command = new Command("quotes", "Statements in the ledger, each once with its sightings across outlets") { db, format, speaker, search, since, until, outlet, limit };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var rows = new LedgerQueries(store).Quotes(Blank(result.GetValue(speaker)), Blank(result.GetValue(search)),
                Day(result.GetValue(since), "--since"), Day(result.GetValue(until), "--until"), result.GetValue(outlet), result.GetValue(limit));
            LedgerOutput.Write(context, result.GetRequiredValue(format), rows, ["id", "first seen", "speaker", "kind", "sightings", "text"],
                x => [x.Id.ToString(CultureInfo.InvariantCulture), x.FirstSeen ?? "", x.Speaker?.Name ?? "", x.Kind, x.Sightings.ToString(CultureInfo.InvariantCulture), LedgerOutput.Clip(x.Text, 100)]);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Speakers(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var search = new Option<string?>("--search", "-s") { Description = "Part of a name, title or affiliation" };
        var command = new Command("speakers", "Who is quoted in the ledger; merge or split speakers by hand") { db, format, search };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var rows = new LedgerQueries(store).Speakers(result.GetValue(search));
            LedgerOutput.Write(context, result.GetRequiredValue(format), rows, ["id", "name", "titles", "quotes", "first seen", "last seen"],
                s => [s.Id.ToString(CultureInfo.InvariantCulture), s.Name, LedgerOutput.Clip(string.Join("; ", s.Titles.Concat(s.Affiliations)), 50), s.Quotes.ToString(CultureInfo.InvariantCulture), s.FirstSeen ?? "", s.LastSeen ?? ""]);
            return ExitCodes.Ok;
        }));

        var mergeDb = DbOption();
        var into = new Argument<long>("into") { Description = "The speaker id that stays" };
        var from = new Argument<long>("from") { Description = "The speaker id folded into it" };
        var merge = new Command("merge", "Treat two speakers as one person (remembered on re-ingest)") { into, from, mergeDb };
        merge.SetAction(result => WithLedger(context, result.GetValue(mergeDb), store =>
        {
            new LedgerEdits(store).MergeSpeakers(result.GetValue(into), result.GetValue(from));
            context.Err.WriteLine($"speakers merge: {result.GetValue(from)} is now part of {result.GetValue(into)}");
            return ExitCodes.Ok;
        }));

        var splitDb = DbOption();
        var id = new Argument<long>("id") { Description = "The speaker id that holds two people" };
        var name = new Option<string>("--name") { Description = "The name (as articles wrote it) that belongs to someone else", Required = true };
        var split = new Command("split", "Move one name of a speaker to a new speaker (remembered on re-ingest)") { id, name, splitDb };
        split.SetAction(result => WithLedger(context, result.GetValue(splitDb), store =>
        {
            long created = new LedgerEdits(store).SplitSpeaker(result.GetValue(id), result.GetRequiredValue(name));
            context.Out.WriteLine(created.ToString(CultureInfo.InvariantCulture));
            context.Err.WriteLine($"speakers split: '{result.GetRequiredValue(name)}' is now speaker {created}");
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(merge);
        command.Subcommands.Add(split);
        return command;
    }


    private static Command Speaker(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var name = new Argument<string>("name") { Description = "The speaker's id or name" };
        var command = new Command("speaker", "One speaker: titles, statements and forecasts") { name, db, format };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var q = new LedgerQueries(store);
            var ids = q.SpeakerIds(result.GetRequiredValue(name));
            if (ids.Count == 0)
            {
                context.Error($"speaker: no speaker matches '{result.GetRequiredValue(name)}'");
                return ExitCodes.SomeFailed;
            }
            var profiles = ids.Select(id => q.Profile(id, DateOnly.FromDateTime(DateTime.Today))).OfType<SpeakerProfile>().ToList();
            var fmt = result.GetRequiredValue(format);
            if (fmt != "table")
            {
                LedgerOutput.Write(context, fmt, profiles, [], _ => []);
                return ExitCodes.Ok;
            }
            foreach (var p in profiles)
            {
                context.Out.WriteLine($"#{p.Speaker.Id} {p.Speaker.Name} ({p.Speaker.Type}), {p.Speaker.Quotes} quotes, {p.Speaker.FirstSeen} to {p.Speaker.LastSeen}");
                if (p.Speaker.Titles.Count > 0) context.Out.WriteLine("  titles: " + string.Join("; ", p.Speaker.Titles));
                if (p.Speaker.Affiliations.Count > 0) context.Out.WriteLine("  affiliations: " + string.Join("; ", p.Speaker.Affiliations));
                foreach (var x in p.Quotes) context.Out.WriteLine($"  {x.FirstSeen} [{x.Kind}, {x.Sightings}x] {x.Text}");
                foreach (var f in p.Forecasts) context.Out.WriteLine($"  forecast #{f.Id}: {f.Claim} (due {f.Due ?? "-"}, {f.Status})");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Claims(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var about = new Option<string?>("--about") { Description = "Words of the subject (what is counted)" };
        var command = new Command("claims", "Figures about the same thing across articles, in the order they were given") { db, format, about };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var rows = new LedgerQueries(store).Claims(result.GetValue(about));
            LedgerOutput.Write(context, result.GetRequiredValue(format), rows, ["id", "subject", "figures over time"],
                c => [c.Id.ToString(CultureInfo.InvariantCulture), c.Subject,
                      string.Join(" → ", c.Points.Select(p => $"{LedgerOutput.Figure(p.Value, p.Low, p.High, p.Bound)} {p.Date} {p.Speaker ?? "(article)"}{(p.Disputed ? " !" : "")}"))]);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Forecasts(CliContext context)
    {
        var db = DbOption();
        var format = FormatOption();
        var due = new Option<string?>("--due") { Description = "today, week, month, past, a day YYYY-MM-DD (due by then) or FROM..TO" };
        var status = new Option<string?>("--status") { Description = string.Join(", ", ForecastStatus.All) };
        status.AcceptOnlyFromAmong(ForecastStatus.All);
        var speaker = new Option<string?>("--speaker") { Description = "A speaker's id or name" };
        var today = new Option<string?>("--today") { Description = "Take this day (YYYY-MM-DD) as today", HelpName = "YYYY-MM-DD" };
        var command = new Command("forecasts", "Predictions with their due dates and how they turned out") { db, format, due, status, speaker, today };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            var day = ParseDay(result.GetValue(today), "--today") ?? DateOnly.FromDateTime(DateTime.Today);
            var rows = new LedgerQueries(store).Forecasts(day, result.GetValue(due), result.GetValue(status), result.GetValue(speaker));
            LedgerOutput.Write(context, result.GetRequiredValue(format), rows, ["id", "due", "status", "speaker", "claim"],
                f => [f.Id.ToString(CultureInfo.InvariantCulture), f.Due ?? "", f.Status, f.Speaker, LedgerOutput.Clip(f.Claim, 90)]);
            return ExitCodes.Ok;
        }));

        var resolveDb = DbOption();
        var id = new Argument<long>("id") { Description = "The forecast's id" };
        var outcome = new Option<string>("--outcome") { Description = string.Join(", ", ForecastStatus.Outcomes), Required = true };
        outcome.AcceptOnlyFromAmong(ForecastStatus.Outcomes);
        var evidence = new Option<string?>("--evidence") { Description = "A ledger document id or a URL that shows the outcome" };
        var note = new Option<string?>("--note") { Description = "A short note on the outcome" };
        var resolve = new Command("resolve", "Record how a forecast turned out") { id, outcome, evidence, note, resolveDb };
        resolve.SetAction(result => WithLedger(context, result.GetValue(resolveDb), store =>
        {
            new LedgerEdits(store).ResolveForecast(result.GetValue(id), result.GetRequiredValue(outcome), result.GetValue(evidence), result.GetValue(note));
            context.Err.WriteLine($"forecasts resolve: #{result.GetValue(id)} is {result.GetRequiredValue(outcome)}");
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(resolve);
        return command;
    }

    private static Command Export(CliContext context)
    {
        var db = DbOption();
        var command = new Command("export", "Every latest article with its extraction, as JSON Lines (the extract format plus ledger_id)") { db };
        command.SetAction(result => WithLedger(context, result.GetValue(db), store =>
        {
            new LedgerQueries(store).Export(context.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? Day(string? value, string option) => ParseDay(value, option) is { } d ? ForecastStatus.Day(d) : null;

    private static DateOnly? ParseDay(string? value, string option)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option}: not a date (YYYY-MM-DD): {value}");
    }

    private static string? Str(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture);
}

/// <summary>The --input-format names and the <see cref="InputFormat"/> each stands for.</summary>
internal static class InputFormats
{
    public static string[] Names { get; } = Enum.GetNames<InputFormat>()
        .Select(n => n == nameof(InputFormat.JsonLines) ? "jsonl" : n.ToLowerInvariant()).ToArray();

    /// <summary>auto where this build can detect formats, else text.</summary>
    public static string Default => Names.Contains("auto") ? "auto" : "text";

    public static InputFormat Parse(string name) =>
        name == "jsonl" ? InputFormat.JsonLines : Enum.Parse<InputFormat>(name, ignoreCase: true);
}

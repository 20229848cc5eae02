using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Verbatim.Input;
using Verbatim.Input.Web;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Cli.Commands;

/// <summary>
/// <c>verbatim extract [FILE|DIR|-]... [--published DATE] [--format text|json|jsonl|brat] [--out DIR] [--input-format auto|text|html|jsonl|rss|warc]</c>:
/// runs the default pipeline over each input and writes what it finds. A bad input is reported on
/// stderr and skipped; the others go on (exit code 1 when any failed).
/// </summary>
public static class ExtractCommand
{
    /// <summary>Above this many input files, a terminal gets a progress bar on stderr.</summary>
    private const int ProgressThreshold = 10;

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, folders (all files of the input format, recursively), http(s) URLs, or - for stdin",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) of the articles; relative dates are read against it",
            HelpName = "YYYY-MM-DD",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: text (a report for people), json (one document), jsonl (one line per document), brat (standoff .ann files)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "brat");
        var outDir = new Option<string?>("--out", "-o")
        {
            Description = "Folder to write into: ID.json, ID.ann, ID.report.txt or documents.jsonl",
            HelpName = "DIR",
        };
        var inputFormat = new Option<string>("--input-format")
        {
            Description = "How inputs are laid out: text (one article per file), html (a news page), jsonl (one {id, text|html, ...} object per line), rss (RSS or Atom feed), warc (web archive, .warc or .warc.gz), or auto (by name and content)",
            DefaultValueFactory = _ => "text",
        };
        inputFormat.AcceptOnlyFromAmong("auto", "text", "html", "jsonl", "rss", "warc");
        var maxSize = new Option<long>("--max-size")
        {
            Description = "Refuse articles (files, or JSON Lines records) larger than this many bytes",
            DefaultValueFactory = _ => InputLimits.DefaultMaxBytes,
            HelpName = "BYTES",
        };

        var command = new Command("extract", "Extract attributed statements (who said what) from articles")
        {
            inputs, published, format, outDir, inputFormat, maxSize,
        };
        command.SetAction(result => new Run(context,
            result.GetValue(inputs) ?? [],
            ParseDate(result.GetValue(published)),
            ParseFormat(result.GetRequiredValue(format)),
            result.GetValue(outDir),
            ParseInputFormat(result.GetRequiredValue(inputFormat)),
            result.GetValue(maxSize) is > 0 and var max ? max : throw new UsageException("extract: --max-size must be positive")).Execute());
        return command;
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (value is null) return null;
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--published: not a date (YYYY-MM-DD): {value}");
    }

    private static InputFormat ParseInputFormat(string value) => value switch
    {
        "auto" => InputFormat.Auto,
        "html" => InputFormat.Html,
        "jsonl" => InputFormat.JsonLines,
        "rss" => InputFormat.Rss,
        "warc" => InputFormat.Warc,
        _ => InputFormat.Text,
    };

    /// <summary>Whether an input may hold several articles (a feed, an archive, JSON Lines, a URL that may be a feed).</summary>
    private static bool MayHoldSeveral(string path, InputFormat format) => format switch
    {
        InputFormat.JsonLines or InputFormat.Rss or InputFormat.Warc => true,
        InputFormat.Auto => UrlSource.IsUrl(path) || path == ArticleSources.StdinName
            || InputDetection.FromName(path) is null or InputFormat.JsonLines or InputFormat.Rss or InputFormat.Warc,
        _ => false,
    };

    private static OutputFormat ParseFormat(string value) => value switch
    {
        "json" => OutputFormat.Json,
        "jsonl" => OutputFormat.JsonLines,
        "brat" => OutputFormat.Brat,
        _ => OutputFormat.Text,
    };

    /// <summary>One run of the command: the batch loop, the failure count and the progress display.</summary>
    private sealed class Run(CliContext context, string[] paths, DateOnly? published, OutputFormat format, string? outDir, InputFormat inputFormat, long maxBytes)
    {
        private int _failures;

        public int Execute()
        {
            if (paths.Length == 0)
            {
                // A pipe is an input; a bare terminal is a forgotten argument.
                paths = !context.StdinIsTerminal ? [ArticleSources.StdinName]
                    : throw new UsageException("extract: no input (name files, folders, or - for stdin)");
            }
            // System.CommandLine hands an unknown "--option" to the inputs argument; a typo is not a file.
            if (paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
            {
                throw new UsageException($"extract: unknown option {unknown}");
            }
            if (paths.Count(p => p == ArticleSources.StdinName) > 1)
            {
                throw new UsageException("extract: stdin (-) can be read only once");
            }
            bool several = paths.Length > 1 || paths.Any(p => Directory.Exists(p) || MayHoldSeveral(p, inputFormat));
            using var sink = DocumentSink.Create(format, outDir, several, context);

            // Only the list of files is held; documents are read, processed and written one at a time.
            var sources = new ArticleSources(paths, inputFormat, published, context.Stdin, maxBytes).Expand().ToList();
            var pipeline = ExtractionPipeline.CreateDefault();

            if (context.ErrIsTerminal && sources.Count > ProgressThreshold)
            {
                var console = CliContext.SpectreOver(context.Err, styled: true);
                console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask("extracting", maxValue: sources.Count);
                        foreach (var source in sources)
                        {
                            Process(source, pipeline, sink, message => console.MarkupLine("[red]verbatim:[/] " + Markup.Escape(message)));
                            task.Increment(1);
                        }
                    });
            }
            else
            {
                foreach (var source in sources)
                {
                    Process(source, pipeline, sink, context.Error);
                }
            }
            sink.Complete();
            return _failures > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        }

        private void Process(IArticleSource source, ExtractionPipeline pipeline, DocumentSink sink, Action<string> report)
        {
            foreach (var item in source.Read())
            {
                if (item.Article is not { } article)
                {
                    Fail(report, item.InputName, item.FailureReason ?? "unreadable");
                    continue;
                }
                Document document;
                try
                {
                    document = pipeline.Process(article.Text, article.Metadata);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One article that trips the engine must not sink the batch; say which one and go on.
                    Fail(report, item.InputName, $"extraction failed: {e.GetType().Name}: {e.Message}");
                    continue;
                }
                try
                {
                    sink.Write(document);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputNameException)
                {
                    Fail(report, item.InputName, e.Message);
                }
            }
        }

        private void Fail(Action<string> report, string inputName, string reason)
        {
            _failures++;
            report($"{inputName}: {reason}");
        }
    }
}

public enum OutputFormat
{
    Text,
    Json,
    JsonLines,
    Brat,
}

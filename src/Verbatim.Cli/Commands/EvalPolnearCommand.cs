using System.CommandLine;
using System.Globalization;
using Verbatim.Evaluation;
using Verbatim.Input;
using Verbatim.Output;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Cli.Commands;

/// <summary>
/// <c>verbatim eval polnear DIR [--system DIR] [--min KEY=VALUE,...] [--json]</c>: attribution scores on a
/// PolNeAR split, the same figures, format and exit status as tools/score_attributions.py. Without
/// --system it runs the default pipeline over DIR/text/*.txt and scores what it writes as brat.
/// </summary>
public static class EvalPolnearCommand
{
    public static Command Create(CliContext context)
    {
        var split = new Argument<string>("dir") { Description = "A PolNeAR split: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann" };
        var system = new Option<string?>("--system") { Description = "Score the NAME.ann files in this folder instead of running extraction", HelpName = "DIR" };
        var min = new Option<string?>("--min")
        {
            Description = "Bounds that must be met, else exit status 1: KEY=VALUE,... (keys: " + string.Join(", ", AttributionScorer.PrintedKeys)
                + " for F1; the same ending in _p for precision)",
            HelpName = "KEY=VALUE,...",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (as the script's --json does)" };
        var command = new Command("polnear", "PolNeAR attribution scores (exact and overlap, per role, per attribution)")
        {
            split, system, min, json,
        };
        command.SetAction(result => Execute(context, result.GetRequiredValue(split), result.GetValue(system), result.GetValue(min), result.GetValue(json)));
        return command;
    }

    private static int Execute(CliContext context, string split, string? systemDir, string? min, bool asJson)
    {
        var bounds = ParseBounds(min);
        if (!Directory.Exists(Path.Combine(split, "text")) || !Directory.Exists(Path.Combine(split, "attributions")))
        {
            throw new UsageException($"eval polnear: {split}: not a PolNeAR split (expected text/ and attributions/ folders)");
        }
        if (systemDir is not null && !Directory.Exists(systemDir))
        {
            throw new UsageException($"eval polnear: --system {systemDir}: no such folder");
        }

        ScoreReport report;
        if (systemDir is not null)
        {
            report = AttributionScorer.Score(split, systemDir);
        }
        else
        {
            var pipeline = ExtractionPipeline.CreateDefault();
            report = AttributionScorer.Score(split, name => Extract(context, pipeline, Path.Combine(split, "text", name + ".txt"), name));
        }
        context.Out.Write(asJson ? report.ToJson(bounds) : report.ToText(bounds));
        return report.Failed(bounds).Count > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>
    /// Runs the pipeline on one article and reads back its brat output, so that what is scored is
    /// exactly what `extract --format brat` would write. An article that fails counts as a missing file.
    /// </summary>
    private static IReadOnlyList<ScoredAttribution>? Extract(CliContext context, ExtractionPipeline pipeline, string path, string name)
    {
        try
        {
            var text = TextDecoder.Decode(File.ReadAllBytes(path), path);
            var document = pipeline.Process(text, new DocumentMetadata(name));
            return BratAnnotations.Parse(BratWriter.ToAnn(document));
        }
        catch (InvalidInputException e)
        {
            context.Error(e.Message);
            return null;
        }
    }

    /// <summary>Reads "--min attribution=0.5,cue_p=0.6"; a key given twice keeps its first place and its last value, as a Python dict does.</summary>
    private static List<KeyValuePair<string, double>> ParseBounds(string? min)
    {
        var bounds = new List<KeyValuePair<string, double>>();
        if (min is null) return bounds;
        foreach (var pair in min.Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"eval polnear: --min: expected KEY=VALUE, got \"{pair}\"");
            }
            var key = kv[0];
            var figure = key.EndsWith("_p", StringComparison.Ordinal) ? key[..^2] : key;
            if (!AttributionScorer.BoundKeys.Contains(figure))
            {
                throw new UsageException($"eval polnear: --min: unknown key \"{key}\" (keys: {string.Join(", ", AttributionScorer.PrintedKeys)}, or one ending in _p)");
            }
            int at = bounds.FindIndex(b => b.Key == key);
            if (at >= 0) bounds[at] = new(key, value); else bounds.Add(new(key, value));
        }
        return bounds;
    }
}

using System.Collections.Immutable;
using System.Text;
using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Output;

/// <summary>What a piece of the report is, so that a terminal can colour it and a file can ignore it.</summary>
public enum ReportPart
{
    Plain,
    Heading,
    Speaker,
    Detail,
    Kind,
    Quote,
    Context,
}

/// <summary>Where a report goes: plain text, or a styled terminal (the CLI's Spectre sink).</summary>
public interface IReportSink
{
    void Write(string text, ReportPart part);

    void WriteLine();
}

/// <summary>
/// Notes a later layer adds under each statement of the report ("figures: as many as 8,000 (at
/// most 8000)"). A layer's notes live in its own folder, listed in <see cref="TextReport.Notes"/>.
/// </summary>
public interface IReportNotes
{
    /// <summary>The label of the line ("figures", "dates", "forecasts").</summary>
    string Label { get; }

    /// <summary>
    /// The notes of every attribution of the document, by attribution id, each a short phrase;
    /// built once per document, so a long article costs one pass over the layer, not one per statement.
    /// </summary>
    ILookup<int, string> For(Document document);
}

/// <summary>Writes the report as plain text, the parts unstyled.</summary>
public sealed class PlainReportSink(TextWriter output) : IReportSink
{
    public void Write(string text, ReportPart part) => output.Write(text);

    public void WriteLine() => output.WriteLine();
}

/// <summary>
/// The report for people: per attribution, who said it (name, title), how (kind), what (the
/// quote) and a short context. Reads the layers only.
/// </summary>
public static class TextReport
{
    /// <summary>Context shown on each side of the attribution, in characters, before it is cut with "…".</summary>
    private const int ContextChars = 60;

    /// <summary>Characters kept at each end of a long attribution inside its context line.</summary>
    private const int MiddleChars = 40;

    public static void Write(Document document, IReportSink sink)
    {
        var meta = document.Metadata;
        var attributions = document.Get<AttributionLayer>()?.Items ?? ImmutableArray<Attribution.Attribution>.Empty;
        var speakers = document.Get<SpeakerLayer>();
        var ids = OutputIds.For(attributions);

        sink.Write(meta.Title is null ? meta.Id : $"{meta.Title} ({meta.Id})", ReportPart.Heading);
        if (meta.Published is DateOnly date)
        {
            sink.Write($"  {date:yyyy-MM-dd}", ReportPart.Detail);
        }
        sink.Write($"  {attributions.Length} attribution{(attributions.Length == 1 ? "" : "s")}", ReportPart.Detail);
        sink.WriteLine();

        var notes = Notes.Select(n => (n.Label, n.For(document))).ToList();
        foreach (var a in attributions)
        {
            sink.Write($"{ids[a.Id],-4} ", ReportPart.Detail);
            if (speakers is not null && speakers.ByAttribution.TryGetValue(a.Id, out var speaker))
            {
                sink.Write(speaker.Name, ReportPart.Speaker);
                var details = string.Join(", ", new[] { speaker.Title, speaker.Affiliation }.Where(d => !string.IsNullOrEmpty(d)));
                if (details.Length > 0) sink.Write($" ({details})", ReportPart.Detail);
            }
            else if (a.Source is TextSpan source)
            {
                sink.Write(OneLine(document[source]).Trim(), ReportPart.Speaker);
            }
            else
            {
                sink.Write("(no source)", ReportPart.Detail);
            }
            sink.Write("  " + DocumentJson.KindName(a.Kind), ReportPart.Kind);
            if (a.Cue is TextSpan cue) sink.Write($", “{OneLine(document[cue]).Trim()}”", ReportPart.Detail);
            if (a.NestedIn is int outer && ids.TryGetValue(outer, out var outerId)) sink.Write($", inside {outerId}", ReportPart.Detail);
            sink.WriteLine();

            sink.Write("     ", ReportPart.Plain);
            sink.Write(OneLine(string.Join(" … ", a.Content.Select(c => document[c]))).Trim(), ReportPart.Quote);
            sink.WriteLine();

            sink.Write("     ", ReportPart.Plain);
            sink.Write(Context(document, a), ReportPart.Context);
            sink.WriteLine();

            foreach (var (label, byAttribution) in notes)
            {
                var lines = byAttribution[a.Id].ToList();
                if (lines.Count == 0) continue;
                sink.Write($"     {label}: ", ReportPart.Detail);
                sink.Write(string.Join("; ", lines), ReportPart.Plain);
                sink.WriteLine();
            }
        }
        sink.WriteLine();
    }

    /// <summary>The layers that add notes under each statement, in the order they are shown.</summary>
    public static readonly ImmutableArray<IReportNotes> Notes = [new Quantities.QuantityNotes(), new Times.TimeNotes(), new Forecasts.ForecastNotes()];

    /// <summary>The report as plain text.</summary>
    public static string ToText(Document document)
    {
        var text = new StringWriter();
        Write(document, new PlainReportSink(text));
        return text.ToString();
    }

    /// <summary>The text around the source, cue and content, cut at <see cref="ContextChars"/> each side of them.</summary>
    private static string Context(Document document, Attribution.Attribution a)
    {
        var extent = a.Content.IsEmpty ? default : a.ContentExtent;
        if (a.Source is TextSpan s) extent = extent.IsEmpty ? s : TextSpan.Cover(extent, s);
        if (a.Cue is TextSpan c) extent = extent.IsEmpty ? c : TextSpan.Cover(extent, c);
        int start = Math.Max(0, extent.Start - ContextChars);
        int end = Math.Min(document.Text.Length, extent.End + ContextChars);
        // Never cut a surrogate pair in two.
        if (start > 0 && char.IsLowSurrogate(document.Text[start])) start--;
        if (end < document.Text.Length && char.IsLowSurrogate(document.Text[end])) end++;
        var context = new StringBuilder();
        if (start > 0) context.Append('…');
        context.Append(OneLine(document.Text[start..extent.Start]).TrimStart());
        // The quote itself is on the line above; here a long one is shortened to its ends.
        var middle = OneLine(document[extent]);
        context.Append(middle.Length <= 2 * MiddleChars ? middle
            : string.Concat(middle.AsSpan(0, MiddleChars), " […] ", middle.AsSpan(middle.Length - MiddleChars)));
        context.Append(OneLine(document.Text[extent.End..end]).TrimEnd());
        if (end < document.Text.Length) context.Append('…');
        return context.ToString();
    }

    /// <summary>Each run of whitespace (line breaks included) as one space, so a report line stays one line.</summary>
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!space) builder.Append(' ');
                space = true;
                continue;
            }
            space = false;
            builder.Append(ch);
        }
        return builder.ToString();
    }
}

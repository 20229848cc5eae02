using System.Globalization;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>The report's "figures" line: each figure a statement carries, as written and as read.</summary>
public sealed class QuantityNotes : IReportNotes
{
    public string Label => "figures";

    public ILookup<int, string> For(Document document) =>
        (document.Get<QuantityLayer>()?.Items ?? [])
            .Where(q => q.Attribution is not null)
            .ToLookup(q => q.Attribution!.Value, q => $"“{document[q.Span]}” = {Reading(q)}");

    /// <summary>"≤ 8000 North Korean forces", "≈ 1200 casualties per day", "400–450 dollar": the bound as a sign, since "more than 50" and "at least 50" are both lower bounds.</summary>
    public static string Reading(Quantity q)
    {
        static string N(double? v) => v is double d ? d.ToString("0.####", CultureInfo.InvariantCulture) : "?";
        var number = q.Bound switch
        {
            QuantityBound.Approx => "≈ " + N(q.Value),
            QuantityBound.Upper => "≤ " + N(q.Value ?? q.High),
            QuantityBound.Lower => "≥ " + N(q.Value ?? q.Low),
            QuantityBound.Range => $"{N(q.Low)}–{N(q.High)}",
            _ => N(q.Value),
        };
        var what = q.Unit ?? q.Counted;
        var text = what is null ? number : $"{number} {what}";
        if (q.Per is not null) text += " per " + q.Per;
        if (q.Trend == QuantityTrend.Up) text += " (up)";
        if (q.Trend == QuantityTrend.Down) text += " (down)";
        return text;
    }
}

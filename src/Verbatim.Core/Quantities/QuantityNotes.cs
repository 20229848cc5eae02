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
        var number = Number(q.Value, q.Low, q.High, q.Bound);
        var what = q.Unit ?? q.Counted;
        var text = what is null ? number : $"{number} {what}";
        if (q.Per is not null) text += " per " + q.Per;
        if (q.Trend == QuantityTrend.Up) text += " (up)";
        if (q.Trend == QuantityTrend.Down) text += " (down)";
        return text;
    }

    /// <summary>The figure alone with its bound as a sign: "≤ 8000", "≈ 1200", "≥ 50", "400–450".</summary>
    public static string Number(double? value, double? low, double? high, QuantityBound bound)
    {
        static string N(double? v) => v is double d ? d.ToString("0.####", CultureInfo.InvariantCulture) : "?";
        return bound switch
        {
            QuantityBound.Approx => "≈ " + N(value),
            QuantityBound.Upper => "≤ " + N(value ?? high),
            QuantityBound.Lower => "≥ " + N(value ?? low),
            QuantityBound.Range => $"{N(low)}–{N(high)}",
            _ => N(value),
        };
    }
}

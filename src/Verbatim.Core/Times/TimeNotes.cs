using System.Globalization;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>The report's "dates" line: the time expressions inside a statement, resolved.</summary>
public sealed class TimeNotes : IReportNotes
{
    public string Label => "dates";

    /// <summary>Each time expression goes under the innermost statement that holds it.</summary>
    public ILookup<int, string> For(Document document)
    {
        var times = document.Get<TimeLayer>()?.Items ?? [];
        var attributions = document.Get<Attribution.AttributionLayer>()?.Items ?? [];
        if (times.Length == 0 || attributions.Length == 0) return Array.Empty<int>().ToLookup(x => x, x => "");
        var holders = new Attribution.ContentIndex(attributions);
        return times
            .Select(t => (Holder: holders.Innermost(t.Span), Time: t))
            .Where(x => x.Holder is not null)
            .ToLookup(x => x.Holder!.Value, x => $"“{document[x.Time.Span]}” = {Reading(x.Time)}");
    }

    public static string Reading(TimeExpression time)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
        if (time.Value is { } day) return D(day);
        if (time.From is not null || time.To is not null) return $"{D(time.From)} to {D(time.To)}";
        return TimesJson.KindName(time.Kind);
    }
}

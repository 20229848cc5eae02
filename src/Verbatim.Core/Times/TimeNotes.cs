using System.Globalization;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>The report's "dates" line: the time expressions inside a statement, resolved.</summary>
public sealed class TimeNotes : IReportNotes
{
    public string Label => "dates";

    public IEnumerable<string> For(Document document, Attribution.Attribution attribution)
    {
        if (document.Get<TimeLayer>() is not { } layer) yield break;
        foreach (var time in layer.Items)
        {
            if (!attribution.Content.Any(c => c.Contains(time.Span))) continue;
            yield return $"“{document[time.Span]}” = {Reading(time)}";
        }
    }

    public static string Reading(TimeExpression time)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
        if (time.Value is { } day) return D(day);
        if (time.From is not null || time.To is not null) return $"{D(time.From)} to {D(time.To)}";
        return TimesJson.KindName(time.Kind);
    }
}

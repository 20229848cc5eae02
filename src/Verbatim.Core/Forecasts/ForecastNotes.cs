using System.Globalization;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Forecasts;

/// <summary>The report's "forecasts" line: what the statement predicts, how, and when it falls due.</summary>
public sealed class ForecastNotes : IReportNotes
{
    public string Label => "forecasts";

    public IEnumerable<string> For(Document document, Attribution.Attribution attribution)
    {
        if (document.Get<ForecastLayer>() is not { } layer) yield break;
        foreach (var f in layer.Items)
        {
            if (f.Attribution != attribution.Id) continue;
            var when = f.Horizon is { } h ? $" — “{document[h.Span]}”" : "";
            var due = f.Due is DateOnly d ? $", due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
            yield return $"{f.Modality}: {f.Claim}{when}{due}";
        }
    }
}

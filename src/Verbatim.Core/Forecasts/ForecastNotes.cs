using System.Globalization;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Forecasts;

/// <summary>The report's "forecasts" line: what the statement predicts, how, and when it falls due.</summary>
public sealed class ForecastNotes : IReportNotes
{
    public string Label => "forecasts";

    public ILookup<int, string> For(Document document) =>
        (document.Get<ForecastLayer>()?.Items ?? []).ToLookup(f => f.Attribution, f =>
        {
            var when = f.Horizon is { } h ? $" — “{document[h.Span]}”" : "";
            var due = f.Due is DateOnly d ? $", due {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
            return $"{f.Modality}: {f.Claim}{when}{due}";
        });
}

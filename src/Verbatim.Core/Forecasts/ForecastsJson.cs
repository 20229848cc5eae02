using System.Globalization;
using System.Text.Json;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Forecasts;

/// <summary>
/// Writes <c>forecasts[]</c>: <c>{id, attribution, speaker, modality, claim, horizon: {start, end,
/// text, from, to}|null, due}</c>, ids "f1", "f2", … in document order.
/// </summary>
public sealed class ForecastsJson : IJsonLayerWriter
{
    public void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds)
    {
        writer.WriteStartArray("forecasts");
        int n = 0;
        foreach (var f in document.Get<ForecastLayer>()?.Items ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("id", "f" + (++n).ToString(CultureInfo.InvariantCulture));
            JsonParts.WriteNullable(writer, "attribution", attributionIds.TryGetValue(f.Attribution, out var id) ? id : null);
            writer.WriteString("speaker", f.Speaker);
            writer.WriteString("modality", f.Modality);
            writer.WriteString("claim", f.Claim);
            JsonParts.WriteSpanOrNull(writer, "claim_span", document, f.ClaimSpan);
            if (f.Horizon is { } h)
            {
                writer.WriteStartObject("horizon");
                JsonParts.WriteSpanFields(writer, document, h.Span);
                JsonParts.WriteDate(writer, "from", h.From ?? h.Value);
                JsonParts.WriteDate(writer, "to", h.To ?? h.Value);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("horizon");
            }
            JsonParts.WriteDate(writer, "due", f.Due);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}

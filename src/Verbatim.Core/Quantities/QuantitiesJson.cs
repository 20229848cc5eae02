using System.Text.Json;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>
/// Writes <c>quantities[]</c> (docs/output.md): span, value, low/high, bound, trend, unit, counted,
/// per and the output id of the attribution that carries the figure. A document processed without
/// the quantity stage gets an empty array, so the shape of the output never depends on the stages.
/// </summary>
public sealed class QuantitiesJson : IJsonLayerWriter
{
    public void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds)
    {
        writer.WriteStartArray("quantities");
        foreach (var q in document.Get<QuantityLayer>()?.Items ?? [])
        {
            writer.WriteStartObject();
            JsonParts.WriteSpanFields(writer, document, q.Span);
            JsonParts.WriteNullable(writer, "value", q.Value);
            // An upper bound is the figure's high end, a lower bound its low end; a range has both.
            JsonParts.WriteNullable(writer, "low", q.Bound == QuantityBound.Lower ? q.Value : q.Low);
            JsonParts.WriteNullable(writer, "high", q.Bound == QuantityBound.Upper ? q.Value : q.High);
            writer.WriteString("bound", BoundName(q.Bound));
            JsonParts.WriteNullable(writer, "trend", q.Trend switch { QuantityTrend.Up => "up", QuantityTrend.Down => "down", _ => null });
            JsonParts.WriteNullable(writer, "unit", q.Unit);
            JsonParts.WriteNullable(writer, "counted", q.Counted);
            JsonParts.WriteNullable(writer, "per", q.Per);
            JsonParts.WriteNullable(writer, "attribution",
                q.Attribution is int a && attributionIds.TryGetValue(a, out var id) ? id : null);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static string BoundName(QuantityBound bound) => bound switch
    {
        QuantityBound.Exact => "exact",
        QuantityBound.Approx => "approx",
        QuantityBound.Upper => "upper",
        QuantityBound.Lower => "lower",
        QuantityBound.Range => "range",
        _ => throw new ArgumentOutOfRangeException(nameof(bound), bound, null),
    };
}

using System.Text.Json;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>Writes <c>times[]</c>: {start, end, text, kind, value, from, to}, offsets in code points (docs/output.md).</summary>
public sealed class TimesJson : IJsonLayerWriter
{
    public void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds)
    {
        writer.WriteStartArray("times");
        foreach (var t in document.Get<TimeLayer>()?.Items ?? [])
        {
            writer.WriteStartObject();
            JsonParts.WriteSpanFields(writer, document, t.Span);
            writer.WriteString("kind", KindName(t.Kind));
            JsonParts.WriteDate(writer, "value", t.Value);
            JsonParts.WriteDate(writer, "from", t.From);
            JsonParts.WriteDate(writer, "to", t.To);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static string KindName(TimeKind kind) => kind switch
    {
        TimeKind.Date => "date",
        TimeKind.DateTime => "datetime",
        TimeKind.Duration => "duration",
        TimeKind.Window => "window",
        TimeKind.Season => "season",
        TimeKind.Set => "set",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

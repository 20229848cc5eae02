using System.Text.Json;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Events;

/// <summary>Writes <c>events[]</c>: <c>{kind, name, start, end, place, date, participants[]}</c>.</summary>
public sealed class EventsJson : IJsonLayerWriter
{
    public void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds)
    {
        writer.WriteStartArray("events");
        foreach (var e in document.Get<EventLayer>()?.Items ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("kind", KindName(e.Kind));
            writer.WriteString("name", e.Name);
            writer.WriteNumber("start", document.ToCodePoint(e.Span.Start));
            writer.WriteNumber("end", document.ToCodePoint(e.Span.End));
            JsonParts.WriteNullable(writer, "place", e.Place);
            JsonParts.WriteDate(writer, "date", e.Date);
            writer.WriteStartArray("participants");
            foreach (var p in e.Participants) writer.WriteStringValue(p);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static string KindName(EventKind kind) => kind switch
    {
        EventKind.Meeting => "meeting",
        EventKind.Call => "call",
        EventKind.Visit => "visit",
        EventKind.Summit => "summit",
        EventKind.PressConference => "press_conference",
        _ => "other",
    };
}

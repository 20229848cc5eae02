using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Verbatim.Attribution;
using Verbatim.Entities;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Output;

/// <summary>
/// Writes a processed document as Verbatim's document JSON (docs/output.md, docs/schema/document.schema.json).
/// Reads the layers only: extraction is never re-run here. Offsets are Unicode code points.
/// </summary>
public static class DocumentJson
{
    /// <summary>Non-ASCII text stays as written (curly quotes, accents), which keeps the output readable;
    /// the relaxed encoder still escapes controls, and it is meant for files and pipes, not HTML.</summary>
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one document as a JSON object to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Document document, bool indented)
    {
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        Write(writer, document);
    }

    /// <summary>Writes one document as a JSON object to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, Document document, bool indented)
    {
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        Write(writer, document);
    }

    /// <summary>The document's JSON as a string.</summary>
    public static string ToJson(Document document, bool indented = true)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, document, indented);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the document object with an existing writer, so callers can embed it in larger JSON.</summary>
    public static void Write(Utf8JsonWriter writer, Document document)
    {
        var meta = document.Metadata;
        writer.WriteStartObject();

        writer.WriteStartObject("document");
        writer.WriteString("id", meta.Id);
        WriteNullable(writer, "title", meta.Title);
        WriteNullable(writer, "published", meta.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullable(writer, "source", meta.Source);
        WriteNullable(writer, "url", meta.Url);
        writer.WriteEndObject();

        writer.WriteString("text", document.Text);

        var attributions = document.Get<AttributionLayer>()?.Items ?? ImmutableArray<Attribution.Attribution>.Empty;
        var speakers = document.Get<SpeakerLayer>();
        var ids = OutputIds.For(attributions);
        writer.WriteStartArray("attributions");
        foreach (var a in attributions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", ids[a.Id]);
            writer.WriteString("kind", KindName(a.Kind));
            WriteSpanOrNull(writer, "source", document, a.Source);
            WriteSpanOrNull(writer, "cue", document, a.Cue);
            writer.WriteStartArray("content");
            foreach (var span in a.Content)
            {
                WriteSpan(writer, document, span);
            }
            writer.WriteEndArray();
            if (speakers is not null && speakers.ByAttribution.TryGetValue(a.Id, out var speaker))
            {
                writer.WriteStartObject("speaker");
                writer.WriteString("id", speaker.Id);
                writer.WriteString("name", speaker.Name);
                WriteNullable(writer, "title", speaker.Title);
                WriteNullable(writer, "affiliation", speaker.Affiliation);
                writer.WriteString("type", TypeName(speaker.Type));
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("speaker");
            }
            if (a.NestedIn is int outer && ids.TryGetValue(outer, out var outerId))
            {
                writer.WriteString("nested_in", outerId);
            }
            else
            {
                writer.WriteNull("nested_in");
            }
            if (a.Continues is int previous && ids.TryGetValue(previous, out var previousId))
            {
                writer.WriteString("continues", previousId);
            }
            else
            {
                writer.WriteNull("continues");
            }
            // Four decimals are more than a confidence can mean, and keep diffs of outputs quiet.
            writer.WriteNumber("confidence", Math.Round(a.Confidence, 4));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        foreach (var layer in LayerWriters)
        {
            layer.Write(writer, document, ids);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// Writers of the layers that come after attributions (figures, times, forecasts, ...), in
    /// output order. A new layer is a new writer in its own folder, added here.
    /// </summary>
    public static readonly ImmutableArray<IJsonLayerWriter> LayerWriters = [new Quantities.QuantitiesJson(), new Times.TimesJson(), new Forecasts.ForecastsJson(), new Events.EventsJson(), new EntitiesJson()];

    public static string KindName(AttributionKind kind) => kind switch
    {
        AttributionKind.Direct => "direct",
        AttributionKind.Indirect => "indirect",
        AttributionKind.Mixed => "mixed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string TypeName(SpeakerType type) => type switch
    {
        SpeakerType.Person => "person",
        SpeakerType.Organization => "organization",
        SpeakerType.Group => "group",
        SpeakerType.Document => "document",
        SpeakerType.Anonymous => "anonymous",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value) => JsonParts.WriteNullable(writer, name, value);

    private static void WriteSpanOrNull(Utf8JsonWriter writer, string name, Document document, TextSpan? span) =>
        JsonParts.WriteSpanOrNull(writer, name, document, span);

    private static void WriteSpan(Utf8JsonWriter writer, Document document, TextSpan span) => JsonParts.WriteSpan(writer, document, span);
}

/// <summary>Writes one layer of a document into the document JSON object (a property, usually an array).</summary>
public interface IJsonLayerWriter
{
    /// <param name="attributionIds">Output ids ("a1", ...) of the attributions by engine id, for layers that point at them.</param>
    void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds);
}

/// <summary>The small pieces every JSON layer writer needs: spans in code points, nullable strings and dates.</summary>
public static class JsonParts
{
    public static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name); else writer.WriteString(name, value);
    }

    public static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v) writer.WriteNumber(name, v); else writer.WriteNull(name);
    }

    public static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? value) =>
        WriteNullable(writer, name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static void WriteSpanOrNull(Utf8JsonWriter writer, string name, Document document, TextSpan? span)
    {
        writer.WritePropertyName(name);
        if (span is TextSpan s) WriteSpan(writer, document, s); else writer.WriteNullValue();
    }

    /// <summary>A span as {start, end, text}, offsets in Unicode code points of the document text.</summary>
    public static void WriteSpan(Utf8JsonWriter writer, Document document, TextSpan span)
    {
        writer.WriteStartObject();
        WriteSpanFields(writer, document, span);
        writer.WriteEndObject();
    }

    /// <summary>The start, end and text properties of a span, inside an object the caller opened.</summary>
    public static void WriteSpanFields(Utf8JsonWriter writer, Document document, TextSpan span)
    {
        writer.WriteNumber("start", document.ToCodePoint(span.Start));
        writer.WriteNumber("end", document.ToCodePoint(span.End));
        writer.WriteString("text", document.Slice(span));
    }
}

/// <summary>
/// Output ids ("a1", "a2", …) by position in the layer, so they are dense and in document order
/// whatever numbering the engine uses internally; nested_in is mapped through the same table.
/// </summary>
public static class OutputIds
{
    public static Dictionary<int, string> For(ImmutableArray<Attribution.Attribution> attributions)
    {
        var ids = new Dictionary<int, string>(attributions.Length);
        for (int i = 0; i < attributions.Length; i++)
        {
            ids.TryAdd(attributions[i].Id, "a" + (i + 1).ToString(CultureInfo.InvariantCulture));
        }
        return ids;
    }
}

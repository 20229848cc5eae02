using System.Text.Json;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Entities;

/// <summary>Writes the entities layer as <c>"entities": [{start, end, text, type, name}]</c> (docs/output.md).</summary>
public sealed class EntitiesJson : IJsonLayerWriter
{
    public void Write(Utf8JsonWriter writer, Document document, IReadOnlyDictionary<int, string> attributionIds)
    {
        var layer = document.Get<EntityLayer>();
        if (layer is null)
        {
            return;   // the stage did not run: the property is left out rather than claimed empty
        }
        writer.WriteStartArray("entities");
        foreach (var entity in layer.Items)
        {
            writer.WriteStartObject();
            JsonParts.WriteSpanFields(writer, document, entity.Span);
            writer.WriteString("type", TypeName(entity.Type));
            writer.WriteString("name", entity.Name);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organization",
        EntityType.Place => "place",
        EntityType.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

using Verbatim.Entities;
using Verbatim.Text;

namespace Verbatim.Tests.Entities;

internal static class EntityTestKit
{
    /// <summary>Runs the entity stage alone over <paramref name="text"/>: it needs only the text layer.</summary>
    public static (Document Document, EntityLayer Layer) Run(string text)
    {
        var document = new EntityStage().Process(DocumentBuilder.Build(text, new DocumentMetadata("t")));
        return (document, document.Require<EntityLayer>());
    }

    /// <summary>Each entity as "text|type|name", in document order.</summary>
    public static string[] Describe(string text)
    {
        var (document, layer) = Run(text);
        return layer.Items.Select(e => $"{document[e.Span]}|{EntitiesJson.TypeName(e.Type)}|{e.Name}").ToArray();
    }
}

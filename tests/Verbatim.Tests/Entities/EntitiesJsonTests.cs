using System.Text.Json;
using Json.Schema;
using Verbatim.Output;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Entities;

public class EntitiesJsonTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Samples.Root, "docs", "schema", "document.schema.json"))));

    private static JsonElement Entities(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.GetProperty("entities").Clone();
    }

    [Fact]
    public void The_seed_json_with_entities_validates_against_the_schema()
    {
        var document = ExtractionPipeline.CreateDefault().Process(Samples.Seed, new DocumentMetadata("seed-2plus2"));
        var json = DocumentJson.ToJson(document);
        using var parsed = JsonDocument.Parse(json);
        var result = s_schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
        Assert.Contains(Entities(json).EnumerateArray(), e =>
            e.GetProperty("text").GetString() == "Kiev" && e.GetProperty("name").GetString() == "Kyiv" && e.GetProperty("type").GetString() == "place");
    }

    [Fact]
    public void The_schema_rejects_an_unknown_entity_type()
    {
        var document = ExtractionPipeline.CreateDefault().Process(Samples.Seed, new DocumentMetadata("seed-2plus2"));
        var json = DocumentJson.ToJson(document).Replace("\"type\": \"place\"", "\"type\": \"country\"");
        using var parsed = JsonDocument.Parse(json);
        Assert.False(s_schema.Value.Evaluate(parsed.RootElement).IsValid);
    }

    [Fact]
    public void Entity_offsets_are_code_points()
    {
        var text = "😀 Aid reached Kyiv.";
        var document = ExtractionPipeline.CreateDefault().Process(text, new DocumentMetadata("t"));
        var kyiv = Assert.Single(Entities(DocumentJson.ToJson(document)).EnumerateArray());
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        int start = kyiv.GetProperty("start").GetInt32(), end = kyiv.GetProperty("end").GetInt32();
        Assert.Equal("Kyiv", string.Concat(codePoints[start..end]));
        Assert.Equal(text.IndexOf("Kyiv", StringComparison.Ordinal) - 1, start);
    }
}

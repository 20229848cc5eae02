using System.Text.Json;
using Json.Schema;
using Verbatim.Output;

namespace Verbatim.Tests.Output;

public class DocumentJsonTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(OutputTestDocuments.SchemaPath)));

    private static void AssertValid(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
        Assert.True(result.IsValid, "schema errors: " + string.Join("; ", errors));
    }

    [Fact]
    public void Json_validates_against_the_schema()
    {
        AssertValid(DocumentJson.ToJson(OutputTestDocuments.Build()));
        AssertValid(DocumentJson.ToJson(OutputTestDocuments.BuildWithoutSpeakers(), indented: false));
    }

    [Fact]
    public void The_full_pipeline_output_for_the_seed_validates_with_every_layer()
    {
        var doc = Verbatim.Pipeline.ExtractionPipeline.CreateDefault().Process(Samples.Seed, new Verbatim.Text.DocumentMetadata("seed", Published: new DateOnly(2024, 11, 1)));
        var json = DocumentJson.ToJson(doc);
        AssertValid(json);
        using var parsed = JsonDocument.Parse(json);
        foreach (var layer in new[] { "attributions", "quantities", "times", "forecasts", "events", "entities" })
        {
            Assert.True(parsed.RootElement.GetProperty(layer).GetArrayLength() > 0, layer + " is empty");
        }
    }

    [Fact]
    public void Schema_rejects_a_wrong_document()
    {
        var json = DocumentJson.ToJson(OutputTestDocuments.Build()).Replace("\"kind\": \"direct\"", "\"kind\": \"quoted\"");
        using var parsed = JsonDocument.Parse(json);
        Assert.False(Schema.Value.Evaluate(parsed.RootElement).IsValid);
    }

    [Fact]
    public void Offsets_are_code_points_after_an_emoji()
    {
        using var json = JsonDocument.Parse(DocumentJson.ToJson(OutputTestDocuments.Build()));
        var root = json.RootElement;
        var text = root.GetProperty("text").GetString()!;
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        int spans = 0;
        foreach (var a in root.GetProperty("attributions").EnumerateArray())
        {
            var all = a.GetProperty("content").EnumerateArray().Append(a.GetProperty("source")).Append(a.GetProperty("cue"));
            foreach (var span in all.Where(s => s.ValueKind == JsonValueKind.Object))
            {
                int start = span.GetProperty("start").GetInt32(), end = span.GetProperty("end").GetInt32();
                Assert.Equal(span.GetProperty("text").GetString(), string.Concat(codePoints[start..end]));
                spans++;
            }
        }
        Assert.Equal(10, spans);
        // The source "Minister Ana Ruiz" starts one less in code points than in UTF-16: the emoji is one code point.
        var source = root.GetProperty("attributions")[0].GetProperty("source");
        Assert.Equal(OutputTestDocuments.Text.IndexOf("Minister", StringComparison.Ordinal) - 1, source.GetProperty("start").GetInt32());
    }

    [Fact]
    public void Fields_ids_and_nesting_are_written_as_the_schema_says()
    {
        using var json = JsonDocument.Parse(DocumentJson.ToJson(OutputTestDocuments.Build()));
        var root = json.RootElement;
        var meta = root.GetProperty("document");
        Assert.Equal("talks", meta.GetProperty("id").GetString());
        Assert.Equal("2024-11-01", meta.GetProperty("published").GetString());
        var attributions = root.GetProperty("attributions");
        Assert.Equal(["a1", "a2", "a3"], attributions.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("a2", attributions[2].GetProperty("nested_in").GetString());
        Assert.Equal(JsonValueKind.Null, attributions[0].GetProperty("nested_in").ValueKind);
        Assert.Equal("person", attributions[0].GetProperty("speaker").GetProperty("type").GetString());
        Assert.Equal("group", attributions[2].GetProperty("speaker").GetProperty("type").GetString());
        Assert.Equal(2, attributions[0].GetProperty("content").GetArrayLength());
        Assert.Equal(0.9123, attributions[0].GetProperty("confidence").GetDouble());
        Assert.Equal("mixed", DocumentJson.KindName(Verbatim.Attribution.AttributionKind.Mixed));
    }

    [Fact]
    public void Curly_quotes_stay_readable_and_compact_json_is_one_line()
    {
        var indented = DocumentJson.ToJson(OutputTestDocuments.Build());
        Assert.Contains("“We will not back down,”", indented);
        var compact = DocumentJson.ToJson(OutputTestDocuments.Build(), indented: false);
        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\\n", compact);   // the text's line break, escaped
    }

    [Fact]
    public void A_document_without_layers_has_no_attributions()
    {
        var document = Verbatim.Text.DocumentBuilder.Build("Plain text.", new Verbatim.Text.DocumentMetadata("plain"));
        var json = DocumentJson.ToJson(document);
        AssertValid(json);
        Assert.Contains("\"attributions\": []", json);
    }
}

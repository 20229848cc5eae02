using System.Text.Json;
using Json.Schema;
using Verbatim.Output;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Times;

/// <summary>times[] in the document JSON: the seed's required items, the schema, offsets in code points.</summary>
public class TimesJsonTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Samples.Root, "docs", "schema", "document.schema.json"))));

    private static readonly Lazy<ExtractionPipeline> Pipeline = new(ExtractionPipeline.CreateDefault);

    private static JsonDocument Extract(string text, DocumentMetadata metadata) =>
        JsonDocument.Parse(DocumentJson.ToJson(Pipeline.Value.Process(text, metadata)));

    [Fact]
    public void SeedYesterdayAndTheComingDays()
    {
        using var json = Extract(Samples.Seed, new DocumentMetadata("seed", Published: new DateOnly(2024, 11, 1)));
        var times = json.RootElement.GetProperty("times").EnumerateArray().ToArray();
        var yesterday = Assert.Single(times, t => t.GetProperty("text").GetString() == "yesterday");
        Assert.Equal("2024-10-31", yesterday.GetProperty("value").GetString());
        Assert.Equal("date", yesterday.GetProperty("kind").GetString());
        var coming = times.Where(t => t.GetProperty("text").GetString() == "in the coming days").ToArray();
        Assert.Equal(3, coming.Length);
        Assert.All(coming, t =>
        {
            Assert.Equal("window", t.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, t.GetProperty("value").ValueKind);
            Assert.Equal("2024-11-01", t.GetProperty("from").GetString());
            Assert.Equal("2024-11-08", t.GetProperty("to").GetString());
        });
        var result = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid);
    }

    [Fact]
    public void OffsetsAreCodePoints()
    {
        const string text = "Fans 🎉 celebrated yesterday.";
        using var json = Extract(text, new DocumentMetadata("emoji", Published: new DateOnly(2024, 11, 1)));
        var t = Assert.Single(json.RootElement.GetProperty("times").EnumerateArray());
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        int start = t.GetProperty("start").GetInt32(), end = t.GetProperty("end").GetInt32();
        Assert.Equal("yesterday", string.Concat(codePoints[start..end]));
    }

    [Fact]
    public void EveryKindValidates()
    {
        const string text = "Yesterday, Monday night, for three years, in the coming days, next spring and every Monday.";
        using var json = Extract(text, new DocumentMetadata("kinds", Published: new DateOnly(2024, 11, 1)));
        var kinds = json.RootElement.GetProperty("times").EnumerateArray().Select(t => t.GetProperty("kind").GetString() ?? "").ToArray();
        Assert.Equal(["date", "datetime", "duration", "window", "season", "set"], kinds);
        Assert.True(Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);
    }
}

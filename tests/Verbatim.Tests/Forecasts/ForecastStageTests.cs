using Verbatim.Forecasts;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Forecasts;

/// <summary>Forecasts from attributed content: modality, claim, horizon and due date, always with a speaker.</summary>
public class ForecastStageTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static (Document Doc, List<Forecast> Items) Run(string text)
    {
        var doc = Pipeline.Process(text, new DocumentMetadata("t", Published: new DateOnly(2024, 11, 1)));
        return (doc, doc.Require<ForecastLayer>().Items.ToList());
    }

    [Fact]
    public void The_seed_gives_the_three_forecasts_with_their_horizons()
    {
        var (doc, items) = Run(Samples.Seed);
        var dated = items.Where(f => f.Horizon is not null).ToList();
        Assert.Contains(dated, f => f.Speaker == "Antony Blinken" && f.Modality == "expect" && f.Claim.Contains("troops deploy into combat against Ukrainian forces"));
        Assert.Contains(dated, f => f.Speaker == "Lloyd Austin" && f.Modality == "expect" && f.Claim == "these North Korean soldiers will join the fight against Ukraine");
        Assert.Contains(dated, f => f.Speaker == "Lloyd Austin" && f.Modality == "announce" && f.Claim.StartsWith("more military assistance", StringComparison.Ordinal));
        Assert.All(dated, f =>
        {
            Assert.Equal("in the coming days", doc[f.Horizon!.Span]);
            Assert.Equal(new DateOnly(2024, 11, 8), f.Due);
        });
        Assert.Contains(items, f => f.Modality == "conditional" && f.Claim.Contains("legitimate military targets"));
    }

    [Theory]
    [InlineData("“We plan to open two new plants next year,” the chief executive said.", "plan")]
    [InlineData("The minister said the government would present its budget next week.", "announce")]
    [InlineData("The mayor said the bridge would reopen next week.", "will")]
    [InlineData("“Talks could collapse,” the envoy warned.", "could")]
    [InlineData("The agency expects prices to rise in the coming weeks, its director said.", "expect")]
    public void Modalities(string text, string modality)
    {
        var (_, items) = Run(text);
        Assert.Contains(items, f => f.Modality == modality);
    }

    [Fact]
    public void A_due_date_comes_from_the_horizon()
    {
        var (doc, items) = Run("The minister said the government would present its budget next week.");
        var f = Assert.Single(items);
        Assert.Equal("next week", doc[f.Horizon!.Span]);
        Assert.Equal(new DateOnly(2024, 11, 10), f.Due);
    }

    [Fact]
    public void The_articles_own_voice_makes_no_forecast()
    {
        var (_, items) = Run("The company will open two plants next year. Prices could rise in the coming weeks.");
        Assert.Empty(items);
    }

    [Fact]
    public void Looking_back_is_not_a_forecast()
    {
        var (_, items) = Run("“We would have won,” the coach said. “As expected, the team lost,” she added.");
        Assert.Empty(items);
    }
}

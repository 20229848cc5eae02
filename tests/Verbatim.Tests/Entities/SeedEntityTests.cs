using Verbatim.Entities;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Entities;

/// <summary>The seed article against the entities of shared/seed/expected.json.</summary>
public class SeedEntityTests
{
    private static readonly Lazy<Document> s_seed = new(() =>
        ExtractionPipeline.CreateDefault().Process(Samples.Seed, new DocumentMetadata("seed-2plus2")));

    private static IEnumerable<string> Names(EntityType type) =>
        s_seed.Value.Require<EntityLayer>().Items.Where(e => e.Type == type).Select(e => e.Name).Distinct();

    [Fact]
    public void The_seed_gives_exactly_the_gold_people_organisations_and_places()
    {
        Assert.Equal(["Antony Blinken", "Lloyd Austin", "Vladimir Putin"], Names(EntityType.Person).Order());
        Assert.Equal(["Kremlin", "NATO"], Names(EntityType.Organization).Order());
        Assert.Equal(["Kursk region", "Kyiv", "North Korea", "Russia", "South Korea", "Ukraine", "United States", "Washington"],
            Names(EntityType.Place).Order());
        Assert.Empty(Names(EntityType.Other));
    }

    [Fact]
    public void Seed_mentions_point_at_the_names_as_written()
    {
        var document = s_seed.Value;
        var mentions = document.Require<EntityLayer>().Items.Select(e => (Text: document[e.Span], e.Name)).ToList();
        Assert.Contains(("Kiev", "Kyiv"), mentions);
        Assert.Contains(("Putin", "Vladimir Putin"), mentions);
        Assert.Contains(("D.P.R.K.", "North Korea"), mentions);
        Assert.Contains(("Republic of Korea", "South Korea"), mentions);
        Assert.Contains(("Blinken", "Antony Blinken"), mentions);
        Assert.Equal(3, mentions.Count(m => m == ("Austin", "Lloyd Austin")));
        Assert.Single(mentions, m => m == ("Lloyd Austin", "Lloyd Austin"));
        Assert.Equal(3, mentions.Count(m => m == ("U.S.", "United States")));
        // Entities are in document order and never overlap.
        var spans = document.Require<EntityLayer>().Items.Select(e => e.Span).ToList();
        Assert.True(spans.Zip(spans.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }
}

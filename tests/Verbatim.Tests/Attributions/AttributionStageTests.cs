using Verbatim.Attribution;
using Verbatim.Pipeline;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Tests.Attributions;

/// <summary>
/// The default attribution stage (with the embedded model) on the constructions news uses. Each
/// test names the construction; assertions are on spans as text, so they read like the article.
/// </summary>
public class AttributionStageTests
{
    private static readonly ExtractionPipeline Pipeline = ExtractionPipeline.CreateDefault();

    private static (Document Doc, List<Verbatim.Attribution.Attribution> Items) Extract(string text)
    {
        var doc = Pipeline.Process(text, new DocumentMetadata("test"));
        return (doc, doc.Require<AttributionLayer>().Items.ToList());
    }

    private static string? Text(Document doc, TextSpan? span) => span is { } s ? doc[s] : null;

    private static string Content(Document doc, Verbatim.Attribution.Attribution a) => string.Join(" | ", a.Content.Select(c => doc[c]));

    [Fact]
    public void Inverted_order_with_appositive_source()
    {
        var (doc, items) = Extract("“Rates will stay high for longer,” said Ines Moller, the bank’s chief economist.");
        var a = Assert.Single(items);
        Assert.Equal(AttributionKind.Direct, a.Kind);
        Assert.Equal("said", Text(doc, a.Cue));
        Assert.StartsWith("Ines Moller", Text(doc, a.Source));
        Assert.Equal("“Rates will stay high for longer,”", Content(doc, a));
    }

    [Fact]
    public void According_to_with_cue_before_content()
    {
        var (doc, items) = Extract("According to the ministry, 40 people were killed in the attack.");
        var a = Assert.Single(items);
        Assert.Equal(AttributionKind.Indirect, a.Kind);
        Assert.Equal("According to", Text(doc, a.Cue));
        Assert.Equal("the ministry", Text(doc, a.Source));
        Assert.Equal("40 people were killed in the attack", Content(doc, a));
    }

    [Fact]
    public void Quote_split_around_its_cue_is_one_attribution_in_two_pieces()
    {
        var (doc, items) = Extract("“We will not pay,” she said, “and we will not negotiate.”");
        var a = Assert.Single(items);
        Assert.Equal(AttributionKind.Direct, a.Kind);
        Assert.Equal("she", Text(doc, a.Source));
        Assert.Equal(["“We will not pay,”", "“and we will not negotiate.”"], a.Content.Select(c => doc[c]));
    }

    [Fact]
    public void Colon_introduces_a_quote()
    {
        var (doc, items) = Extract("The minister put it bluntly: “There is no money left.”");
        var a = Assert.Single(items);
        Assert.Equal("The minister", Text(doc, a.Source));
        Assert.Contains("put it", Text(doc, a.Cue));
        Assert.Equal("“There is no money left.”", Content(doc, a));
    }

    [Fact]
    public void Reported_speech_with_that_clause()
    {
        var (doc, items) = Extract("Prime Minister Jane Doe told reporters on Monday that the government would present its budget next week.");
        var a = Assert.Single(items);
        Assert.Equal(AttributionKind.Indirect, a.Kind);
        Assert.Equal("Prime Minister Jane Doe", Text(doc, a.Source));
        Assert.Equal("told", Text(doc, a.Cue));
        Assert.Equal("that the government would present its budget next week", Content(doc, a));
    }

    [Fact]
    public void Document_source()
    {
        var (doc, items) = Extract("A report released last week by the provincial statistics office found that unemployment rose to 7 percent.");
        var a = Assert.Single(items);
        Assert.Equal("found", Text(doc, a.Cue));
        Assert.EndsWith("provincial statistics office", Text(doc, a.Source));
        Assert.Equal("that unemployment rose to 7 percent", Content(doc, a));
    }

    [Fact]
    public void Mixed_paraphrase_carrying_a_quoted_fragment_takes_the_clause_subject_as_source()
    {
        var (doc, items) = Extract("Austin wouldn’t hint at the possibility of a direct NATO intervention, saying only that more military assistance would be heading Kiev’s way “very soon, to be announced in the coming days.”");
        var a = items.Single(x => Text(doc, x.Cue)?.StartsWith("saying") == true);
        Assert.Equal(AttributionKind.Mixed, a.Kind);
        Assert.Equal("Austin", Text(doc, a.Source));
        Assert.Equal("that more military assistance would be heading Kiev’s way “very soon, to be announced in the coming days.”", Content(doc, a));
    }

    [Fact]
    public void A_quote_with_no_cue_continues_the_previous_speaker()
    {
        var (doc, items) = Extract("“The talks went well,” the ambassador said. “We expect a deal within weeks.”");
        Assert.Equal(2, items.Count);
        var first = items[0];
        var next = items[1];
        Assert.Null(next.Cue);
        Assert.Null(next.Source);
        Assert.Equal(first.Id, next.Continues);
        Assert.Equal("“We expect a deal within weeks.”", Content(doc, next));
    }

    [Fact]
    public void Byline_dash_after_a_pull_quote()
    {
        var (doc, items) = Extract("“He has never once answered the question.” ― Maria Lopez\n“It is a disgrace.” ― Tom Berg");
        Assert.Equal(2, items.Count);
        Assert.Equal("Maria Lopez", Text(doc, items[0].Source));
        Assert.Equal("Tom Berg", Text(doc, items[1].Source));
        Assert.All(items, a => Assert.Equal(AttributionKind.Direct, a.Kind));
    }

    [Fact]
    public void Text_without_attributions_gives_none()
    {
        var (_, items) = Extract("The river rose two metres overnight. Roads into the valley were closed on Tuesday.");
        Assert.Empty(items);
    }

    [Fact]
    public void Empty_text_gives_an_empty_layer()
    {
        var (_, items) = Extract("");
        Assert.Empty(items);
    }

    [Fact]
    public void Confidence_is_a_probability_and_attribution_ids_follow_document_order()
    {
        var (_, items) = Extract(Samples.Seed);
        Assert.NotEmpty(items);
        Assert.All(items, a => Assert.InRange(a.Confidence, 0, 1));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(a => a.Id));
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.ContentExtent.Start <= p.Second.ContentExtent.Start));
    }

    [Fact]
    public void Nested_attribution_points_to_the_one_whose_content_holds_its_cue()
    {
        var (doc, items) = Extract("The senator said that the agency believes the plan will fail.");
        var outer = items.Single(a => Text(doc, a.Cue) == "said");
        Assert.Null(outer.NestedIn);
        foreach (var inner in items.Where(a => a != outer))
        {
            Assert.Equal(outer.Id, inner.NestedIn);
        }
    }
}

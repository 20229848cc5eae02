using Verbatim.Evaluation;
using Verbatim.Output;

namespace Verbatim.Tests.Output;

public class BratWriterTests
{
    private static HashSet<int> CodePoints(Verbatim.Text.Document document, params Verbatim.Text.TextSpan[] spans) =>
        [.. spans.SelectMany(s => Enumerable.Range(document.ToCodePoint(s.Start), document.ToCodePoint(s.End) - document.ToCodePoint(s.Start)))];

    [Fact]
    public void Round_trips_through_the_brat_reader_outermost_only()
    {
        var document = OutputTestDocuments.Build();
        var ann = BratWriter.ToAnn(document);
        var read = BratAnnotations.Parse(ann);
        var layer = document.Get<Verbatim.Attribution.AttributionLayer>()!.Items.Where(a => a.NestedIn is null).ToList();
        Assert.Equal(2, read.Count);   // the nested one is left out
        for (int i = 0; i < layer.Count; i++)
        {
            Assert.Equal(CodePoints(document, layer[i].Source!.Value), read[i].Source);
            Assert.Equal(CodePoints(document, layer[i].Cue!.Value), read[i].Cue);
            Assert.Equal(CodePoints(document, [.. layer[i].Content]), read[i].Content);
        }
    }

    [Fact]
    public void Writes_polnear_lines_with_fragments_and_code_point_offsets()
    {
        var document = OutputTestDocuments.Build();
        var lines = BratWriter.ToAnn(document).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int source = OutputTestDocuments.Text.IndexOf("Minister", StringComparison.Ordinal) - 1;
        Assert.Equal($"T1\tSource {source} {source + 17}\tMinister Ana Ruiz", lines[0]);
        Assert.StartsWith("T2\tCue ", lines[1]);
        Assert.Matches(@"^T3\tContent \d+ \d+;\d+ \d+\t“We will not back down,” “not now.”$", lines[2]);
        Assert.StartsWith("T4\tAttribution ", lines[3]);
        Assert.Equal("E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3", lines[4]);
        Assert.Equal(10, lines.Length);
    }

    [Fact]
    public void No_source_gives_an_attribution_no_source_trigger_and_line_breaks_become_spaces()
    {
        var document = Verbatim.Text.DocumentBuilder.Build("Intro.\n“One\ntwo,” it went.", new Verbatim.Text.DocumentMetadata("x"));
        int start = document.Text.IndexOf('“'), end = document.Text.IndexOf('”') + 1;
        var quote = new Verbatim.Attribution.Attribution(1, Verbatim.Attribution.AttributionKind.Direct, null, null,
            [new(start, end)], null, 0.5);
        var ann = BratWriter.ToAnn(document.With(new Verbatim.Attribution.AttributionLayer([quote])));
        Assert.Equal($"T1\tContent {start} {end}\t“One two,”\nT2\tAttribution-no-source {start} {end}\t“One two,”\nE1\tAttribution-no-source:T2 Content:T1\n", ann);
        Assert.Single(BratAnnotations.Parse(ann));
    }
}

using System.Collections.Immutable;
using System.Diagnostics;
using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Tests.Speakers;

/// <summary>The stage must stay linear: a long document is not a quadratic trap.</summary>
public class SpeakerThroughputTests
{
    [Fact]
    public void Long_document_resolves_in_linear_time()
    {
        string seed = File.ReadAllText(SpeakerTestKit.SamplePath("seed-2plus2.txt")) + "\n";
        const int copies = 400;   // about 1 MB
        var text = string.Concat(Enumerable.Repeat(seed, copies));
        var items = ImmutableArray.CreateBuilder<Attribution.Attribution>();
        (int Start, int End, int? Source)[] gold =
        [
            (342, 420, 183), (422, 556, 557), (566, 699, null), (723, 1178, 700),
            (1203, 1804, 1179), (1823, 2133, 1805), (2217, 2323, 2134), (2334, 2638, 2324),
        ];
        int[] sourceLengths = [33, 2, 0, 7, 16, 6, 6, 2];
        for (int c = 0; c < copies; c++)
        {
            int offset = c * seed.Length;
            for (int g = 0; g < gold.Length; g++)
            {
                var (start, end, source) = gold[g];
                TextSpan? sourceSpan = source is { } s ? new TextSpan(offset + s, offset + s + sourceLengths[g]) : null;
                items.Add(new Attribution.Attribution(items.Count, AttributionKind.Direct, sourceSpan, null, [new TextSpan(offset + start, offset + end)], null, 1.0));
            }
        }
        var document = DocumentBuilder.Build(text, new DocumentMetadata("long")).With(new AttributionLayer(items.ToImmutable()));
        var stage = new SpeakerStage();
        stage.Process(document);   // warm-up: lexicon loading and JIT

        var watch = Stopwatch.StartNew();
        var layer = stage.Process(document).Require<SpeakerLayer>();
        watch.Stop();

        Assert.Equal(items.Count, layer.ByAttribution.Count);
        Assert.Equal("Lloyd Austin", layer.ByAttribution[items.Count - 1].Name);
        // Generous bound for a shared CI machine in Debug; the point is to catch quadratic behaviour,
        // which on this input takes far longer.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"speaker stage took {watch.Elapsed.TotalMilliseconds:F0} ms for {text.Length / 1e6:F1} MB");
    }
}

using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Tests.Speakers;

/// <summary>
/// A long document (the seed 400 times, about 1 MB) resolves every copy the same way. Speed is
/// measured by bench/, never asserted here.
/// </summary>
public class SpeakerLongDocumentTests
{
    [Fact]
    public void Long_document_resolves_every_copy()
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
        var layer = new SpeakerStage().Process(document).Require<SpeakerLayer>();

        Assert.Equal(items.Count, layer.ByAttribution.Count);
        Assert.Equal("Lloyd Austin", layer.ByAttribution[items.Count - 1].Name);
        Assert.Equal(2, layer.Speakers.Count(s => s.Type == SpeakerType.Person));
    }
}

using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Tests.Speakers;

/// <summary>Builds a document with hand-made attributions and runs the speaker stage on it.</summary>
internal sealed class SpeakerTestKit(string text)
{
    private readonly List<Attribution.Attribution> _items = new();

    public string Text { get; } = text;

    /// <summary>The span of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="s"/>.</summary>
    public TextSpan Find(string s, int occurrence = 0)
    {
        int at = -1;
        for (int k = 0; k <= occurrence; k++)
        {
            at = Text.IndexOf(s, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{s}' (occurrence {occurrence}) is not in the test text");
        }
        return new TextSpan(at, at + s.Length);
    }

    /// <summary>Adds an attribution; its content is a span found in the text, its source one too (or none).</summary>
    public SpeakerTestKit Add(int id, TextSpan? source, TextSpan content, AttributionKind kind = AttributionKind.Direct, int? nestedIn = null)
    {
        _items.Add(new Attribution.Attribution(id, kind, source, null, [content], nestedIn, 1.0));
        return this;
    }

    public SpeakerLayer Run()
    {
        var document = DocumentBuilder.Build(Text, new DocumentMetadata("t"));
        var layer = new AttributionLayer(_items.OrderBy(a => a.ContentExtent.Start).ToImmutableArray());
        return new SpeakerStage().Process(document.With(layer)).Require<SpeakerLayer>();
    }

    /// <summary>A file of the repository's samples/ folder.</summary>
    public static string SamplePath(string file) => Path.Combine(Samples.Root, "samples", file);
}

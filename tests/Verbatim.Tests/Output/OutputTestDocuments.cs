using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Speakers;
using Verbatim.Text;
using Attr = Verbatim.Attribution.Attribution;

namespace Verbatim.Tests.Output;

/// <summary>
/// A document with hand-made attribution and speaker layers, so output tests do not depend on the
/// trained model. An emoji (two UTF-16 units, one code point) sits before every span.
/// </summary>
internal static class OutputTestDocuments
{
    public const string Text =
        "Budget talks 🎉 resumed.\n“We will not back down,” Minister Ana Ruiz said, “not now.” She said that the unions claim wages fell.";

    public static TextSpan Find(string text, string part, int from = 0)
    {
        int i = Text.IndexOf(part, from, StringComparison.Ordinal);
        Assert.True(i >= 0, part);
        return new TextSpan(i, i + part.Length);
    }

    public static Document Build()
    {
        var document = DocumentBuilder.Build(Text, new DocumentMetadata("talks", "Budget talks", new DateOnly(2024, 11, 1), "Example News", "https://example.org/talks"));
        var direct = new Attr(7, AttributionKind.Direct,
            Find(Text, "Minister Ana Ruiz"), Find(Text, "said"),
            [Find(Text, "“We will not back down,”"), Find(Text, "“not now.”")], null, 0.91234);
        var indirect = new Attr(9, AttributionKind.Indirect,
            Find(Text, "She"), Find(Text, "said", Text.IndexOf("She", StringComparison.Ordinal)),
            [Find(Text, "that the unions claim wages fell")], null, 0.8);
        var nested = new Attr(11, AttributionKind.Indirect,
            Find(Text, "the unions"), Find(Text, "claim"),
            [Find(Text, "wages fell")], 9, 0.5);
        var ruiz = new Speaker("s1", "Ana Ruiz", "Minister", null, SpeakerType.Person);
        var unions = new Speaker("s2", "the unions", null, null, SpeakerType.Group);
        return document
            .With(new AttributionLayer([direct, indirect, nested]))
            .With(new SpeakerLayer([ruiz, unions], ImmutableDictionary<int, Speaker>.Empty.Add(7, ruiz).Add(9, ruiz).Add(11, unions)));
    }

    /// <summary>A document whose attributions have no source and no speaker layer at all.</summary>
    public static Document BuildWithoutSpeakers()
    {
        var document = DocumentBuilder.Build(Text, new DocumentMetadata("bare"));
        var quote = new Attr(1, AttributionKind.Direct, null, null, [Find(Text, "“not now.”")], null, 0.4);
        return document.With(new AttributionLayer([quote]));
    }

    public static string SchemaPath => Path.Combine(Samples.Root, "docs", "schema", "document.schema.json");
}

using System.Collections.Frozen;
using Verbatim.Attribution;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Speakers;

/// <summary>
/// Resolves the source of each attribution to a speaker within the document and adds the
/// <see cref="SpeakerLayer"/>. Linear in the document: its words and names are read once into a
/// <see cref="MentionIndex"/>, and every source is resolved against that index.
/// </summary>
public sealed class SpeakerStage : IDocumentStage
{
    /// <summary>Abbreviations whose period belongs to the word ("Mr.", "Sen."), besides initials ("U.S.").</summary>
    private static readonly FrozenSet<string> s_abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "brig",
        "cmdr", "prof", "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "pres",
    }.ToFrozenSet(StringComparer.Ordinal);

    public string Name => "speakers";

    public Document Process(Document document)
    {
        var attributions = document.Require<AttributionLayer>();
        var lexicon = SpeakerLexicon.Default;
        var words = WordSequence.Build(document, s_abbreviations);
        var index = MentionIndex.Build(words, lexicon);
        var layer = new SpeakerResolver(document, words, index, lexicon).Resolve(attributions);
        return document.With(layer);
    }
}

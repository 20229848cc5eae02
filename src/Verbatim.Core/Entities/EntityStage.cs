using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Entities;

/// <summary>
/// Adds the <see cref="EntityLayer"/>: every mention of a person, organisation or place, named as
/// the speakers are ("Kiev" → "Kyiv", "Blinken" → "Antony Blinken"). Reads only the text layer, so
/// it may run anywhere after it; the default pipeline runs it after the speakers.
/// </summary>
public sealed class EntityStage : IDocumentStage
{
    public string Name => "entities";

    public Document Process(Document document) =>
        document.With(EntityRecognizer.Recognize(document, EntityLexicon.Default));
}

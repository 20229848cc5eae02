using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Speakers;

/// <summary>Resolves the source of each attribution to a speaker within the document and adds the <see cref="SpeakerLayer"/>.</summary>
public sealed class SpeakerStage : IDocumentStage
{
    public string Name => "speakers";

    public Document Process(Document document)
    {
        document.Require<AttributionLayer>();
        return document.With(new SpeakerLayer(ImmutableArray<Speaker>.Empty, ImmutableDictionary<int, Speaker>.Empty));
    }
}

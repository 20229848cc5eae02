using System.Collections.Immutable;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>Finds attributions (source, cue, content) and adds the <see cref="AttributionLayer"/>.</summary>
public sealed class AttributionStage : IDocumentStage
{
    public string Name => "attributions";

    public static AttributionStage CreateDefault() => new();

    public Document Process(Document document) =>
        document.With(new AttributionLayer(ImmutableArray<Attribution>.Empty));
}

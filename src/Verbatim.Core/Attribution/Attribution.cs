using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Attribution;

public enum AttributionKind
{
    /// <summary>The content is wholly quoted.</summary>
    Direct,
    /// <summary>Reported speech with no quotation marks.</summary>
    Indirect,
    /// <summary>A paraphrase that carries quoted fragments.</summary>
    Mixed,
}

/// <summary>
/// One attributed statement: who (source), how (cue) and what (content, possibly in several
/// pieces, as in “A,” she said, “B.”). Spans are UTF-16 ranges of the document text.
/// <see cref="NestedIn"/> is the id of the attribution whose content holds this one.
/// <see cref="Continues"/> is set on a quotation with no cue of its own that carries on the quote
/// of an earlier attribution (`“…,” he said. “…”`): the id of that attribution.
/// </summary>
public sealed record Attribution(
    int Id,
    AttributionKind Kind,
    TextSpan? Source,
    TextSpan? Cue,
    ImmutableArray<TextSpan> Content,
    int? NestedIn,
    double Confidence,
    int? Continues = null)
{
    public TextSpan ContentExtent => Content.Length == 0
        ? default
        : new TextSpan(Content[0].Start, Content[^1].End);
}

/// <summary>The attributions layer, in document order of their content.</summary>
public sealed record AttributionLayer(ImmutableArray<Attribution> Items);

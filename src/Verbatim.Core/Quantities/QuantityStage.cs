using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>
/// Finds the figures of a document and adds the <see cref="QuantityLayer"/>. One pass over the
/// tokens: a token that is neither a number nor a number word costs a kind test or one dictionary
/// probe; the work around a figure (hedge, currency, unit, range, rate, what is counted) looks a
/// few tokens either side of it. Each figure is tied to the attribution whose content holds it.
/// </summary>
public sealed class QuantityStage : IDocumentStage
{
    public string Name => "quantities";

    public Document Process(Document document)
    {
        var found = new QuantityScanner(document, QuantityLexicon.Default).Run();
        var attributions = document.Get<AttributionLayer>()?.Items ?? ImmutableArray<Attribution.Attribution>.Empty;
        if (attributions.Length > 0 && found.Count > 0)
        {
            var holders = new ContentIndex(attributions);
            for (int i = 0; i < found.Count; i++)
            {
                found[i] = found[i] with { Attribution = holders.Innermost(found[i].Span) };
            }
        }
        return document.With(new QuantityLayer([.. found]));
    }
}

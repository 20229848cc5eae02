using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>How a figure is bounded by its hedge: "some 1,200" is approximate, "as many as 8,000" an upper bound.</summary>
public enum QuantityBound : byte
{
    Exact,
    Approx,
    Upper,
    Lower,
    Range,
}

/// <summary>The direction of a movement the figure measures ("rose 6.5%", "fell 190 points").</summary>
public enum QuantityTrend : byte
{
    None,
    Up,
    Down,
}

/// <summary>
/// One figure of the text, normalised. <see cref="Value"/> is fully scaled (4.5 billion is
/// 4500000000; 19% is 19 with unit "percentage"); a range has <see cref="Low"/> and
/// <see cref="High"/> (in text order) and no value. <see cref="Unit"/> uses CQE's names;
/// <see cref="Counted"/> is what a bare count counts ("North Korean troops"); <see cref="Per"/>
/// the rate's denominator ("day"). <see cref="Attribution"/> is the engine id of the attribution
/// whose content holds the figure, or null for the article's own voice.
/// </summary>
public sealed record Quantity(
    TextSpan Span,
    double? Value,
    double? Low,
    double? High,
    QuantityBound Bound,
    QuantityTrend Trend,
    string? Unit,
    string? Counted,
    string? Per,
    int? Attribution);

/// <summary>The quantities layer, in document order.</summary>
public sealed record QuantityLayer(ImmutableArray<Quantity> Items);

using System.Collections.Immutable;
using Verbatim.Text;
using Verbatim.Times;

namespace Verbatim.Forecasts;

/// <summary>
/// A statement about the future inside attributed content: who made it (<see cref="Speaker"/>,
/// the resolved name), how (<see cref="Modality"/>: expect, plan, goal, announce, warn, will,
/// could, conditional), what (<see cref="Claim"/>, a short clause from the text, at
/// <see cref="ClaimSpan"/>), by when (<see cref="Horizon"/>, the time expression in the text) and
/// the day it falls due (<see cref="Due"/>: the end of the horizon).
/// </summary>
public sealed record Forecast(
    int Id,
    int Attribution,
    string Speaker,
    string Modality,
    string Claim,
    TextSpan ClaimSpan,
    TimeExpression? Horizon,
    DateOnly? Due);

/// <summary>The forecasts layer, in document order.</summary>
public sealed record ForecastLayer(ImmutableArray<Forecast> Items);

using Verbatim.Attribution;
using Verbatim.Entities;
using Verbatim.Events;
using Verbatim.Forecasts;
using Verbatim.Quantities;
using Verbatim.Speakers;
using Verbatim.Times;

namespace Verbatim.Pipeline;

/// <summary>The default list of stages, in the order they must run.</summary>
internal static class DefaultStages
{
    public static IEnumerable<IDocumentStage> Create()
    {
        yield return AttributionStage.CreateDefault();
        yield return new SpeakerStage();
        yield return new QuantityStage();
        yield return new EntityStage();
        yield return new TimeStage();
        yield return new ForecastStage();
        yield return new EventStage();
    }
}

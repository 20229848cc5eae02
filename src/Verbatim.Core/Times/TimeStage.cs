using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>
/// Adds the <see cref="TimeLayer"/>: every time expression of the document, resolved against its
/// publication date (docs/times.md). Reads the tokens and sentences only.
/// </summary>
public sealed class TimeStage : IDocumentStage
{
    public string Name => "times";

    public Document Process(Document document) => document.With(new TimeLayer(TimeScanner.Scan(document)));
}

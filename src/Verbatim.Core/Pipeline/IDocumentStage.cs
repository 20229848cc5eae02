using Verbatim.Text;

namespace Verbatim.Pipeline;

/// <summary>
/// One step of the pipeline: reads the layers it needs from a document and returns the document
/// with its own layer added. A stage never changes the text and never re-parses it.
/// </summary>
public interface IDocumentStage
{
    /// <summary>A short name for progress reports and errors ("attributions", "speakers").</summary>
    string Name { get; }

    Document Process(Document document);
}

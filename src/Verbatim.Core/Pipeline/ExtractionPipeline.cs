using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Pipeline;

/// <summary>
/// An ordered list of stages. <see cref="CreateDefault"/> gives the full extraction; a caller may
/// build its own list. Building the text layer is the pipeline's own first step.
/// </summary>
public sealed class ExtractionPipeline
{
    public ExtractionPipeline(IEnumerable<IDocumentStage> stages) => Stages = stages.ToImmutableArray();

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>The stages Verbatim runs by default, with the models bundled in the assembly.</summary>
    public static ExtractionPipeline CreateDefault() => new(DefaultStages.Create());

    public Document Process(string text, DocumentMetadata metadata) => Process(DocumentBuilder.Build(text, metadata));

    public Document Process(Document document)
    {
        foreach (var stage in Stages)
        {
            document = stage.Process(document);
        }
        return document;
    }
}

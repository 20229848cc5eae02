using BenchmarkDotNet.Attributes;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Bench;

/// <summary>
/// Throughput of the whole extraction (text layer and every stage) over a corpus held in memory,
/// so the figure is the engine's alone, without file reading or output. The corpus is PolNeAR's
/// train texts when ../shared is there (the acceptance corpus), else the bundled samples repeated.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private ExtractionPipeline _pipeline = null!;
    private List<(string Id, string Text)> _texts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = ExtractionPipeline.CreateDefault();
        _texts = BenchCorpus.Load();
        long chars = _texts.Sum(t => (long)t.Text.Length);
        Console.WriteLine($"// corpus: {_texts.Count} texts, {chars:N0} chars, {BenchCorpus.Description}");
    }

    [Benchmark(Description = "extract corpus (all stages)")]
    public int ExtractCorpus()
    {
        int attributions = 0;
        foreach (var (id, text) in _texts)
        {
            var doc = _pipeline.Process(text, new DocumentMetadata(id));
            attributions += doc.Get<Verbatim.Attribution.AttributionLayer>()?.Items.Length ?? 0;
        }
        return attributions;
    }

    [Benchmark(Description = "text layer only")]
    public int BuildTextLayer()
    {
        int tokens = 0;
        foreach (var (id, text) in _texts)
        {
            tokens += DocumentBuilder.Build(text, new DocumentMetadata(id)).Tokens.Length;
        }
        return tokens;
    }
}

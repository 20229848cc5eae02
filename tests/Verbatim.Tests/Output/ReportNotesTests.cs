using Verbatim.Output;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Tests.Output;

/// <summary>The text report shows the figures each statement carries, beside the statement.</summary>
public class ReportNotesTests
{
    [Fact]
    public void Figures_appear_under_the_statement_that_gives_them()
    {
        var doc = ExtractionPipeline.CreateDefault().Process(Samples.Seed, new DocumentMetadata("seed", Published: new DateOnly(2024, 11, 1)));
        var report = TextReport.ToText(doc);
        var lines = report.Split('\n');
        int kursk = Array.FindIndex(lines, l => l.Contains("as many as 8,000 of those North Korean forces"));
        Assert.True(kursk > 0, report);
        var figures = lines.Skip(kursk).First(l => l.TrimStart().StartsWith("figures:", StringComparison.Ordinal));
        Assert.Contains("“as many as 8,000” = ≤ 8000", figures);
        Assert.Contains("“some 1,200 casualties a day” = ≈ 1200 casualties per day", report);
        Assert.Contains("“more than 50 countries” = ≥ 50 countries", report);
    }
}

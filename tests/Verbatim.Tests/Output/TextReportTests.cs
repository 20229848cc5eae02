using Verbatim.Output;

namespace Verbatim.Tests.Output;

public class TextReportTests
{
    [Fact]
    public void Report_names_speaker_kind_quote_and_context()
    {
        var report = TextReport.ToText(OutputTestDocuments.Build());
        Assert.Contains("Budget talks (talks)", report);
        Assert.Contains("a1   Ana Ruiz (Minister)  direct, “said”", report);
        Assert.Contains("“We will not back down,” … “not now.”", report);
        Assert.Contains("a3   the unions  indirect, “claim”, inside a2", report);
        Assert.DoesNotContain("\u001b[", report);   // plain: no terminal escapes
        Assert.All(report.Split('\n'), line => Assert.DoesNotContain('\r', line));
    }

    [Fact]
    public void Report_without_speakers_says_so()
    {
        var report = TextReport.ToText(OutputTestDocuments.BuildWithoutSpeakers());
        Assert.Contains("(no source)", report);
    }
}

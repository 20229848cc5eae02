using System.Diagnostics;
using Verbatim.Evaluation;

namespace Verbatim.Tests.Evaluation;

/// <summary>
/// A tiny PolNeAR-style split, its scores worked out by hand (and checked against
/// tools/score_attributions.py, which printed exactly <see cref="ExpectedText"/>).
/// </summary>
public sealed class AttributionScorerTests : IDisposable
{
    // Article a: gold G1 (Ann, said, “we win”) and G2 (Bob, said, taxes rise.); a second annotator's file is ignored.
    // System: P1 = G1 (its content has a trailing space: whitespace never counts), P2 (no source, G2's cue,
    // content "taxes": overlap F1 0.67 but the sources differ), P3 (Bob, no cue, content "Ann"+"we": F1 1/3).
    // Article b (CRLF line ends): gold G3, no system file. Article c: no gold, not scored but counted.
    // attribution: P1-G1 only, tp 1 fp 2 fn 2. cue: P1, P2 exact; G3 missed: P 1, R 2/3.
    // cue overlap: 8 predicted characters, all gold, of 11 gold: R 0.727. The emoji before "Bob" is one code point.
    private const string A = "Ann said “we win” 🎉 and Bob said taxes rise.\n";
    private const string B = "Officials say the plan works.\r\nIt is new.\n";

    public const string ExpectedText = """
        articles: 3  (system files missing: 1)
        attribution      P  33.3  R  33.3  F1  33.3
        direct           P 100.0  R 100.0  F1 100.0
        cue              P 100.0  R  66.7  F1  80.0
        source           P  33.3  R  33.3  F1  33.3
        content_exact    P  33.3  R  33.3  F1  33.3
        strict           P  33.3  R  33.3  F1  33.3
        cue_overlap      P 100.0  R  72.7  F1  84.2
        source_overlap   P 100.0  R  40.0  F1  57.1
        content_overlap  P  80.0  R  41.4  F1  54.5
        attribution F1 0.333 (P 0.333) | direct F1 1.000 | cue exact F1 0.800 | source exact F1 0.333 | content overlap F1 0.545

        """;

    private readonly TempFolder _dir = new();

    public AttributionScorerTests()
    {
        _dir.File("gold/text/a.txt", A);
        _dir.File("gold/text/b.txt", B);
        _dir.File("gold/text/c.txt", "No annotations here.\n");
        _dir.File("gold/attributions/a_ann1.ann", """
            T1	Source 0 3	Ann
            T2	Cue 4 8	said
            T3	Content 9 17	“we win”
            E1	Attribution:T2 Source:T1 Cue:T2 Content:T3
            T4	Source 24 27	Bob
            T5	Cue 28 32	said
            T6	Content 33 44	taxes rise.
            E2	Attribution:T5 Source:T4 Cue:T5 Content:T6

            """);
        _dir.File("gold/attributions/a_zed.ann", "T1\tCue 0 3\tAnn\nE1\tCue:T1\n");
        _dir.File("gold/attributions/b_x.ann", "T1\tSource 0 9\tOfficials\nT2\tCue 10 13\tsay\nT3\tContent 14 28\tthe plan works\nE1\tSource:T1 Cue:T2 Content:T3\n");
        _dir.File("sys/a.ann", """
            T1	Source 0 3	Ann
            T2	Cue 4 8	said
            T3	Content 9 18	“we win” 
            E1	Attribution:T2 Source:T1 Cue:T2 Content:T3
            T4	Cue 28 32	said
            T5	Content 33 38	taxes
            E2	Attribution-no-source:T4 Cue:T4 Content:T5
            T6	Source 24 27	Bob
            T7	Content 0 3;10 12	Ann we
            E3	Source:T6 Content2:T7

            """);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "sys"));
    }

    private string Gold => Path.Combine(_dir.Path, "gold");
    private string Sys => Path.Combine(_dir.Path, "sys");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Figures_match_the_hand_worked_scores()
    {
        var report = AttributionScorer.Score(Gold, Sys);
        Assert.Equal(ExpectedText.Replace("\r\n", "\n"), report.ToText([]));
        Assert.Equal(new Score(1 / 3.0, 1 / 3.0, 1 / 3.0, 1, 2, 2), report["attribution"]);
        Assert.Equal((1.0, 8 / 11.0), (report["cue_overlap"].P, report["cue_overlap"].R));
        Assert.Equal((2, 0, 1), (report["cue"].Tp!.Value, report["cue"].Fp!.Value, report["cue"].Fn!.Value));
        Assert.Equal((3, 1), (report.Articles, report.MissingSystemFiles));
    }

    [Fact]
    public void Bounds_name_the_figures_below_them_and_set_the_exit_status()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Verbatim.Cli.CliApp.Run(["eval", "polnear", Gold, "--system", Sys, "--min", "attribution=0.5,cue_p=0.5,direct=0.9"], output, error);
        Assert.Equal(1, code);
        Assert.EndsWith("content overlap F1 0.545 | below bound: attribution\n", output.ToString().Replace("\r\n", "\n"));
        Assert.Equal(0, Verbatim.Cli.CliApp.Run(["eval", "polnear", Gold, "--system", Sys, "--min", "cue=0.8,attribution_p=0.3"], new StringWriter(), error));
        Assert.Equal(2, Verbatim.Cli.CliApp.Run(["eval", "polnear", Gold, "--system", Sys, "--min", "nonsense=1"], new StringWriter(), error));
    }

    [Fact]
    public void Json_output_has_the_scripts_shape()
    {
        var json = AttributionScorer.Score(Gold, Sys).ToJson([]);
        Assert.StartsWith("{\n \"cue\": {\n  \"p\": 1.0,\n  \"r\": 0.6666666666666666,\n  \"f1\": 0.8,\n  \"tp\": 2,", json);
        Assert.Contains(" \"content_overlap\": {\n  \"p\": 0.8,\n  \"r\": 0.41379310344827586,\n  \"f1\": 0.5454545454545454\n },\n \"articles\": 3,", json);
    }

    [SkippableFact]
    public void Same_output_as_the_python_scorer_when_python_is_here()
    {
        var script = Path.GetFullPath(Path.Combine(Samples.Root, "..", "shared", "tools", "score_attributions.py"));
        Skip.IfNot(File.Exists(script), $"the shared scorer is not at {script} (a fresh clone has no ../shared)");
        string python;
        try
        {
            var start = new ProcessStartInfo("python3", [script, Gold, Sys, "--min", "attribution=0.5"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            python = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Skip.If(true, "python3 is not installed");
            return;
        }
        var bounds = new List<KeyValuePair<string, double>> { new("attribution", 0.5) };
        Assert.Equal(python, AttributionScorer.Score(Gold, Sys).ToText(bounds));
    }

    [Theory]
    [InlineData(12.25, 1, "12.2")]   // a tie exactly representable: half to even, as Python
    [InlineData(12.75, 1, "12.8")]
    [InlineData(0.125, 2, "0.12")]
    [InlineData(100.0, 1, "100.0")]
    [InlineData(0.0, 3, "0.000")]
    [InlineData(2 / 3.0 * 100, 1, "66.7")]
    [InlineData(0.5454545454545454, 3, "0.545")]
    public void Fixed_rounds_like_python(double value, int decimals, string expected) =>
        Assert.Equal(expected, PythonFloat.Fixed(value, decimals));

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345.0, "123456789012345.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(0.6666666666666666, "0.6666666666666666")]
    public void Repr_matches_python(double value, string expected) => Assert.Equal(expected, PythonFloat.Repr(value));
}

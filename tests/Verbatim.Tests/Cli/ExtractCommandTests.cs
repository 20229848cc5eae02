using Verbatim.Input;
using System.Text;
using System.Text.Json;
using Verbatim.Cli;

namespace Verbatim.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithStdin(null, args);

    private static (int Code, string Out, string Err) RunWithStdin(byte[]? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error, stdin is null ? null : () => new MemoryStream(stdin));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_for_the_seed_prints_one_document()
    {
        var (code, output, error) = Run("extract", "--format", "json", "--published", "2024-11-01", Samples.SeedPath);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("seed-2plus2", json.RootElement.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal("2024-11-01", json.RootElement.GetProperty("document").GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("attributions").ValueKind);
    }

    [Fact]
    public void A_batch_reports_bad_files_writes_good_ones_and_exits_1()
    {
        var input = Path.Combine(_dir.Path, "in");
        _dir.File("in/good.txt", "The minister said the budget would pass. “We are ready,” she added.");
        _dir.File("in/sub/also-good.txt", "Officials said talks would resume.");
        _dir.Bytes("in/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00]);
        _dir.Bytes("in/latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 owners said prices rose."));
        _dir.File("in/empty.txt", "");
        // 10 MB on one line: processed (extraction is linear), and the batch around it completes.
        var block = string.Concat(Enumerable.Repeat("The river rose two metres overnight and roads into the valley were closed. ", 12)) + "\"We are ready,\" the mayor said. ";
        _dir.Bytes("in/huge.txt", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(block, 10_500_000 / block.Length))));
        // 50,000 quote marks that never close: processed, with no quadratic blow-up.
        _dir.File("in/quotes.txt", string.Concat(Enumerable.Repeat("“ \" ‘ ", 12_500)) + "the mayor said.");
        // Over the size limit: refused by size before it is read.
        _dir.Bytes("in/toolarge.txt", new byte[InputLimits.DefaultMaxBytes + 1]);
        var outDir = Path.Combine(_dir.Path, "out");

        var (code, output, error) = Run("extract", input, "--format", "json", "--out", outDir);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("verbatim: " + Path.Combine(input, "binary.txt") + ": looks like binary data", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("verbatim: " + Path.Combine(input, "latin1.txt") + ": not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "verbatim: " + Path.Combine(input, "empty.txt") + ": empty file");
        Assert.Contains(lines, l => l.StartsWith("verbatim: " + Path.Combine(input, "toolarge.txt") + ": too large (16000001 bytes", StringComparison.Ordinal));
        Assert.Equal(["also-good.json", "good.json", "huge.json", "quotes.json"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        using var good = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "good.json")));
        Assert.StartsWith("The minister said", good.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void A_larger_max_size_lets_a_big_single_line_file_through()
    {
        var path = _dir.Bytes("long.txt", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Officials said it rained. ", 2_000))));
        var (refused, _, reason) = Run("extract", path, "--format", "jsonl", "--max-size", "10000");
        Assert.Equal(1, refused);
        Assert.Contains("too large", reason);
        var (code, output, _) = Run("extract", path, "--format", "jsonl", "--max-size", "100000");
        Assert.Equal(0, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Brat_writes_one_ann_per_input_and_needs_out()
    {
        _dir.File("in/a.txt", "“We are ready,” the minister said.");
        _dir.File("in/b.txt", "Nothing to see.");
        var outDir = Path.Combine(_dir.Path, "ann");
        var (code, _, error) = Run("extract", "--format", "brat", "--out", outDir, Path.Combine(_dir.Path, "in"));
        Assert.Equal((0, ""), (code, error));
        Assert.Equal(["a.ann", "b.ann"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        Assert.Equal(2, Run("extract", "--format", "brat", Path.Combine(_dir.Path, "in")).Code);
    }

    [Fact]
    public void Jsonl_input_from_stdin_gives_jsonl_output_and_names_a_bad_line()
    {
        var feed = "{\"id\": \"x1\", \"text\": \"The mayor said it rained.\"}\nnot json\n{\"id\": \"x2\", \"text\": \"Officials said so.\", \"published\": \"2024-01-02\"}\n"u8.ToArray();
        var (code, output, error) = RunWithStdin(feed, "extract", "-", "--input-format", "jsonl", "--format", "jsonl");
        Assert.Equal(1, code);
        Assert.StartsWith("verbatim: stdin:2: invalid JSON", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["x1", "x2"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("document").GetProperty("id").GetString()));
    }

    [Fact]
    public void Text_report_is_plain_when_not_a_terminal()
    {
        var (code, output, _) = RunWithStdin("“We are ready,” the minister said."u8.ToArray(), "extract", "-");
        Assert.Equal(0, code);
        Assert.StartsWith("stdin", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Theory]
    [InlineData("extract", "--bogus", "x")]
    [InlineData("extract", "--format", "xml", "x")]
    [InlineData("extract", "--published", "1 Nov 2024", "x")]
    [InlineData("nonsense")]
    [InlineData]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("verbatim: ", error);
    }

    [Fact]
    public void Json_with_several_inputs_needs_out()
    {
        _dir.File("a.txt", "A said so.");
        _dir.File("b.txt", "B said so.");
        var (code, _, error) = Run("extract", "--format", "json", Path.Combine(_dir.Path, "a.txt"), Path.Combine(_dir.Path, "b.txt"));
        Assert.Equal(2, code);
        Assert.Contains("--out", error);
    }

    [Fact]
    public void A_missing_file_fails_alone()
    {
        _dir.File("a.txt", "A said so.");
        var outDir = Path.Combine(_dir.Path, "o");
        var (code, _, error) = Run("extract", "--format", "json", "--out", outDir, Path.Combine(_dir.Path, "nope.txt"), Path.Combine(_dir.Path, "a.txt"));
        Assert.Equal(1, code);
        Assert.EndsWith("nope.txt: no such file or directory\n", error.Replace("\r\n", "\n"));
        Assert.True(File.Exists(Path.Combine(outDir, "a.json")));
    }
}

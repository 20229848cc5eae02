using Verbatim.Attribution;
using Verbatim.Attribution.Training;
using Verbatim.Cli;
using Verbatim.Text;

namespace Verbatim.Tests.Attributions;

/// <summary>
/// Training on a small PolNeAR-shaped split made here (the real corpus is not in the repository):
/// the run is deterministic, records the data's hash, and gives a model that finds what it was
/// taught.
/// </summary>
public sealed class TrainingTests : IDisposable
{
    private readonly string _split = Path.Combine(Path.GetTempPath(), "verbatim-train-" + Guid.NewGuid().ToString("N"));

    public TrainingTests()
    {
        Directory.CreateDirectory(Path.Combine(_split, "text"));
        Directory.CreateDirectory(Path.Combine(_split, "attributions"));
        string[] sentences =
        [
            "“We will win,” said Anna Berg.", "Tom Lind said that the plan would fail.", "“It is over,” he said.",
            "The mayor said the bridge would reopen.", "“No comment,” said a spokesman.", "She said that prices rose.",
        ];
        for (int d = 0; d < 12; d++)
        {
            var text = string.Join("\n\n", sentences.Skip(d % 3).Concat(sentences.Take(d % 3)));
            File.WriteAllText(Path.Combine(_split, "text", $"doc{d:00}.txt"), text);
            File.WriteAllText(Path.Combine(_split, "attributions", $"doc{d:00}_ann1.ann"), Annotate(text));
        }
    }

    /// <summary>Gold by rule for these simple sentences: the cue is "said", the source its subject or object, the content the rest.</summary>
    private static string Annotate(string text)
    {
        var lines = new List<string>();
        int t = 0, e = 0, offset = 0;
        foreach (var paragraph in text.Split("\n\n"))
        {
            int said = paragraph.IndexOf(" said", StringComparison.Ordinal) + 1;
            var cue = (said, said + 4);
            (int, int) source, content;
            if (paragraph.StartsWith('“'))
            {
                int close = paragraph.IndexOf('”') + 1;
                content = (0, close);
                // `“…,” said Anna Berg.` or `“…,” he said.`
                source = said + 5 < paragraph.Length - 1 ? (said + 5, paragraph.Length - 1) : (close + 1, said - 1);
            }
            else
            {
                source = (0, said - 1);
                content = (said + 5, paragraph.Length - 1);
            }
            string T(string label, (int Start, int End) span)
            {
                lines.Add($"T{++t}\t{label} {offset + span.Start} {offset + span.End}\t{paragraph[span.Start..span.End]}");
                return $"T{t}";
            }
            var s = T("Source", source);
            var c = T("Cue", cue);
            var x = T("Content", content);
            lines.Add($"E{++e}\tAttribution:{c} Source:{s} Cue:{c} Content:{x}");
            offset += paragraph.Length + 2;
        }
        return string.Join("\n", lines) + "\n";
    }

    public void Dispose() => Directory.Delete(_split, recursive: true);

    private static byte[] Bytes(AttributionModel model)
    {
        var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes_and_records_the_data_hash()
    {
        var options = new TrainingOptions(CueEpochs: 3, RoleEpochs: 3, CueBucketBits: 14, RoleBucketBits: 14);
        var first = AttributionTrainer.Train(_split, options, TextWriter.Null);
        var second = AttributionTrainer.Train(_split, options, TextWriter.Null);
        Assert.Equal(Bytes(first), Bytes(second));
        Assert.Contains("sha256:" + AttributionTrainer.HashSplit(_split), first.Provenance);
    }

    [Fact]
    public void A_trained_model_survives_saving_and_finds_what_it_learned()
    {
        var model = AttributionTrainer.Train(_split, new TrainingOptions(CueEpochs: 5, RoleEpochs: 5, CueBucketBits: 14, RoleBucketBits: 14), TextWriter.Null);
        var reloaded = AttributionModel.Load(new MemoryStream(Bytes(model)));
        Assert.Equal(model.Provenance, reloaded.Provenance);
        var doc = new AttributionStage(reloaded).Process(DocumentBuilder.Build("“We will win,” said Anna Berg.", new DocumentMetadata("t")));
        var a = Assert.Single(doc.Require<AttributionLayer>().Items);
        Assert.Equal("said", doc[a.Cue!.Value]);
        Assert.Equal("Anna Berg", doc[a.Source!.Value]);
    }

    [Fact]
    public void The_changed_data_changes_the_hash()
    {
        var before = AttributionTrainer.HashSplit(_split);
        File.AppendAllText(Path.Combine(_split, "text", "doc00.txt"), " ");
        Assert.NotEqual(before, AttributionTrainer.HashSplit(_split));
    }

    [Fact]
    public void Train_command_writes_the_model_and_reports_a_missing_folder()
    {
        var target = Path.Combine(_split, "out", "model.bin");
        var output = new StringWriter();
        var error = new StringWriter();
        // The small split trains with the default options too; only the output matters here.
        Assert.Equal(0, CliApp.Run(["train", _split, "--out", target], output, error));
        Assert.True(File.Exists(target));
        Assert.Contains("sha256:", output.ToString());
        Assert.NotNull(AttributionModel.Load(File.OpenRead(target)));

        var missing = new StringWriter();
        Assert.Equal(2, CliApp.Run(["train", Path.Combine(_split, "nope")], new StringWriter(), missing));
        Assert.Contains("no such folder", missing.ToString());
    }
}

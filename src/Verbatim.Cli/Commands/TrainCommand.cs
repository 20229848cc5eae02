using System.CommandLine;
using Verbatim.Attribution;
using Verbatim.Attribution.Training;

namespace Verbatim.Cli.Commands;

/// <summary>
/// <c>verbatim train POLNEAR_TRAIN_DIR [--out FILE] [--check]</c>: trains the attribution model
/// from a PolNeAR train split. The run is deterministic, so the committed model
/// (src/Verbatim.Core/Models/attribution.model) is reproduced byte for byte from the same data;
/// the model records the data's SHA-256. <c>--check</c> compares the result with the model built
/// into this program and fails when they differ.
/// </summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var split = new Argument<string>("split")
        {
            Description = "A PolNeAR split folder holding text/ and attributions/ (for example ../shared/corpora/polnear/train)",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the model (to bundle it: src/Verbatim.Core/Models/attribution.model, then rebuild)",
            HelpName = "FILE",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Compare the trained model with the one built into verbatim; exit 1 when they differ",
        };
        var command = new Command("train", "Train the attribution model from PolNeAR (deterministic; records the data's hash)")
        {
            split, output, check,
        };
        command.SetAction(result => Run(context, result.GetRequiredValue(split), result.GetValue(output), result.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string split, string? output, bool check)
    {
        if (!Directory.Exists(split))
        {
            throw new UsageException($"{split}: no such folder (expected a PolNeAR split with text/ and attributions/)");
        }
        AttributionModel model;
        try
        {
            model = AttributionTrainer.Train(split, new TrainingOptions(), context.Err);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
        var bytes = new MemoryStream();
        model.Save(bytes);
        context.Out.WriteLine($"model: {model.Provenance}");
        context.Out.WriteLine($"size: {bytes.Length:N0} bytes");
        if (output is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(output));
            if (directory is not null) Directory.CreateDirectory(directory);
            // Write beside and rename, so an interrupted run never leaves half a model behind.
            var temporary = output + ".tmp";
            File.WriteAllBytes(temporary, bytes.ToArray());
            File.Move(temporary, output, overwrite: true);
            context.Out.WriteLine($"written: {output}");
        }
        if (check)
        {
            var embedded = AttributionModel.EmbeddedBytes();
            bool same = embedded.AsSpan().SequenceEqual(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            context.Out.WriteLine(same
                ? "check: identical to the model built into verbatim"
                : "check: DIFFERS from the model built into verbatim (retrain, commit the model and rebuild)");
            return same ? ExitCodes.Ok : ExitCodes.SomeFailed;
        }
        return ExitCodes.Ok;
    }
}

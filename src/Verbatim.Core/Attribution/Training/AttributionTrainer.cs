using System.Security.Cryptography;
using System.Text;
using Verbatim.Corpora;
using Verbatim.Learning;
using Verbatim.Text;

namespace Verbatim.Attribution.Training;

/// <summary>Settings of a training run; the defaults are those of the committed model.</summary>
public sealed record TrainingOptions(int CueEpochs = 15, int RoleEpochs = 12, int CueBucketBits = 20, int RoleBucketBits = 20, int Seed = 17);

/// <summary>
/// Trains the <see cref="AttributionModel"/> from a PolNeAR train split. Deterministic: the same
/// data and options give the same model, byte for byte (fixed shuffling seed, no clocks, no
/// parallelism in the updates). The provenance records the data's SHA-256 and the options.
/// </summary>
public static class AttributionTrainer
{
    public static AttributionModel Train(string trainSplit, TrainingOptions options, TextWriter log)
    {
        var hash = HashSplit(trainSplit);
        log.WriteLine($"reading {trainSplit} (sha256 {hash})");
        var docs = PolNearCorpus.Read(trainSplit).Select(g => Prepare(g)).ToList();
        log.WriteLine($"{docs.Count} documents, {docs.Sum(d => d.Gold.Attributions.Length)} attributions");

        var cueModel = CueTagger.NewModel(options.CueBucketBits);
        var cueInstances = new List<(FeatureBuffer Features, int[] Labels)>();
        foreach (var doc in docs)
        {
            for (int s = 0; s < doc.Document.Sentences.Length; s++)
            {
                var sentence = doc.Document.Sentences[s];
                var buffer = new FeatureBuffer(cueModel.BucketMask);
                CueTagger.Features(doc.Facts, s, buffer);
                var labels = new int[sentence.TokenCount];
                for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    int owner = doc.CueOwner[t];
                    labels[t - sentence.FirstToken] = owner < 0 ? CueTagger.Outside
                        : t > sentence.FirstToken && doc.CueOwner[t - 1] == owner ? CueTagger.Inside : CueTagger.Begin;
                }
                cueInstances.Add((buffer.Trim(), labels));
            }
        }
        RunEpochs("cues", cueModel, cueInstances, options.CueEpochs, options.Seed, log);

        var roleModel = RoleLabeler.NewModel(options.RoleBucketBits);
        var roleInstances = new List<(FeatureBuffer Features, int[] Labels)>();
        foreach (var doc in docs)
        {
            foreach (var (index, cueStart, cueEnd) in doc.CueRuns)
            {
                var (start, end) = RoleLabeler.Window(doc.Facts, cueStart, cueEnd);
                var otherCue = new bool[end - start];
                var labels = new int[end - start];
                var gold = doc.Gold.Attributions[index];
                for (int t = start; t < end; t++)
                {
                    otherCue[t - start] = doc.CueOwner[t] >= 0 && doc.CueOwner[t] != index;
                    var token = doc.Document.Tokens[t];
                    int role = gold.Source.Any(s => s.Contains(token.Start)) ? 1 : gold.Content.Any(s => s.Contains(token.Start)) ? 2 : 0;
                    int prevRole = t == start ? 0 : labels[t - start - 1] switch
                    {
                        RoleLabeler.BeginSource or RoleLabeler.InSource => 1,
                        RoleLabeler.BeginContent or RoleLabeler.InContent => 2,
                        _ => 0,
                    };
                    bool continues = prevRole == role && t > start && SameFragment(gold, role, doc.Document.Tokens[t - 1].Start, token.Start);
                    labels[t - start] = role switch
                    {
                        1 => continues ? RoleLabeler.InSource : RoleLabeler.BeginSource,
                        2 => continues ? RoleLabeler.InContent : RoleLabeler.BeginContent,
                        _ => RoleLabeler.Outside,
                    };
                }
                var buffer = new FeatureBuffer(roleModel.BucketMask);
                RoleLabeler.Features(doc.Facts, cueStart, cueEnd, start, end, otherCue, buffer);
                roleInstances.Add((buffer.Trim(), labels));
            }
        }
        RunEpochs("roles", roleModel, roleInstances, options.RoleEpochs, options.Seed, log);

        var provenance = $"PolNeAR train split sha256:{hash}; {options}";
        return new AttributionModel(cueModel, roleModel, provenance);
    }

    private static bool SameFragment(GoldAttribution gold, int role, int previousStart, int start)
    {
        var spans = role == 1 ? gold.Source : gold.Content;
        return spans.Any(s => s.Contains(previousStart) && s.Contains(start));
    }

    private static void RunEpochs(string name, SequenceModel model, List<(FeatureBuffer Features, int[] Labels)> instances, int epochs, int seed, TextWriter log)
    {
        var order = Enumerable.Range(0, instances.Count).ToArray();
        var random = new Random(seed);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int wrong = 0;
            foreach (int i in order)
            {
                if (model.Train(instances[i].Features, instances[i].Labels)) wrong++;
            }
            log.WriteLine($"{name} epoch {epoch}: {wrong}/{instances.Count} sequences wrong");
        }
        model.Average();
    }

    private sealed record PreparedDocument(GoldDocument Gold, Document Document, TokenFacts Facts, int[] CueOwner, List<(int Index, int Start, int End)> CueRuns);

    private static PreparedDocument Prepare(GoldDocument gold)
    {
        var document = DocumentBuilder.Build(gold.Text, new DocumentMetadata(gold.Name));
        var facts = new TokenFacts(document);
        var tokens = document.Tokens;
        var owner = new int[tokens.Length];
        Array.Fill(owner, -1);
        var runs = new List<(int, int, int)>();
        for (int a = 0; a < gold.Attributions.Length; a++)
        {
            var cue = gold.Attributions[a].Cue;
            if (cue.Length == 0 || gold.Attributions[a].Content.Length == 0) continue;
            int runStart = -1, runEnd = -1;
            for (int t = document.TokenAt(cue[0].Start); t < tokens.Length && tokens[t].Start < cue[^1].End; t++)
            {
                if (!cue.Any(s => s.Contains(tokens[t].Start)) || owner[t] >= 0) continue;
                owner[t] = a;
                if (runStart < 0) { runStart = t; runEnd = t + 1; }
                else if (runEnd == t) runEnd = t + 1;
            }
            if (runStart >= 0) runs.Add((a, runStart, runEnd));
        }
        return new PreparedDocument(gold, document, facts, owner, runs);
    }

    /// <summary>SHA-256 over the split's file names and bytes, in sorted order: what `verbatim train` records.</summary>
    public static string HashSplit(string split)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(split, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(split, f).Replace('\\', '/'))
                     .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".ann", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(split, file)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

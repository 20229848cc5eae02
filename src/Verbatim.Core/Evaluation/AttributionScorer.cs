using System.Text;

namespace Verbatim.Evaluation;

/// <summary>Precision, recall and F1 of one figure, with the counts behind them (absent for the overlap figures).</summary>
public sealed record Score(double P, double R, double F1, int? Tp = null, int? Fp = null, int? Fn = null);

/// <summary>
/// PolNeAR-style attribution scores: a faithful C# port of tools/score_attributions.py (same
/// matching, same whitespace rule, same figures and output format), so that `verbatim eval polnear`
/// and the shared script always agree. See that script's docstring for what each figure means.
/// </summary>
public static class AttributionScorer
{
    /// <summary>The figures, in the order the script prints them.</summary>
    public static readonly IReadOnlyList<string> PrintedKeys =
        ["attribution", "direct", "cue", "source", "content_exact", "strict", "cue_overlap", "source_overlap", "content_overlap"];

    /// <summary>The keys a --min bound may name (with "_p" appended for a precision).</summary>
    public static readonly IReadOnlySet<string> BoundKeys = new HashSet<string>(PrintedKeys, StringComparer.Ordinal);

    private static readonly string[] Roles = ["Source", "Cue", "Content"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Scores the system files NAME.ann in <paramref name="systemDir"/> against the gold split <paramref name="goldDir"/>.</summary>
    public static ScoreReport Score(string goldDir, string systemDir) => Score(goldDir, name =>
    {
        var path = Path.Combine(systemDir, name + ".ann");
        return File.Exists(path) ? BratAnnotations.ReadFile(path) : null;
    });

    /// <summary>
    /// Scores against <paramref name="goldDir"/> (text/NAME.txt, attributions/NAME_ANNOTATOR.ann), asking
    /// <paramref name="system"/> for each article's predicted attributions (null when the system has no file).
    /// Articles are scored one at a time, so a system that extracts on demand runs in bounded memory.
    /// </summary>
    public static ScoreReport Score(string goldDir, Func<string, IReadOnlyList<ScoredAttribution>?> system)
    {
        var texts = Directory.EnumerateFiles(Path.Combine(goldDir, "text"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => f[..^4])
            .Order(CodePointOrder.Instance).ToList();
        var annFiles = Directory.EnumerateFileSystemEntries(Path.Combine(goldDir, "attributions"))
            .Select(Path.GetFileName).OfType<string>()
            .Order(CodePointOrder.Instance).ToList();

        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);   // insertion order kept for --json, as in Python
        var chars = Roles.ToDictionary(r => r, _ => new long[3]);            // intersection, predicted, gold
        int missing = 0;

        void Add(string key, (int Tp, int Fp, int Fn) c)
        {
            if (!counts.TryGetValue(key, out var sums)) counts[key] = sums = new int[3];
            sums[0] += c.Tp; sums[1] += c.Fp; sums[2] += c.Fn;
        }

        foreach (var name in texts)
        {
            var raw = File.ReadAllBytes(Path.Combine(goldDir, "text", name + ".txt"));
            var decoded = StrictUtf8.GetString(raw);
            if (decoded.Length > 0 && decoded[0] == '\uFEFF') decoded = decoded[1..];   // utf-8-sig
            var text = PythonText.CodePoints(PythonText.UniversalNewlines(decoded));

            var goldFile = annFiles.FirstOrDefault(f => f.StartsWith(name + "_", StringComparison.Ordinal) && f.EndsWith(".ann", StringComparison.Ordinal));
            if (goldFile is null) continue;
            var gold = BratAnnotations.ReadFile(Path.Combine(goldDir, "attributions", goldFile)).Select(a => StripWhitespace(a, text)).ToList();
            var predicted = system(name);
            if (predicted is null) missing++;
            var pred = (predicted ?? []).Select(a => StripWhitespace(a, text)).ToList();

            Add("cue", PairCounts(pred.Where(p => p.Cue.Count > 0).ToList(), gold.Where(g => g.Cue.Count > 0).ToList(),
                (p, g) => p.Cue.Count > 0 && p.Cue.SetEquals(g.Cue)));
            Add("source", PairCounts(pred, gold, (p, g) => CuesOverlap(p, g) && p.Source.SetEquals(g.Source)));
            Add("content_exact", PairCounts(pred, gold, (p, g) => CuesOverlap(p, g) && p.Content.SetEquals(g.Content)));
            Add("strict", PairCounts(pred, gold, (p, g) => p.Cue.SetEquals(g.Cue) && p.Source.SetEquals(g.Source) && p.Content.SetEquals(g.Content)));
            Add("attribution", MatchAttributions(pred, gold));
            bool Quoted(ScoredAttribution a) => a.Content.Any(i => IsQuoteMark(text[i < 0 ? text.Length + i : i]));
            Add("direct", MatchAttributions(pred.Where(Quoted).ToList(), gold.Where(Quoted).ToList()));

            foreach (var role in Roles)
            {
                var p = new HashSet<int>(pred.SelectMany(a => Role(a, role)));
                var g = new HashSet<int>(gold.SelectMany(a => Role(a, role)));
                chars[role][1] += p.Count;
                chars[role][2] += g.Count;
                p.IntersectWith(g);
                chars[role][0] += p.Count;
            }
        }

        var result = new List<KeyValuePair<string, Score>>();
        foreach (var (key, (tp, fp, fn)) in counts.Select(kv => (kv.Key, (kv.Value[0], kv.Value[1], kv.Value[2]))))
        {
            var (p, r, f) = Prf(tp, fp, fn);
            result.Add(new(key, new Score(p, r, f, tp, fp, fn)));
        }
        foreach (var role in Roles)
        {
            var (i, np, ng) = (chars[role][0], chars[role][1], chars[role][2]);
            double p = np != 0 ? (double)i / np : 0.0;
            double rc = ng != 0 ? (double)i / ng : 0.0;
            double f = p + rc != 0 ? 2 * p * rc / (p + rc) : 0.0;
            result.Add(new(role.ToLowerInvariant() + "_overlap", new Score(p, rc, f)));
        }
        return new ScoreReport(result, texts.Count, missing);
    }

    private static HashSet<int> Role(ScoredAttribution a, string role) => role switch
    {
        "Source" => a.Source,
        "Cue" => a.Cue,
        _ => a.Content,
    };

    private static bool IsQuoteMark(int c) => c is '"' or '“' or '”' or '«' or '»' or '„';

    /// <summary>Drops positions past the text and positions of whitespace (a negative position indexes from the end, as in Python).</summary>
    private static ScoredAttribution StripWhitespace(ScoredAttribution a, int[] text)
    {
        HashSet<int> Strip(HashSet<int> s)
        {
            var kept = new HashSet<int>();
            foreach (var i in s)
            {
                if (i >= text.Length) continue;
                int at = i < 0 ? text.Length + i : i;
                if (at < 0) throw new IndexOutOfRangeException($"span position {i} is outside the text");
                if (!PythonText.IsSpace(text[at])) kept.Add(i);
            }
            return kept;
        }
        return new ScoredAttribution(Strip(a.Source), Strip(a.Cue), Strip(a.Content));
    }

    private static (double P, double R, double F) Prf(int tp, int fp, int fn)
    {
        double p = tp + fp != 0 ? (double)tp / (tp + fp) : 0.0;
        double r = tp + fn != 0 ? (double)tp / (tp + fn) : 0.0;
        double f = p + r != 0 ? 2 * p * r / (p + r) : 0.0;
        return (p, r, f);
    }

    /// <summary>Content overlap F1 of two position sets, 0 when either is empty or they are disjoint.</summary>
    public static double OverlapF1(HashSet<int> a, HashSet<int> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0.0;
        int inter = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        if (inter == 0) return 0.0;
        double p = (double)inter / a.Count, r = (double)inter / b.Count;
        return 2 * p * r / (p + r);
    }

    /// <summary>Citron-style counts: a prediction is a hit if any gold item is the same, a gold item a miss if no prediction is.</summary>
    private static (int, int, int) PairCounts(List<ScoredAttribution> pred, List<ScoredAttribution> gold, Func<ScoredAttribution, ScoredAttribution, bool> same)
    {
        int tp = pred.Count(p => gold.Any(g => same(p, g)));
        int fn = gold.Count(g => !pred.Any(p => same(p, g)));
        return (tp, pred.Count - tp, fn);
    }

    private static bool CuesOverlap(ScoredAttribution p, ScoredAttribution g)
    {
        if (p.Cue.Count > 0 && g.Cue.Count > 0) return p.Cue.Overlaps(g.Cue);
        return p.Cue.Count == 0 && g.Cue.Count == 0 && p.Content.Overlaps(g.Content);
    }

    /// <summary>
    /// One-to-one matching: candidate pairs (content overlap F1 ≥ 0.5, sources overlapping or both absent)
    /// taken greedily from the best, ties going as Python's reverse tuple sort sends them (higher indices first).
    /// </summary>
    private static (int, int, int) MatchAttributions(List<ScoredAttribution> pred, List<ScoredAttribution> gold)
    {
        var candidates = new List<(double F, int I, int J)>();
        for (int i = 0; i < pred.Count; i++)
        {
            for (int j = 0; j < gold.Count; j++)
            {
                var (p, g) = (pred[i], gold[j]);
                double f = OverlapF1(p.Content, g.Content);
                bool sourceOk = (p.Source.Count == 0 && g.Source.Count == 0) || p.Source.Overlaps(g.Source);
                if (f >= 0.5 && sourceOk) candidates.Add((f, i, j));
            }
        }
        candidates.Sort((x, y) => y.CompareTo(x));
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        int tp = 0;
        foreach (var (_, i, j) in candidates)
        {
            if (usedP.Contains(i) || usedG.Contains(j)) continue;
            usedP.Add(i); usedG.Add(j); tp++;
        }
        return (tp, pred.Count - tp, gold.Count - tp);
    }
}

/// <summary>Python sorts strings by code point; UTF-16 ordinal order differs only above U+FFFF, but the port should not.</summary>
internal sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var a = PythonText.CodePoints(x);
        var b = PythonText.CodePoints(y);
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        }
        return a.Length.CompareTo(b.Length);
    }
}

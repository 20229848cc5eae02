using System.Collections.Immutable;
using Verbatim.Learning;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Finds attributions and adds the <see cref="AttributionLayer"/>: the cue tagger proposes cues,
/// the role labeler finds each cue's source and content, and the results are assembled into
/// attributions with a kind (direct, indirect, mixed), nesting and a confidence. Quote paragraphs
/// with no cue of their own that continue the previous speaker's quote become cue-less attributions
/// for the speaker stage to resolve.
/// </summary>
public sealed class AttributionStage : IDocumentStage
{
    private readonly CueTagger _cues;
    private readonly RoleLabeler _roles;

    public AttributionStage(AttributionModel model)
    {
        Model = model;
        _cues = new CueTagger(model.Cues);
        _roles = new RoleLabeler(model.Roles);
    }

    public AttributionModel Model { get; }

    public string Name => "attributions";

    public static AttributionStage CreateDefault() => new(AttributionModel.Default);

    public Document Process(Document document)
    {
        var facts = new TokenFacts(document);
        var found = new List<Attribution>();
        var work = Workspace.ForThisThread(_cues.Model.BucketMask, _roles.Model.BucketMask);
        var cues = work.Cues;
        cues.Clear();
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            _cues.Tag(facts, s, work.CueFeatures, work.Scratch, cues);
        }
        var isCue = new bool[document.Tokens.Length];
        foreach (var (start, end, _) in cues)
        {
            for (int t = start; t < end; t++) isCue[t] = true;
        }
        foreach (var (cueStart, cueEnd, cueProbability) in cues)
        {
            var (start, end) = RoleLabeler.Window(facts, cueStart, cueEnd);
            int size = end - start;
            work.EnsureWindow(size);
            var otherCue = work.OtherCue.AsSpan(0, size);
            for (int t = start; t < end; t++) otherCue[t - start] = isCue[t] && (t < cueStart || t >= cueEnd);
            var labels = work.Labels.AsSpan(0, size);
            var marginals = work.Marginals.AsSpan(0, size * RoleLabeler.Labels.Length);
            _roles.Label(facts, cueStart, cueEnd, start, end, otherCue, work.RoleFeatures, work.Scratch, labels, marginals);
            var attribution = Assemble(document, facts, cueStart, cueEnd, cueProbability, start, labels, marginals, found.Count + 1);
            if (attribution is not null) found.Add(attribution);
        }
        ShareSubjectWithParticiples(document, facts, found);
        found.AddRange(DashBylines.Find(document, facts, found, found.Count + 1).ToList());
        found.AddRange(ContinuationQuotes.Find(document, facts, found, found.Count + 1));
        return document.With(new AttributionLayer(Finish(found)));
    }

    private static Attribution? Assemble(Document document, TokenFacts facts, int cueStart, int cueEnd, float cueProbability,
        int windowStart, ReadOnlySpan<int> labels, ReadOnlySpan<float> marginals, int id)
    {
        var tokens = document.Tokens;
        var content = ImmutableArray.CreateBuilder<TextSpan>();
        var sources = new List<(int Start, int End)>();
        const int L = 5;   // RoleLabeler.Labels.Length
        float contentProbability = 0;
        int contentTokens = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int label = labels[i];
            if (label is RoleLabeler.BeginContent or RoleLabeler.BeginSource)
            {
                int j = i + 1;
                int inside = label + 1;
                while (j < labels.Length && labels[j] == inside) j++;
                if (label == RoleLabeler.BeginContent)
                {
                    var span = new TextSpan(tokens[windowStart + i].Start, tokens[windowStart + j - 1].End);
                    // Pieces separated only by space join; PolNeAR splits content only around the cue or other text.
                    if (content.Count > 0 && IsBlank(document.Text, content[^1].End, span.Start))
                    {
                        content[^1] = TextSpan.Cover(content[^1], span);
                    }
                    else
                    {
                        content.Add(span);
                    }
                    for (int k = i; k < j; k++)
                    {
                        contentProbability += marginals[k * L + RoleLabeler.BeginContent] + marginals[k * L + RoleLabeler.InContent];
                        contentTokens++;
                    }
                }
                else
                {
                    sources.Add((windowStart + i, windowStart + j));
                }
                i = j - 1;
            }
        }
        if (content.Count == 0) return null;
        // One source: the piece nearest the cue.
        TextSpan? source = null;
        float sourceProbability = 1;
        if (sources.Count > 0)
        {
            var best = sources.MinBy(s => s.End <= cueStart ? cueStart - s.End : s.Start - cueEnd);
            source = new TextSpan(tokens[best.Start].Start, tokens[best.End - 1].End);
        }
        else if (MostLikelySource(labels, marginals) is var (from, to, probability) && CanName(facts, windowStart + from, windowStart + to))
        {
            // The doubt about a source the labeler did not choose outright goes into the confidence.
            source = new TextSpan(tokens[windowStart + from].Start, tokens[windowStart + to - 1].End);
            sourceProbability = probability;
        }
        var cue = new TextSpan(tokens[cueStart].Start, tokens[cueEnd - 1].End);
        var kind = KindOf(document, facts, content);
        double confidence = Math.Round(cueProbability * contentProbability / Math.Max(1, contentTokens) * sourceProbability, 3);
        return new Attribution(id, kind, source, cue, content.ToImmutable(), null, confidence);
    }

    /// <summary>
    /// `Austin wouldn’t hint at X, saying only that Y`: a participle cue after a comma has the
    /// subject of the clause it hangs on as its source. When the labeler found none, take the
    /// source of the attribution just before it in the same sentence (PolNeAR gives these a source
    /// 97% of the time, and it is that subject).
    /// </summary>
    private static void ShareSubjectWithParticiples(Document document, TokenFacts facts, List<Attribution> found)
    {
        for (int i = 1; i < found.Count; i++)
        {
            var a = found[i];
            if (a.Source is not null || a.Cue is not { } cue) continue;
            int cueToken = document.TokenAt(cue.Start);
            if (cueToken == 0 || facts.Classes[cueToken - 1] != WordClass.Comma) continue;
            if (!document.TokenText(cueToken).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) continue;
            var previous = found[i - 1];
            if (previous.Source is not { } source || previous.Cue is not { } previousCue) continue;
            if (facts.SentenceOf[document.TokenAt(previousCue.Start)] != facts.SentenceOf[cueToken]) continue;
            found[i] = a with { Source = source };
        }
    }

    /// <summary>Probability mass a token needs, as source, before a source-less attribution takes it (tuned on dev).</summary>
    private const float SourceFallback = 0.05f;

    /// <summary>
    /// Most attributions have a source (93% in PolNeAR), so when the best labelling has none, the
    /// tokens the labeler still thinks likely as source are taken: the most likely token, widened
    /// over its neighbours while they stay at least half as likely and not content.
    /// </summary>
    private static (int From, int To, float Probability)? MostLikelySource(ReadOnlySpan<int> labels, ReadOnlySpan<float> marginals)
    {
        int best = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == RoleLabeler.Outside && (best < 0 || SourceProbability(marginals, i) > SourceProbability(marginals, best))) best = i;
        }
        if (best < 0) return null;
        float top = SourceProbability(marginals, best);
        if (top < SourceFallback) return null;
        int from = best, to = best + 1;
        while (from > 0 && labels[from - 1] == RoleLabeler.Outside && SourceProbability(marginals, from - 1) >= top / 2) from--;
        while (to < labels.Length && labels[to] == RoleLabeler.Outside && SourceProbability(marginals, to) >= top / 2) to++;
        return (from, to, top);
    }

    private static float SourceProbability(ReadOnlySpan<float> marginals, int position)
    {
        const int L = 5;   // RoleLabeler.Labels.Length
        return marginals[position * L + RoleLabeler.BeginSource] + marginals[position * L + RoleLabeler.InSource];
    }

    /// <summary>
    /// Whether a fallback source can name someone: it needs a name, a pronoun, a relative pronoun
    /// or a determiner ("the agency"). A stray adverb ("together") is no source.
    /// </summary>
    private static bool CanName(TokenFacts facts, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if ((facts.Classes[t] & (WordClass.Capitalized | WordClass.Pronoun | WordClass.Relative | WordClass.Determiner)) != 0) return true;
        }
        return false;
    }

    /// <summary>
    /// The buffers one thread reuses from document to document (feature buffers, decoding scratch,
    /// window arrays), so that a batch does not allocate and grow them again for every article.
    /// One per thread: the stage itself stays shareable between threads.
    /// </summary>
    private sealed class Workspace
    {
        [ThreadStatic]
        private static Workspace? _current;

        private Workspace(int cueMask, int roleMask)
        {
            CueFeatures = new FeatureBuffer(cueMask);
            RoleFeatures = new FeatureBuffer(roleMask);
        }

        public FeatureBuffer CueFeatures { get; }
        public FeatureBuffer RoleFeatures { get; }
        public DecodeScratch Scratch { get; } = new();
        public List<(int Start, int End, float Probability)> Cues { get; } = [];
        public bool[] OtherCue { get; private set; } = [];
        public int[] Labels { get; private set; } = [];
        public float[] Marginals { get; private set; } = [];

        public static Workspace ForThisThread(int cueMask, int roleMask)
        {
            var work = _current;
            if (work is null || work.CueFeatures.BucketMask != cueMask || work.RoleFeatures.BucketMask != roleMask)
            {
                _current = work = new Workspace(cueMask, roleMask);
            }
            return work;
        }

        public void EnsureWindow(int size)
        {
            if (OtherCue.Length >= size) return;
            OtherCue = new bool[size * 2];
            Labels = new int[size * 2];
            Marginals = new float[size * 2 * RoleLabeler.Labels.Length];
        }
    }

    private static bool IsBlank(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i])) return false;
        }
        return true;
    }

    /// <summary>Direct when every content piece is inside a quotation, mixed when some of it is, indirect otherwise.</summary>
    internal static AttributionKind KindOf(Document document, TokenFacts facts, IReadOnlyList<TextSpan> content)
    {
        int quoted = 0, total = 0;
        foreach (var span in content)
        {
            for (int t = document.TokenAt(span.Start); t < document.Tokens.Length && document.Tokens[t].Start < span.End; t++)
            {
                var cls = facts.Classes[t];
                if (cls is WordClass.Comma or WordClass.SentenceEnd or WordClass.Colon or WordClass.Dash) continue;
                total++;
                if (facts.InQuote(t)) quoted++;
            }
        }
        return quoted == 0 ? AttributionKind.Indirect : quoted == total ? AttributionKind.Direct : AttributionKind.Mixed;
    }

    /// <summary>Index of the first element greater than <paramref name="value"/> in a sorted array.</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Orders by content, renumbers, and links each attribution to the innermost one whose content holds its cue.</summary>
    private static ImmutableArray<Attribution> Finish(List<Attribution> found)
    {
        var ordered = found.OrderBy(a => a.ContentExtent.Start).ThenBy(a => a.Cue?.Start ?? int.MaxValue).ToList();
        var renumbered = new Attribution[ordered.Count];
        var newId = new Dictionary<int, int>();
        for (int i = 0; i < ordered.Count; i++) newId[ordered[i].Id] = i + 1;
        for (int i = 0; i < ordered.Count; i++)
        {
            renumbered[i] = ordered[i] with { Id = i + 1, Continues = ordered[i].Continues is { } c ? newId[c] : null };
        }
        // Candidates for the outer attribution start at or before the anchor, and no content is
        // longer than the longest one, so a backward scan over the sorted list stays short.
        int longest = renumbered.Length == 0 ? 0 : renumbered.Max(a => a.ContentExtent.Length);
        var starts = renumbered.Select(a => a.ContentExtent.Start).ToArray();
        var parents = new Attribution?[renumbered.Length];
        for (int i = 0; i < renumbered.Length; i++)
        {
            var inner = renumbered[i];
            var anchor = inner.Cue ?? inner.ContentExtent;
            int j = UpperBound(starts, anchor.Start) - 1;
            Attribution? parent = null;
            for (; j >= 0 && starts[j] >= anchor.Start - longest; j--)
            {
                var outer = renumbered[j];
                if (outer.Id == inner.Id) continue;
                if (!outer.Content.Any(c => c.Contains(anchor))) continue;
                if (outer.Cue is { } outerCue && inner.Content.Any(c => c.Contains(outerCue))) continue;
                if (parent is null || parent.ContentExtent.Contains(outer.ContentExtent)) parent = outer;
            }
            parents[i] = parent;
        }
        for (int i = 0; i < renumbered.Length; i++)
        {
            if (parents[i] is { } parent) renumbered[i] = renumbered[i] with { NestedIn = parent.Id };
        }
        return renumbered.ToImmutableArray();
    }
}

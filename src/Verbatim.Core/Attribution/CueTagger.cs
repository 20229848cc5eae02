using Verbatim.Learning;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Finds cue spans ("said", "told reporters", "according to", a colon) sentence by sentence with a
/// structured perceptron over B/I/O labels. Features look at the word, its neighbours and the
/// quote state around it, since a cue is mostly recognised by what it is next to.
/// </summary>
internal sealed class CueTagger
{
    public static readonly string[] Labels = ["O", "B-CUE", "I-CUE"];
    public const int Outside = 0, Begin = 1, Inside = 2;
    private static readonly int SentenceStart = FeatureHash.Of("<S>"), SentenceEnd = FeatureHash.Of("</S>");

    public CueTagger(SequenceModel model) => Model = model;

    public SequenceModel Model { get; }

    public static SequenceModel NewModel(int bucketBits) =>
        new(Labels, bucketBits, (prev, label) => label != Inside || prev is Begin or Inside);

    /// <summary>Fills <paramref name="buffer"/> with the features of sentence <paramref name="sentence"/>'s tokens.</summary>
    public static void Features(TokenFacts facts, int sentence, FeatureBuffer buffer)
    {
        var doc = facts.Document;
        var s = doc.Sentences[sentence];
        buffer.Clear();
        int quoteInSentence = 0;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            if (facts.InQuote(t)) { quoteInSentence = 1; break; }
        }
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            int word = facts.Word[t];
            int stem = facts.Stem[t];
            int prev = t > s.FirstToken ? facts.Word[t - 1] : SentenceStart;
            int next = t + 1 < s.EndToken ? facts.Word[t + 1] : SentenceEnd;
            int prev2 = t - 1 > s.FirstToken ? facts.Word[t - 2] : SentenceStart;
            int next2 = t + 2 < s.EndToken ? facts.Word[t + 2] : SentenceEnd;
            bool inQuote = facts.InQuote(t);
            int q = inQuote ? 1 : 0;
            var cls = facts.Classes[t];
            var nextCls = t + 1 < s.EndToken ? facts.Classes[t + 1] : WordClass.SentenceEnd;
            var prevCls = t > s.FirstToken ? facts.Classes[t - 1] : WordClass.None;

            buffer.Add(FeatureHash.Template(0));
            buffer.Add(FeatureHash.Template(1).Add(word));
            buffer.Add(FeatureHash.Template(2).Add(stem));
            buffer.Add(FeatureHash.Template(3).Add(facts.Shape[t]));
            buffer.Add(FeatureHash.Template(4).Add(facts.Suffix[t]));
            buffer.Add(FeatureHash.Template(5).Add(prev));
            buffer.Add(FeatureHash.Template(6).Add(next));
            buffer.Add(FeatureHash.Template(7).Add(prev).Add(word));
            buffer.Add(FeatureHash.Template(8).Add(word).Add(next));
            buffer.Add(FeatureHash.Template(9).Add(prev2));
            buffer.Add(FeatureHash.Template(10).Add(next2));
            buffer.Add(FeatureHash.Template(11).Add(word).Add(q));
            buffer.Add(FeatureHash.Template(12).Add((int)cls).Add((int)prevCls).Add((int)nextCls).Add(q));
            buffer.Add(FeatureHash.Template(13).Add(stem).Add((int)(nextCls & (WordClass.Capitalized | WordClass.Pronoun | WordClass.That | WordClass.QuoteMark | WordClass.Colon | WordClass.Comma | WordClass.Determiner))));
            buffer.Add(FeatureHash.Template(14).Add(stem).Add((int)(prevCls & (WordClass.Capitalized | WordClass.Pronoun | WordClass.Relative | WordClass.QuoteMark | WordClass.Comma | WordClass.Title))));
            // Quote state just around the word: `,” he said` and `said: “` are the strongest signals.
            int quoteLeft = t > s.FirstToken && facts.InQuote(t - 1) && !inQuote ? 1 : 0;
            int quoteRight = t + 1 < doc.Tokens.Length && facts.InQuote(t + 1) && !inQuote ? 1 : 0;
            int quoteNear = QuoteWithin(facts, t, s, -3) * 2 + QuoteWithin(facts, t, s, 3);
            buffer.Add(FeatureHash.Template(15).Add(quoteLeft).Add(quoteRight).Add(quoteNear).Add(q));
            buffer.Add(FeatureHash.Template(16).Add(stem).Add(quoteNear).Add(q));
            int position = t - s.FirstToken;
            int fromEnd = s.EndToken - 1 - t;
            buffer.Add(FeatureHash.Template(17).Add(Math.Min(position, 4)).Add(Math.Min(fromEnd, 4)).Add((int)(cls & (WordClass.Colon | WordClass.Comma))));
            buffer.Add(FeatureHash.Template(20).Add(stem).Add(quoteInSentence));
            int lexicon = facts.Lexicon[t];
            buffer.Add(FeatureHash.Template(21).Add(lexicon));
            buffer.Add(FeatureHash.Template(22).Add(lexicon).Add((int)(nextCls & (WordClass.Capitalized | WordClass.Pronoun | WordClass.That | WordClass.QuoteMark | WordClass.Colon | WordClass.Comma | WordClass.Determiner))).Add(q));
            buffer.Add(FeatureHash.Template(23).Add(lexicon).Add((int)(prevCls & (WordClass.Capitalized | WordClass.Pronoun | WordClass.Relative | WordClass.QuoteMark | WordClass.Comma | WordClass.Title))).Add(quoteNear));
            buffer.Add(FeatureHash.Template(24).Add(lexicon).Add(t > s.FirstToken ? facts.Lexicon[t - 1] : 0).Add(t + 1 < s.EndToken ? facts.Lexicon[t + 1] : 0));
            buffer.EndPosition();
        }
    }

    private static int QuoteWithin(TokenFacts facts, int t, Sentence s, int delta)
    {
        int step = Math.Sign(delta);
        for (int k = 1; k <= Math.Abs(delta); k++)
        {
            int u = t + k * step;
            if (u < 0 || u >= facts.Document.Tokens.Length) return 0;
            if (facts.Classes[u] == WordClass.QuoteMark) return 1;
        }
        return 0;
    }

    /// <summary>Scales perceptron scores into log-potentials for <see cref="SequenceModel.Marginals"/>; fitted on dev for calibration.</summary>
    public const float Temperature = 30f;

    /// <summary>Cue token ranges [start, end) found in the sentence, each with the probability that it is a cue.</summary>
    public void Tag(TokenFacts facts, int sentence, FeatureBuffer buffer, DecodeScratch scratch, List<(int Start, int End, float Probability)> cues)
    {
        var s = facts.Document.Sentences[sentence];
        Features(facts, sentence, buffer);
        Span<int> labels = s.TokenCount <= 512 ? stackalloc int[s.TokenCount] : new int[s.TokenCount];
        Model.Decode(buffer, labels, scratch);
        float[]? marginals = null;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] != Begin) continue;
            if (marginals is null)
            {
                marginals = new float[labels.Length * Labels.Length];
                Model.Marginals(scratch, Temperature, marginals);
            }
            int j = i + 1;
            float probability = 1 - marginals[i * Labels.Length + Outside];
            while (j < labels.Length && labels[j] == Inside)
            {
                probability = Math.Min(probability, 1 - marginals[j * Labels.Length + Outside]);
                j++;
            }
            cues.Add((s.FirstToken + i, s.FirstToken + j, probability));
        }
    }
}

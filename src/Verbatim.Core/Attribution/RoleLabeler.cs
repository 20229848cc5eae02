using Verbatim.Learning;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Given one cue, labels the tokens of its window (its sentence, widened to whole quotations and,
/// after a colon, to the next sentence) as source, content or neither, with a structured
/// perceptron over BIO labels. All features are relative to the cue: which side a token is on, how
/// far, what lies between (commas, quote marks, another cue), and whether it sits in a quotation
/// that touches the cue.
/// </summary>
internal sealed class RoleLabeler
{
    public static readonly string[] Labels = ["O", "B-SRC", "I-SRC", "B-CON", "I-CON"];
    public const int Outside = 0, BeginSource = 1, InSource = 2, BeginContent = 3, InContent = 4;
    private static readonly int WindowStart = FeatureHash.Of("<W>"), WindowEnd = FeatureHash.Of("</W>");

    public RoleLabeler(SequenceModel model) => Model = model;

    public SequenceModel Model { get; }

    public static SequenceModel NewModel(int bucketBits) =>
        new(Labels, bucketBits, (prev, label) => label switch
        {
            InSource => prev is BeginSource or InSource,
            InContent => prev is BeginContent or InContent,
            _ => true,
        });

    private const int MaxWindow = 600;
    private const int RunOnSentence = 400;
    private const int RunOnReach = 40;

    /// <summary>The token range [start, end) that may hold the cue's source and content.</summary>
    public static (int Start, int End) Window(TokenFacts facts, int cueStart, int cueEnd)
    {
        var doc = facts.Document;
        int sentence = facts.SentenceOf[cueStart];
        // Never look further than MaxWindow tokens either side, so that a run-on "sentence" of
        // megabytes costs each cue a bounded window, not the whole text.
        int lowest = Math.Max(0, cueStart - MaxWindow), highest = Math.Min(doc.Tokens.Length, cueEnd + MaxWindow);
        // A "sentence" of hundreds of tokens is text without punctuation, not prose: there a cue
        // reaches only its neighbourhood (quotations still widen the window below).
        int reach = doc.Sentences[sentence].TokenCount > RunOnSentence ? RunOnReach : MaxWindow / 2;
        int start = Math.Max(Math.Max(lowest, cueStart - reach), doc.Sentences[sentence].FirstToken);
        int end = Math.Min(Math.Min(highest, cueEnd + reach), doc.Sentences[sentence].EndToken);
        // A colon at or right after the cue at the end of its sentence introduces what follows.
        int afterCue = cueEnd;
        if (afterCue < end && facts.Classes[afterCue] == WordClass.Colon) afterCue++;
        if ((afterCue >= end || (facts.Classes[cueEnd - 1] == WordClass.Colon && afterCue == end)) && sentence + 1 < doc.Sentences.Length
            && facts.ParagraphDistance(sentence, sentence + 1) <= 1)
        {
            end = Math.Min(highest, doc.Sentences[sentence + 1].EndToken);
        }
        // A cue that opens its sentence (`“…” ― Krystal Correa`, `“…” Said Smith.`) points back at
        // the sentence before it in the same paragraph.
        int firstWord = start;
        while (firstWord < cueStart && facts.Classes[firstWord] is WordClass.Dash or WordClass.QuoteMark) firstWord++;
        if (firstWord == cueStart && sentence > 0 && facts.ParagraphDistance(sentence - 1, sentence) == 0)
        {
            start = Math.Max(lowest, doc.Sentences[sentence - 1].FirstToken);
        }
        // Widen to whole quotations: a quote's content is the whole quote, however many sentences it spans.
        for (int pass = 0; pass < 2; pass++)
        {
            int newStart = start, newEnd = end;
            for (int t = start; t < end; t++)
            {
                int q = facts.QuoteOf[t];
                if (q < 0) continue;
                var quote = doc.Quotations[q];
                newStart = Math.Min(newStart, quote.OpenToken);
                int close = quote.IsClosed ? quote.CloseToken + 1 : doc.TokenAt(quote.Span.End);
                newEnd = Math.Max(newEnd, close);
                t = Math.Max(t, close - 1);
            }
            newStart = Math.Max(lowest, newStart);
            newEnd = Math.Min(highest, newEnd);
            if (newStart == start && newEnd == end) break;
            start = Math.Max(lowest, doc.Sentences[facts.SentenceOf[newStart]].FirstToken);
            end = Math.Min(highest, doc.Sentences[facts.SentenceOf[Math.Max(newEnd - 1, newStart)]].EndToken);
        }
        if (end - start > MaxWindow)
        {
            start = Math.Max(start, cueStart - MaxWindow / 2);
            end = Math.Min(end, start + MaxWindow);
        }
        return (start, end);
    }

    public static void Features(TokenFacts facts, int cueStart, int cueEnd, int start, int end, ReadOnlySpan<bool> otherCue, FeatureBuffer buffer)
    {
        var doc = facts.Document;
        buffer.Clear();
        int cueStem = facts.Stem[cueStart];
        int cueLength = Math.Min(cueEnd - cueStart, 3);
        bool cueIsColon = facts.Classes[cueStart] == WordClass.Colon;
        int cueQuote = facts.InQuote(cueStart) ? 1 : 0;
        int cueSentence = facts.SentenceOf[cueStart];
        // Quotations that touch the cue: `“...,” he said` ends just before; `said: “...”` starts just after.
        int quoteBefore = AdjacentQuote(facts, cueStart - 1, -1, start);
        int quoteAfter = AdjacentQuote(facts, cueEnd, +1, end);
        var nextAfterCue = cueEnd < end ? facts.Classes[cueEnd] : WordClass.SentenceEnd;

        // Running counts of what lies between each token and the cue, computed outward from the cue.
        Span<byte> commas = end - start <= 1024 ? stackalloc byte[end - start] : new byte[end - start];
        Span<bool> cueBetween = end - start <= 1024 ? stackalloc bool[end - start] : new bool[end - start];
        int count = 0; bool other = false;
        for (int t = cueStart - 1; t >= start; t--)
        {
            commas[t - start] = (byte)Math.Min(count, 3);
            cueBetween[t - start] = other;
            if (facts.Classes[t] is WordClass.Comma or WordClass.Dash) count++;
            if (otherCue[t - start]) other = true;
        }
        count = 0; other = false;
        for (int t = cueEnd; t < end; t++)
        {
            commas[t - start] = (byte)Math.Min(count, 3);
            cueBetween[t - start] = other;
            if (facts.Classes[t] is WordClass.Comma or WordClass.Dash) count++;
            if (otherCue[t - start]) other = true;
        }

        int segmentHead = start;
        for (int t = start; t < end; t++)
        {
            // The first word of the comma-delimited segment holding the token: "during ..." or
            // "in ..." segments are rarely sources, "a spokesman for ..." often is.
            if (t > start && facts.Classes[t - 1] is WordClass.Comma or WordClass.Dash or WordClass.Colon or WordClass.SentenceEnd or WordClass.QuoteMark)
            {
                segmentHead = t;
            }
            int side = t < cueStart ? 0 : t >= cueEnd ? 2 : 1;
            int distance = side == 0 ? cueStart - t : side == 2 ? t - cueEnd + 1 : 0;
            int bucket = distance switch { 0 => 0, 1 => 1, 2 => 2, 3 => 3, <= 5 => 4, <= 8 => 5, <= 15 => 6, <= 30 => 7, _ => 8 };
            int word = facts.Word[t];
            var cls = facts.Classes[t];
            int q = facts.QuoteOf[t];
            int inQuote = q < 0 ? 0 : q == quoteBefore ? 2 : q == quoteAfter ? 3 : 1;
            int sameSentence = facts.SentenceOf[t] == cueSentence ? 1 : 0;
            int between = (commas[t - start]) * 2 + (cueBetween[t - start] ? 1 : 0);
            var prevCls = t > start ? facts.Classes[t - 1] : WordClass.SentenceEnd;
            var nextCls = t + 1 < end ? facts.Classes[t + 1] : WordClass.SentenceEnd;

            buffer.Add(FeatureHash.Template(100).Add(side));
            buffer.Add(FeatureHash.Template(101).Add(side).Add(bucket));
            buffer.Add(FeatureHash.Template(102).Add(side).Add(word));
            buffer.Add(FeatureHash.Template(103).Add(side).Add(facts.Shape[t]));
            buffer.Add(FeatureHash.Template(104).Add(side).Add((int)cls).Add(bucket));
            buffer.Add(FeatureHash.Template(105).Add(side).Add(cueStem));
            buffer.Add(FeatureHash.Template(106).Add(side).Add(cueStem).Add(inQuote));
            buffer.Add(FeatureHash.Template(107).Add(side).Add(inQuote).Add(sameSentence));
            buffer.Add(FeatureHash.Template(108).Add(side).Add(between).Add(bucket));
            buffer.Add(FeatureHash.Template(109).Add(side).Add(between).Add(inQuote));
            buffer.Add(FeatureHash.Template(110).Add(side).Add((int)cls).Add((int)prevCls).Add((int)nextCls));
            buffer.Add(FeatureHash.Template(111).Add(side).Add(cueQuote).Add(inQuote).Add(cueIsColon ? 1 : 0));
            buffer.Add(FeatureHash.Template(112).Add(side).Add(cueLength).Add(bucket).Add((int)(nextAfterCue & (WordClass.That | WordClass.Comma | WordClass.Colon | WordClass.QuoteMark | WordClass.Capitalized | WordClass.Pronoun))));
            buffer.Add(FeatureHash.Template(113).Add(side).Add(t > start ? facts.Word[t - 1] : WindowStart));
            buffer.Add(FeatureHash.Template(114).Add(side).Add(t + 1 < end ? facts.Word[t + 1] : WindowEnd));
            buffer.Add(FeatureHash.Template(115).Add(side).Add(cueStem).Add(bucket).Add(between));
            buffer.Add(FeatureHash.Template(116).Add(side).Add(sameSentence).Add(between).Add(bucket));
            buffer.Add(FeatureHash.Template(117).Add(side).Add(word).Add(bucket));
            buffer.Add(FeatureHash.Template(118).Add(side).Add((int)cls).Add(inQuote).Add(between));
            // Whether quotes flank the cue at all, for every token: after `“…,” she said`, the rest of
            // the sentence is rarely content; after `said: “…”`, what precedes the cue rarely is.
            buffer.Add(FeatureHash.Template(122).Add(side).Add(quoteBefore >= 0 ? 1 : 0).Add(quoteAfter >= 0 ? 1 : 0).Add(inQuote).Add(Math.Min(bucket, 6)));
            buffer.Add(FeatureHash.Template(121).Add(side).Add(facts.Word[segmentHead]).Add(between));
            buffer.Add(FeatureHash.Template(119).Add(side).Add(between).Add((int)(cls & (WordClass.Capitalized | WordClass.Pronoun | WordClass.Determiner | WordClass.Title))).Add((int)(prevCls & (WordClass.Capitalized | WordClass.Comma | WordClass.Title))));
            if (bucket <= 3)
            {
                buffer.Add(FeatureHash.Template(120).Add(side).Add(bucket).Add(word).Add(cueStem));
            }
            buffer.EndPosition();
        }
    }

    private static int AdjacentQuote(TokenFacts facts, int from, int step, int limit)
    {
        // Skip a comma or colon between the cue and the quote (`“…,” he said` has the comma inside).
        for (int k = 0, t = from; k < 3 && t >= 0 && t < facts.Document.Tokens.Length && (step < 0 ? t >= limit : t < limit); k++, t += step)
        {
            if (facts.QuoteOf[t] >= 0) return facts.QuoteOf[t];
            if (facts.Classes[t] is not (WordClass.Comma or WordClass.Colon or WordClass.Dash)) return -1;
        }
        return -1;
    }

    /// <summary>Scales perceptron scores into log-potentials for <see cref="SequenceModel.Marginals"/>; fitted on dev for calibration.</summary>
    public const float Temperature = 30f;

    /// <summary>Labels the window: the best labels per window token and each label's marginal probability.</summary>
    public void Label(TokenFacts facts, int cueStart, int cueEnd, int start, int end, ReadOnlySpan<bool> otherCue, FeatureBuffer buffer, DecodeScratch scratch, Span<int> labels, Span<float> marginals)
    {
        Features(facts, cueStart, cueEnd, start, end, otherCue, buffer);
        Model.Decode(buffer, labels, scratch);
        Model.Marginals(scratch, Temperature, marginals);
    }
}

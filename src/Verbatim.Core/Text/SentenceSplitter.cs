using System.Collections.Frozen;
using System.Collections.Immutable;
using static Verbatim.Text.TextChars;

namespace Verbatim.Text;

/// <summary>
/// Groups tokens into sentences and paragraphs. A paragraph is the text between line breaks (a
/// single newline or a blank line); a sentence never crosses one. Every token belongs to exactly
/// one sentence, and sentences follow each other without gaps.
/// </summary>
/// <remarks>
/// A sentence ends after ".", "?", "!" or "…" together with any closing quotation marks and
/// brackets right after it, unless:
/// <list type="bullet">
/// <item>the next token starts with a lowercase letter or is a comma, semicolon or colon
/// (“Is it over?” she asked.);</item>
/// <item>a question or exclamation just closed a quotation and a name with a reporting verb
/// follows (“Is it over?” Smith asked.);</item>
/// <item>the period belongs to an abbreviation: titles and months never end a sentence; an
/// abbreviation that may (U.S., Inc., an initial) ends one only before a common sentence opener
/// (in the U.S. The next day) or after a closing quotation mark.</item>
/// </list>
/// </remarks>
public static class SentenceSplitter
{
    public static (ImmutableArray<Sentence> Sentences, ImmutableArray<Paragraph> Paragraphs) Split(
        string text, ImmutableArray<Token> tokens, ImmutableArray<Quotation> quotations)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, tokens, quotations, ParagraphStarts(text, tokens));
    }

    internal static (ImmutableArray<Sentence> Sentences, ImmutableArray<Paragraph> Paragraphs) Split(
        string text, ImmutableArray<Token> tokens, ImmutableArray<Quotation> quotations, int[] paragraphStarts)
    {
        var closers = new bool[tokens.Length];
        foreach (var q in quotations)
        {
            if (q.IsClosed) closers[q.CloseToken] = true;
        }
        var splitter = new Splitter(text, tokens, closers);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(tokens.Length / 20 + 1);
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>(paragraphStarts.Length);
        for (int p = 0; p < paragraphStarts.Length; p++)
        {
            int first = paragraphStarts[p];
            int end = p + 1 < paragraphStarts.Length ? paragraphStarts[p + 1] : tokens.Length;
            int firstSentence = sentences.Count;
            int start = first;
            for (int t = first; t < end - 1; t++)
            {
                int last = splitter.SentenceEnd(t, end);
                if (last >= 0 && last < end - 1)
                {
                    sentences.Add(MakeSentence(tokens, start, last));
                    start = last + 1;
                    t = last;
                }
            }
            sentences.Add(MakeSentence(tokens, start, end - 1));
            paragraphs.Add(new Paragraph(new TextSpan(tokens[first].Start, tokens[end - 1].End), firstSentence, sentences.Count - firstSentence));
        }
        return (sentences.DrainToImmutable(), paragraphs.DrainToImmutable());
    }

    private static Sentence MakeSentence(ImmutableArray<Token> tokens, int first, int last) =>
        new(new TextSpan(tokens[first].Start, tokens[last].End), first, last - first + 1);

    // Verbs that, after a closing quotation mark and a capitalised name, show the quotation
    // continues the sentence: “Is it over?” Smith asked.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = new[]
    {
        "said", "says", "asked", "asks", "added", "adds", "told", "tells", "replied", "replies", "wrote", "writes",
        "continued", "shouted", "explained", "insisted", "noted", "argued", "warned", "declared", "recalled",
        "stated", "claimed", "responded", "answered", "exclaimed", "tweeted", "posted", "cried", "whispered",
        "remarked", "concluded", "acknowledged", "wondered", "yelled", "quipped", "countered", "admitted",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly struct Splitter(string text, ImmutableArray<Token> tokens, bool[] closers)
    {
        /// <summary>
        /// The last token of a sentence that ends at token <paramref name="t"/> (after the closing
        /// marks that follow it), or −1 when no sentence ends there.
        /// </summary>
        public int SentenceEnd(int t, int paragraphEnd)
        {
            var token = tokens[t];
            char c = text[token.Start];
            bool abbreviation;
            if (token.Kind == TokenKind.Punctuation && c is '.' or '?' or '!' or '‽' or '…')
            {
                abbreviation = false;
            }
            else if (token.Kind == TokenKind.Word && token.Length > 1 && text[token.End - 1] == '.')
            {
                // Titles and number abbreviations never end a sentence; the tokenizer only keeps
                // the period of a Number-class word when a number follows.
                if (Abbreviations.Classify(Text(t)) != AbbreviationClass.Final) return -1;
                abbreviation = true;
            }
            else
            {
                return -1;
            }

            int last = t, next = t + 1;
            bool quoteClosed = false;
            while (next < paragraphEnd && IsCloser(next))
            {
                quoteClosed |= tokens[next].Kind == TokenKind.QuoteMark;
                last = next++;
            }
            if (next >= paragraphEnd) return last;

            var nextToken = tokens[next];
            if (abbreviation)
            {
                bool opener = nextToken.Kind == TokenKind.Word && Abbreviations.IsSentenceStarter(Text(next));
                return opener || (quoteClosed && IsUpperAt(text, nextToken.Start)) ? last : -1;
            }
            if (IsLowerAt(text, nextToken.Start)) return -1;
            if (nextToken.Kind == TokenKind.Punctuation && text[nextToken.Start] is ',' or ';' or ':') return -1;
            // “Is it over?” Smith asked. continues; “We will win.” He added, ... does not.
            if (quoteClosed && c is not ('.' or '…') && nextToken.Kind == TokenKind.Word
                && !Abbreviations.IsSentenceStarter(Text(next)) && ReportingClauseFollows(next, paragraphEnd))
            {
                return -1;
            }
            return last;
        }

        private ReadOnlySpan<char> Text(int t) => text.AsSpan(tokens[t].Start, tokens[t].Length);

        private bool IsCloser(int t)
        {
            if (closers[t]) return true;
            var token = tokens[t];
            char c = text[token.Start];
            if (token.Kind == TokenKind.Punctuation && token.Length == 1 && c is ')' or ']' or '}') return true;
            // A mark that closes no quotation (stray or unpaired) still closes here unless a word is glued after it.
            return token.Kind == TokenKind.QuoteMark && !IsAlnumAt(text, token.End) && c is not ('“' or '‘' or '„' or '«' or '‹');
        }

        /// <summary>Capitalised name tokens (and titles, initials) followed by a reporting verb.</summary>
        private bool ReportingClauseFollows(int t, int paragraphEnd)
        {
            for (int k = t; k < paragraphEnd && k < t + 5; k++)
            {
                var word = Text(k);
                if (tokens[k].Kind != TokenKind.Word) return false;
                if (ReportingVerbs.Contains(word)) return k > t;
                if (!IsUpperAt(text, tokens[k].Start)) return false;
            }
            return false;
        }
    }
}

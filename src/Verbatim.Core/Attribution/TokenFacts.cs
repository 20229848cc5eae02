using Verbatim.Learning;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Per-token facts the attribution models read, computed once per document in one pass over the
/// text layer: which quotation (if any) holds each token, each token's sentence, and cheap word
/// classes. Keeps feature extraction free of repeated searches.
/// </summary>
internal sealed class TokenFacts
{
    public TokenFacts(Document document)
    {
        Document = document;
        var tokens = document.Tokens;
        QuoteOf = new int[tokens.Length];
        Array.Fill(QuoteOf, -1);
        var quotes = document.Quotations;
        for (int q = 0; q < quotes.Length; q++)
        {
            if (quotes[q].Depth != 0) continue;
            int end = quotes[q].IsClosed ? quotes[q].CloseToken : document.TokenAt(quotes[q].Span.End) - 1;
            for (int t = quotes[q].OpenToken; t <= end && t < tokens.Length; t++)
            {
                if (QuoteOf[t] < 0) QuoteOf[t] = q;
            }
        }
        SentenceOf = new int[tokens.Length];
        var sentences = document.Sentences;
        for (int s = 0; s < sentences.Length; s++)
        {
            for (int t = sentences[s].FirstToken; t < sentences[s].EndToken; t++)
            {
                SentenceOf[t] = s;
            }
        }
        Classes = new WordClass[tokens.Length];
        Word = new int[tokens.Length];
        Stem = new int[tokens.Length];
        Suffix = new int[tokens.Length];
        Shape = new int[tokens.Length];
        Lexicon = new byte[tokens.Length];
        for (int t = 0; t < tokens.Length; t++)
        {
            var text = document.TokenText(t);
            Classes[t] = WordClasses.Of(text, tokens[t].Kind);
            // Hash each token's forms once; features then combine these numbers, not strings.
            Word[t] = FeatureHash.Of(text);
            Stem[t] = FeatureHash.Of(WordClasses.Stem(text));
            Suffix[t] = FeatureHash.Of(text.Length > 3 ? text[^3..] : text);
            Shape[t] = WordClasses.Shape(text);
            Lexicon[t] = (byte)CueLexicon.Of(text);
        }
    }

    /// <summary>Hash of the token's lower-cased text; <see cref="Stem"/> and <see cref="Suffix"/> likewise of its crude stem and last three letters.</summary>
    public int[] Word { get; }
    public int[] Stem { get; }
    public int[] Suffix { get; }
    public int[] Shape { get; }
    public byte[] Lexicon { get; }

    /// <summary>Hash of the token's lower-cased text, or of a boundary marker outside [0, count).</summary>
    public int WordOr(int token, int boundary) => token >= 0 && token < Word.Length ? Word[token] : boundary;

    public Document Document { get; }

    /// <summary>Index of the outermost quotation containing the token (marks included), or -1.</summary>
    public int[] QuoteOf { get; }

    public int[] SentenceOf { get; }

    public WordClass[] Classes { get; }

    public bool InQuote(int token) => QuoteOf[token] >= 0;
}

[Flags]
internal enum WordClass : ushort
{
    None = 0,
    Capitalized = 1,
    Pronoun = 2,
    Determiner = 4,
    Comma = 8,
    SentenceEnd = 16,
    QuoteMark = 32,
    Colon = 64,
    That = 128,
    Relative = 256,
    Number = 512,
    Dash = 1024,
    Title = 2048,
}

internal static class WordClasses
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "i", "we", "you", "it", "his", "her", "their", "our", "my", "him", "them", "us", "me",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "some", "many", "several", "most", "other", "another", "both",
    };

    private static readonly HashSet<string> Relatives = new(StringComparer.OrdinalIgnoreCase) { "who", "which", "whom", "whose" };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "president", "secretary", "senator", "governor",
        "minister", "spokesman", "spokeswoman", "spokesperson", "chairman", "director", "official", "officials",
    };

    private static readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> Lookup = BuildLookup();

    private static Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        var map = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, WordClass c)
        {
            foreach (var w in words) map[w] = map.GetValueOrDefault(w) | c;
        }
        Add(Pronouns, WordClass.Pronoun);
        Add(Determiners, WordClass.Determiner);
        Add(Relatives, WordClass.Relative);
        Add(Titles, WordClass.Title);
        Add(["that"], WordClass.That);
        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordClass Of(ReadOnlySpan<char> text, TokenKind kind)
    {
        var c = WordClass.None;
        if (text.Length == 0) return c;
        switch (kind)
        {
            case TokenKind.QuoteMark:
                return WordClass.QuoteMark;
            case TokenKind.Number:
                return WordClass.Number;
            case TokenKind.Punctuation:
                return text[0] switch
                {
                    ',' => WordClass.Comma,
                    ':' => WordClass.Colon,
                    '.' or '?' or '!' => WordClass.SentenceEnd,
                    '—' or '–' or '―' or '-' => WordClass.Dash,
                    _ => WordClass.None,
                };
        }
        if (char.IsUpper(text[0])) c |= WordClass.Capitalized;
        if (Lookup.TryGetValue(text, out var found)) c |= found;
        return c;
    }

    /// <summary>A coarse word shape: runs of upper, lower, digit and other collapsed ("Xx", "X.X.", "dd,ddd").</summary>
    public static int Shape(ReadOnlySpan<char> text)
    {
        int shape = 0, last = -1, count = 0;
        foreach (char ch in text)
        {
            int k = char.IsUpper(ch) ? 1 : char.IsLower(ch) ? 2 : char.IsDigit(ch) ? 3 : ch == '.' ? 4 : 5;
            if (k == last) continue;
            last = k;
            shape = shape * 6 + k;
            if (++count == 6) break;
        }
        return shape;
    }

    /// <summary>A crude stem for verbs and nouns: strips -ing, -ed, -es, -s so "says", "said" and "saying" share features where they can.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 4 && word.EndsWith("es", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)) return word[..^1];
        return word;
    }
}

internal static class TokenFactsExtensions
{
    /// <summary>How many paragraph breaks lie between two sentences (0 when in the same paragraph).</summary>
    public static int ParagraphDistance(this TokenFacts facts, int sentenceA, int sentenceB) =>
        Math.Abs(facts.Document.ParagraphOfSentence(sentenceB) - facts.Document.ParagraphOfSentence(sentenceA));
}

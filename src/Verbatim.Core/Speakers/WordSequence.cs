using System.Text;
using Verbatim.Text;

namespace Verbatim.Speakers;

[Flags]
internal enum WordFlags : byte
{
    None = 0,
    /// <summary>Starts with an upper-case letter.</summary>
    Capitalized = 1,
    /// <summary>Carried a possessive "’s" / "'s" (removed from <see cref="Word.Text"/>).</summary>
    Possessive = 2,
    /// <summary>Punctuation, a quotation mark or a symbol.</summary>
    Punctuation = 4,
    /// <summary>Inside a quotation.</summary>
    InQuote = 8,
}

/// <summary>
/// A word as the speaker stage sees it: one or more adjacent tokens merged so that names look the
/// same whatever the tokenizer does with "U.S.", "Mr." or "bank’s". <see cref="Text"/> has the
/// possessive removed; <see cref="Start"/> and <see cref="End"/> are offsets in the document text.
/// </summary>
internal readonly record struct Word(int Start, int End, string Text, string Lower, WordFlags Flags, int Sentence, int Paragraph)
{
    public bool IsCapitalized => (Flags & WordFlags.Capitalized) != 0;
    public bool IsPossessive => (Flags & WordFlags.Possessive) != 0;
    public bool IsPunctuation => (Flags & WordFlags.Punctuation) != 0;
    public bool InQuote => (Flags & WordFlags.InQuote) != 0;
}

/// <summary>The document's words, built once in one pass over its tokens.</summary>
internal sealed class WordSequence
{
    private readonly List<Word> _list;
    private readonly int _count;

    private WordSequence(List<Word> words)
    {
        _list = words;
        _count = words.Count;
    }

    /// <summary>The words in place (no copy of the list).</summary>
    private ReadOnlySpan<Word> All => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_list);

    public int Count => _count;
    public Word this[int index] => _list[index];

    /// <summary>Index of the first word that ends after <paramref name="offset"/> (Count when none).</summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = All.Length - 1, found = All.Length;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (All[mid].End > offset) { found = mid; hi = mid - 1; } else { lo = mid + 1; }
        }
        return found;
    }

    /// <summary>The words inside <paramref name="span"/>: [first, end).</summary>
    public (int First, int End) Within(TextSpan span)
    {
        int first = IndexAt(span.Start);
        int end = first;
        while (end < All.Length && All[end].Start < span.End)
        {
            end++;
        }
        return (first, end);
    }

    /// <summary>The words [first, end) joined by single spaces.</summary>
    public string Join(int first, int end)
    {
        if (end - first == 1)
        {
            return All[first].Text;
        }
        var parts = new string[end - first];
        for (int i = first; i < end; i++) parts[i - first] = All[i].Text;
        return string.Join(' ', parts);
    }

    public static WordSequence Build(Document document, IReadOnlySet<string> abbreviations)
    {
        var tokens = document.Tokens;
        string text = document.Text;
        var quotes = document.Quotations.Where(q => q.Depth == 0).OrderBy(q => q.Span.Start).ToArray();
        var words = new List<Word>(tokens.Length);
        var pool = new StringPool();
        int sentence = 0, paragraph = 0, quote = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            while (sentence + 1 < document.Sentences.Length && document.Sentences[sentence].EndToken <= t)
            {
                sentence++;
            }
            while (paragraph + 1 < document.Paragraphs.Length && document.Paragraphs[paragraph].EndSentence <= sentence)
            {
                paragraph++;
            }
            while (quote < quotes.Length && quotes[quote].Span.End <= tokens[t].Start)
            {
                quote++;
            }
            var flags = quote < quotes.Length && quotes[quote].Span.Contains(tokens[t].Start) ? WordFlags.InQuote : WordFlags.None;
            var token = tokens[t];
            int start = token.Start, end = token.End;
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                var mark = pool.Get(text.AsSpan(start, end - start));
                words.Add(new Word(start, end, mark, mark, flags | WordFlags.Punctuation, sentence, paragraph));
                continue;
            }

            // Merge what belongs to the word whichever way the tokenizer split it: an abbreviation's
            // period ("Mr", "."), initials ("U.", "S."), hyphenated parts, a split possessive ("bank", "’s").
            while (t + 1 < tokens.Length && tokens[t + 1].Start == end)
            {
                var next = tokens[t + 1];
                var nextText = text.AsSpan(next.Start, next.Length);
                var current = text.AsSpan(start, end - start);
                if (nextText is "." && (IsInitials(current) || abbreviations.Contains(pool.GetLower(current))))
                {
                    end = next.End;
                }
                else if (next.Kind == TokenKind.Word && current.Length >= 2 && current[^1] == '.' && IsInitials(current[..^1]) && next.Length == 1)
                {
                    end = next.End;
                }
                else if (nextText is "-" && t + 2 < tokens.Length && tokens[t + 2].Start == next.End && tokens[t + 2].Kind == TokenKind.Word)
                {
                    end = tokens[t + 2].End;
                    t++;
                }
                else if (nextText is "’s" or "'s" or "’S" or "'S")
                {
                    end = next.End;
                }
                else if (nextText is "’" or "'" && t + 2 < tokens.Length && tokens[t + 2].Start == next.End
                    && text.AsSpan(tokens[t + 2].Start, tokens[t + 2].Length) is "s")
                {
                    end = tokens[t + 2].End;
                    t++;
                }
                else
                {
                    break;
                }
                t++;
            }

            var surface = text.AsSpan(start, end - start);
            if (surface.Length > 2 && surface[^1] is 's' or 'S' && surface[^2] is '’' or '\'')
            {
                flags |= WordFlags.Possessive;
                surface = surface[..^2];
            }
            if (char.IsUpper(surface[0]))
            {
                flags |= WordFlags.Capitalized;
            }
            // Most words are lower case already: then the lower-case form is the same string.
            var surfaceText = pool.Get(surface);
            var lowerText = surface.ContainsAnyInRange('A', 'Z') || !Ascii.IsValid(surface) ? pool.GetLower(surface) : surfaceText;
            words.Add(new Word(start, end, surfaceText, lowerText, flags, sentence, paragraph));
        }
        return new WordSequence(words);
    }

    /// <summary>
    /// One string per distinct word of the document: a news article repeats its words, so most
    /// tokens find their string here instead of allocating two new ones. Equal words (surface or
    /// lower-case form) are therefore the same instance, which MentionIndex relies on to compare
    /// them by reference.
    /// </summary>
    private sealed class StringPool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> text)
        {
            if (_lookup.TryGetValue(text, out var found)) return found;
            var created = text.ToString();
            _strings[created] = created;
            return created;
        }

        public string GetLower(ReadOnlySpan<char> text)
        {
            if (text.Length > 128) return Get(text.ToString().ToLowerInvariant());
            Span<char> lower = stackalloc char[text.Length];
            text.ToLowerInvariant(lower);
            return Get(lower);
        }
    }

    /// <summary>"U", "U.S", "D.P.R.K": single letters joined by periods.</summary>
    private static bool IsInitials(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        for (int i = 0; i < s.Length; i++)
        {
            bool letterPlace = i % 2 == 0;
            if (letterPlace ? !char.IsUpper(s[i]) : s[i] != '.')
            {
                return false;
            }
        }
        return true;
    }
}

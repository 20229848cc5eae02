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
/// <remarks><see cref="TextId"/> and <see cref="LowerId"/> number the document's distinct strings
/// densely (see <see cref="WordSequence.DistinctStrings"/>): sets of words are arrays indexed by them.</remarks>
internal readonly record struct Word(int Start, int End, string Text, string Lower, WordFlags Flags, int Sentence, int Paragraph, int TextId, int LowerId)
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

    private WordSequence(List<Word> words, int distinctStrings)
    {
        _list = words;
        _count = words.Count;
        DistinctStrings = distinctStrings;
    }

    /// <summary>How many distinct strings the words use: every <see cref="Word.TextId"/> and <see cref="Word.LowerId"/> is below it.</summary>
    public int DistinctStrings { get; }

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
                var (mark, markId) = pool.Get(text.AsSpan(start, end - start));
                words.Add(new Word(start, end, mark, mark, flags | WordFlags.Punctuation, sentence, paragraph, markId, markId));
                continue;
            }

            // Merge what belongs to the word whichever way the tokenizer split it: an abbreviation's
            // period ("Mr", "."), initials ("U.", "S."), hyphenated parts, a split possessive ("bank", "’s").
            while (t + 1 < tokens.Length && tokens[t + 1].Start == end)
            {
                var next = tokens[t + 1];
                var nextText = text.AsSpan(next.Start, next.Length);
                var current = text.AsSpan(start, end - start);
                if (nextText is "." && (IsInitials(current) || abbreviations.Contains(pool.GetLower(current).Text)))
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
            var (surfaceText, surfaceId) = pool.Get(surface);
            var (lowerText, lowerId) = surface.ContainsAnyInRange('A', 'Z') || !Ascii.IsValid(surface) ? pool.GetLower(surface) : (surfaceText, surfaceId);
            words.Add(new Word(start, end, surfaceText, lowerText, flags, sentence, paragraph, surfaceId, lowerId));
        }
        return new WordSequence(words, pool.Count);
    }

    /// <summary>
    /// One string per distinct word of the document, numbered densely in order of appearance: a
    /// news article repeats its words, so most tokens find their string here instead of allocating
    /// two new ones. Equal words (surface or lower-case form) are therefore the same instance with
    /// the same id. An open-addressing table over a cheap hash of the characters: this runs once
    /// per token and the general dictionary's hashing and indirections cost more than the work
    /// they guard.
    /// </summary>
    private sealed class StringPool
    {
        private string?[] _slots = new string?[1024];
        private int[] _ids = new int[1024];
        private int[] _hashes = new int[1024];

        public int Count { get; private set; }

        public (string Text, int Id) Get(ReadOnlySpan<char> text)
        {
            int hash = Hash(text);
            int mask = _slots.Length - 1;
            for (int i = hash & mask; ; i = (i + 1) & mask)
            {
                var slot = _slots[i];
                if (slot is null)
                {
                    var created = text.ToString();
                    _slots[i] = created;
                    _hashes[i] = hash;
                    int id = Count++;
                    _ids[i] = id;
                    if (Count * 2 > _slots.Length) Grow();
                    return (created, id);
                }
                if (_hashes[i] == hash && text.SequenceEqual(slot)) return (slot, _ids[i]);
            }
        }

        public (string Text, int Id) GetLower(ReadOnlySpan<char> text)
        {
            if (text.Length > 128) return Get(text.ToString().ToLowerInvariant());
            Span<char> lower = stackalloc char[text.Length];
            text.ToLowerInvariant(lower);
            return Get(lower);
        }

        private static int Hash(ReadOnlySpan<char> text)
        {
            uint h = 2166136261u ^ (uint)text.Length;
            foreach (char c in text) h = (h ^ c) * 16777619u;
            return (int)(h ^ (h >> 15));
        }

        private void Grow()
        {
            var slots = new string?[_slots.Length * 2];
            var ids = new int[slots.Length];
            var hashes = new int[slots.Length];
            int mask = slots.Length - 1;
            for (int k = 0; k < _slots.Length; k++)
            {
                if (_slots[k] is null) continue;
                int i = _hashes[k] & mask;
                while (slots[i] is not null) i = (i + 1) & mask;
                slots[i] = _slots[k];
                ids[i] = _ids[k];
                hashes[i] = _hashes[k];
            }
            _slots = slots;
            _ids = ids;
            _hashes = hashes;
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

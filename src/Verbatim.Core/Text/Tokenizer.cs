using System.Collections.Immutable;
using System.Globalization;
using static Verbatim.Text.TextChars;

namespace Verbatim.Text;

/// <summary>
/// Splits text into tokens that point into it; the text itself is never altered, and whitespace,
/// control and invisible format characters between tokens belong to no token. One pass, no
/// backtracking beyond a few characters, no substrings.
/// </summary>
/// <remarks>
/// Conventions, chosen so that later stages see word stems:
/// <list type="bullet">
/// <item>Clitics are their own tokens, as in the Penn Treebank: "Kiev’s" is "Kiev" + "’s",
/// "don't" is "do" + "n't", "we’ve" is "we" + "’ve"; names such as "O'Brien" stay whole.</item>
/// <item>A possessive apostrophe after a plural ("Republicans’") is a separate Word token "’";
/// an elision such as "’90s" or "’em" is one Word token. Single marks are QuoteMark tokens only
/// where they open or close a quotation.</item>
/// <item>Abbreviations from the lexicon, dotted acronyms ("U.S.", "D.P.R.K.") and initials ("J.")
/// keep their period; any other period is its own token.</item>
/// <item>Numbers keep their separators ("1,200", "4.5", "9/11", "10:30") and any letters
/// glued to them ("1990s", "2nd", "10km"); "2+2" is three tokens.</item>
/// <item>URLs and e-mail addresses are one Symbol token; #hashtags and @handles one Word token;
/// an emoji with its modifiers, joiners and variation selectors is one Symbol token.</item>
/// </list>
/// </remarks>
public static class Tokenizer
{
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scanner = new Scanner(text);
        scanner.Run();
        return scanner.Tokens.DrainToImmutable();
    }

    private sealed class Scanner(string text)
    {
        // News text averages about six characters per token.
        public readonly ImmutableArray<Token>.Builder Tokens = ImmutableArray.CreateBuilder<Token>(text.Length / 6 + 4);
        private readonly string _text = text;
        private readonly int _n = text.Length;

        // Single quote marks opened and not yet closed in this paragraph: decides whether a ’
        // after a word closes a quotation or is a possessive apostrophe.
        private int _singleOpen;

        // No e-mail address starts before this index: a failed look-ahead covers the whole run
        // of characters it read, so no character is read twice for it.
        private int _noEmailUntil;

        public void Run()
        {
            int i = 0;
            while (i < _n)
            {
                char c = _text[i];
                if (c == ' ' || char.IsWhiteSpace(c))
                {
                    if (IsLineBreak(c)) _singleOpen = 0;
                    i++;
                    continue;
                }
                i = c switch
                {
                    '\'' or '’' or '‘' => ScanSingleMark(i, c),
                    '"' or '“' or '”' or '„' or '‟' or '«' or '»' or '‹' or '›' => Emit(i, i + 1, TokenKind.QuoteMark),
                    '#' or '@' => ScanTag(i),
                    _ => ScanOther(i),
                };
            }
        }

        private int Emit(int start, int end, TokenKind kind)
        {
            Tokens.Add(new Token(start, end, kind));
            return end;
        }

        private int ScanOther(int i)
        {
            var cat = CategoryAt(_text, i, out int width);
            if (IsLetter(cat))
            {
                int url = UrlEnd(i);
                if (url > i) return Emit(i, url, TokenKind.Symbol);
                int email = EmailEnd(i);
                if (email > i) return Emit(i, email, TokenKind.Symbol);
                return ScanWord(i);
            }
            if (IsDigit(cat))
            {
                int email = EmailEnd(i);
                if (email > i) return Emit(i, email, TokenKind.Symbol);
                return ScanNumber(i);
            }
            switch (cat)
            {
                case UnicodeCategory.Control or UnicodeCategory.Format:
                    return i + width;   // invisible: belongs to no token
                case UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol:
                    return Emit(i, SymbolEnd(i, width), TokenKind.Symbol);
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    return Emit(i, WordPartsEnd(i), TokenKind.Symbol);   // marks with no base
                case UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    return Emit(i, i + width, TokenKind.Symbol);
            }
            return ScanPunctuation(i, width);
        }

        private int WordPartsEnd(int i)
        {
            while (i < _n)
            {
                var cat = CategoryAt(_text, i, out int w);
                if (IsWordPart(cat))
                {
                    i += w;
                }
                else if (cat == UnicodeCategory.Format && _text[i] is '\u00AD' or '\u200C' or '\u200D' && IsLetterAt(_text, i + 1))
                {
                    i += w;   // soft hyphen and joiners belong inside a word
                }
                else
                {
                    break;
                }
            }
            return i;
        }

        private int ScanWord(int i)
        {
            int start = i, groupStart = i;
            while (true)
            {
                i = WordPartsEnd(i);
                if (i + 1 >= _n) break;
                char c = _text[i];
                if (IsHyphen(c) && IsAlnumAt(_text, i + 1))
                {
                    i++;   // so-called, COVID-19
                    continue;
                }
                if (c == '&' && IsUpperAt(_text, i - 1) && IsUpperAt(_text, i + 1))
                {
                    i++;   // AT&T, S&P
                    continue;
                }
                if (c == '.' && IsLetterAt(_text, i + 1) && (i - groupStart <= 2 || IsLowerAt(_text, i + 1)))
                {
                    i++;   // U.S, Ph.D, nytimes.com, but not a missing space as in "end.Next"
                    groupStart = i;
                    continue;
                }
                if (c is '\'' or '’' && IsLetterAt(_text, i + 1))
                {
                    int clitic = CliticLength(i + 1);
                    if (clitic > 0)
                    {
                        Emit(start, i, TokenKind.Word);
                        return Emit(i, i + 1 + clitic, TokenKind.Word);
                    }
                    if (_text[i - 1] is 'n' or 'N' && i - 1 > start && _text[i + 1] is 't' or 'T' && !IsLetterAt(_text, i + 2))
                    {
                        Emit(start, i - 1, TokenKind.Word);
                        return Emit(i - 1, i + 2, TokenKind.Word);
                    }
                    i++;   // O'Brien, rock'n'roll
                    continue;
                }
                break;
            }
            if (i < _n && _text[i] == '.' && KeepsPeriod(_text.AsSpan(start, i - start), i + 1))
            {
                i++;
            }
            return Emit(start, i, TokenKind.Word);
        }

        private bool KeepsPeriod(ReadOnlySpan<char> word, int afterPeriod)
        {
            var cls = Abbreviations.ClassifyWord(word);
            if (cls != AbbreviationClass.Number)
            {
                return cls != AbbreviationClass.None;
            }
            while (afterPeriod < _n && _text[afterPeriod] == ' ') afterPeriod++;
            return afterPeriod < _n && char.IsDigit(_text[afterPeriod]);
        }

        /// <summary>Length of a clitic ("s", "re", "ve", "ll", "d", "m") starting at <paramref name="i"/> and ending the word, or 0.</summary>
        private int CliticLength(int i)
        {
            int len = 0;
            while (len < 3 && i + len < _n && char.IsAsciiLetter(_text[i + len])) len++;
            if (len == 0 || len > 2 || IsLetterAt(_text, i + len)) return 0;
            char a = char.ToLowerInvariant(_text[i]);
            if (len == 1) return a is 's' or 'd' or 'm' ? 1 : 0;
            char b = char.ToLowerInvariant(_text[i + 1]);
            return (a, b) is ('r', 'e') or ('v', 'e') or ('l', 'l') ? 2 : 0;
        }

        private int ScanNumber(int i)
        {
            int start = i;
            var kind = TokenKind.Number;
            i = DigitsEnd(i);
            while (i + 1 < _n)
            {
                char c = _text[i];
                if (c == ',' && i + 3 < _n && char.IsDigit(_text[i + 1]) && char.IsDigit(_text[i + 2]) && char.IsDigit(_text[i + 3])
                    && (i + 4 >= _n || !char.IsDigit(_text[i + 4])))
                {
                    i += 4;   // thousands: 1,200 and 10,000,000
                }
                else if (c is '.' or ':' or '/' && char.IsDigit(_text[i + 1]))
                {
                    i = DigitsEnd(i + 1);   // 4.5, 10:30, 9/11
                }
                else
                {
                    break;
                }
            }
            i = WordPartsEnd(i);   // 1990s, 2nd, 10km
            while (i + 1 < _n && IsHyphen(_text[i]) && IsLetterAt(_text, i + 1))
            {
                i = WordPartsEnd(i + 1);   // 10-year-old
                kind = TokenKind.Word;
            }
            return Emit(start, i, kind);
        }

        private int DigitsEnd(int i)
        {
            while (i < _n)
            {
                var cat = CategoryAt(_text, i, out int w);
                if (!IsDigit(cat) && !IsMark(cat)) break;
                i += w;
            }
            return i;
        }

        private int ScanSingleMark(int i, char c)
        {
            bool attached = Tokens.Count > 0 && Tokens[^1].End == i && Tokens[^1].Kind is TokenKind.Word or TokenKind.Number;
            bool beforeAlnum = IsAlnumAt(_text, i + 1);
            if (attached && beforeAlnum)
            {
                int clitic = CliticLength(i + 1);   // 1990's, U.S.'s
                return clitic > 0 ? Emit(i, i + 1 + clitic, TokenKind.Word) : Emit(i, i + 1, TokenKind.Punctuation);   // 5'10
            }
            if (attached)
            {
                if (_singleOpen > 0)
                {
                    _singleOpen--;
                    return Emit(i, i + 1, TokenKind.QuoteMark);
                }
                return Emit(i, i + 1, TokenKind.Word);   // the Republicans’ plan
            }
            if (beforeAlnum)
            {
                int elision = ElisionLength(i + 1, c);
                if (elision > 0) return Emit(i, i + 1 + elision, TokenKind.Word);   // ’90s, ’em
                _singleOpen++;
                return Emit(i, i + 1, TokenKind.QuoteMark);
            }
            char prev = i > 0 ? _text[i - 1] : ' ';
            char next = i + 1 < _n ? _text[i + 1] : ' ';
            bool afterSpace = char.IsWhiteSpace(prev) || prev is '(' or '[' or '“' or '"' or '«' or '—' or '–';
            if (c == '‘' || (afterSpace && !char.IsWhiteSpace(next)))
            {
                _singleOpen++;   // ‘“Yes,” he said’ or an opening before punctuation
                return Emit(i, i + 1, TokenKind.QuoteMark);
            }
            if (!afterSpace)
            {
                if (_singleOpen > 0) _singleOpen--;   // after punctuation: ‘no.’
                return Emit(i, i + 1, TokenKind.QuoteMark);
            }
            return Emit(i, i + 1, TokenKind.Punctuation);   // a lone mark between spaces
        }

        private static readonly string[] ElidedWords = ["em", "til", "tis", "twas", "cause", "n"];

        /// <summary>Length of an elided word or decade after a leading apostrophe ("90s", "em"), or 0.</summary>
        private int ElisionLength(int i, char mark)
        {
            int end = WordPartsEnd(i);
            var word = _text.AsSpan(i, end - i);
            if (word.Length >= 2 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[1]))
            {
                // ‘ opens quotations, so take it for an apostrophe only in the unambiguous "‘90s".
                bool decade = word.Length == 3 && word[2] == 's';
                return decade || (word.Length == 2 && mark != '‘') ? word.Length : 0;
            }
            if (mark == '‘') return 0;
            foreach (var elided in ElidedWords)
            {
                if (word.Equals(elided, StringComparison.OrdinalIgnoreCase)) return word.Length;
            }
            return 0;
        }

        private int ScanTag(int i)
        {
            bool attached = i > 0 && IsAlnumAt(_text, i - 1);
            int end = i + 1;
            bool letter = false;
            while (end < _n)
            {
                char c = _text[end];
                if (c == '_' || char.IsAsciiDigit(c)) { end++; }
                else if (IsLetterAt(_text, end)) { letter = true; end = WordPartsEnd(end); }
                else break;
            }
            if (!attached && letter) return Emit(i, end, TokenKind.Word);
            return Emit(i, i + 1, TokenKind.Symbol);
        }

        private int ScanPunctuation(int i, int width)
        {
            char c = _text[i];
            int end = i + width;
            if (c is '.' or '-' or '—' or '–' or '―' or '…')
            {
                while (end < _n && _text[end] == c) end++;   // "...", "--"
            }
            else if (c is '?' or '!' or '‽')
            {
                while (end < _n && _text[end] is '?' or '!' or '‽') end++;   // "?!"
            }
            var kind = c is '%' or '‰' or '‱' or '&' or '*' or '§' or '†' or '‡' or '•' ? TokenKind.Symbol : TokenKind.Punctuation;
            return Emit(i, end, kind);
        }

        /// <summary>End of a symbol and whatever an emoji sequence glues to it (modifiers, joiners, tags, a flag's second half).</summary>
        private int SymbolEnd(int i, int width)
        {
            int first = CodePointAt(_text, i);
            bool regional = first is >= 0x1F1E6 and <= 0x1F1FF;
            i += width;
            while (i < _n)
            {
                var cat = CategoryAt(_text, i, out int w);
                int cp = CodePointAt(_text, i);
                if (IsMark(cat) || cp is >= 0x1F3FB and <= 0x1F3FF || cp is >= 0xE0020 and <= 0xE007F)
                {
                    i += w;
                }
                else if (cp == 0x200D && i + 1 < _n && !char.IsWhiteSpace(_text[i + 1]))
                {
                    CategoryAt(_text, i + 1, out int joined);
                    i += 1 + joined;
                }
                else if (regional && cp is >= 0x1F1E6 and <= 0x1F1FF)
                {
                    i += w;
                    regional = false;
                }
                else
                {
                    break;
                }
            }
            return i;
        }

        private int UrlEnd(int i)
        {
            var rest = _text.AsSpan(i);
            if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
            int end = i, open = 0, close = 0;
            while (end < _n)
            {
                char c = _text[end];
                if (char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»') break;
                if (c == '(') open++;
                if (c == ')') close++;
                end++;
            }
            // Punctuation after a URL is the sentence's, and so is a ")" that the URL did not open.
            while (end > i)
            {
                char c = _text[end - 1];
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or ']' or '}') { end--; }
                else if (c == ')' && close > open) { end--; close--; }
                else break;
            }
            return end - i > 4 ? end : i;
        }

        private int EmailEnd(int i)
        {
            if (i < _noEmailUntil) return i;
            int at = i;
            while (at < _n && (char.IsAsciiLetterOrDigit(_text[at]) || _text[at] is '.' or '_' or '%' or '+' or '-')) at++;
            if (at >= _n || _text[at] != '@' || _text[at - 1] == '.')
            {
                _noEmailUntil = at;
                return i;
            }
            int end = at + 1, dots = 0, label = 0, lastDot = -1;
            while (end < _n && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] is '-' or '.'))
            {
                if (_text[end] == '.')
                {
                    if (label == 0 || end + 1 >= _n || !char.IsAsciiLetterOrDigit(_text[end + 1])) break;
                    dots++;
                    lastDot = end;
                    label = 0;
                }
                else
                {
                    label++;
                }
                end++;
            }
            if (dots == 0 || label < 2 || !char.IsAsciiLetter(_text[lastDot + 1]))
            {
                _noEmailUntil = at;
                return i;
            }
            return end;
        }
    }
}

using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;

namespace Verbatim.Text;

/// <summary>Character classes shared by the tokenizer, the quote finder and the sentence splitter.</summary>
internal static class TextChars
{
    /// <summary>Everything that ends a line, hence a paragraph.</summary>
    public static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\v\f\u0085\u2028\u2029");

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>
    /// The category of the code point at <paramref name="i"/>, reading a surrogate pair as one
    /// code point; a lone surrogate reports <see cref="UnicodeCategory.Surrogate"/>.
    /// </summary>
    public static UnicodeCategory CategoryAt(string s, int i, out int width)
    {
        char c = s[i];
        if (!char.IsSurrogate(c))
        {
            width = 1;
            return char.GetUnicodeCategory(c);
        }
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
        }
        width = 1;
        return UnicodeCategory.Surrogate;
    }

    public static int CodePointAt(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    public static bool IsLetter(UnicodeCategory cat) => cat <= UnicodeCategory.OtherLetter;

    public static bool IsMark(UnicodeCategory cat) =>
        cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    public static bool IsDigit(UnicodeCategory cat) =>
        cat is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>Letters, digits and combining marks: what a word is made of.</summary>
    public static bool IsWordPart(UnicodeCategory cat) => cat <= UnicodeCategory.OtherNumber;

    public static bool IsLetterAt(string s, int i) => i < s.Length && IsLetter(CategoryAt(s, i, out _));

    public static bool IsAlnumAt(string s, int i)
    {
        if (i >= s.Length) return false;
        var cat = CategoryAt(s, i, out _);
        return IsLetter(cat) || IsDigit(cat);
    }

    public static bool IsUpperAt(string s, int i) => i < s.Length && CategoryAt(s, i, out _) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter;

    public static bool IsLowerAt(string s, int i) => i < s.Length && CategoryAt(s, i, out _) == UnicodeCategory.LowercaseLetter;

    /// <summary>
    /// Index of the first token of each paragraph (a paragraph is what lies between line breaks;
    /// blank lines hold no tokens and so make no paragraph). Empty for a text without tokens.
    /// </summary>
    public static int[] ParagraphStarts(string text, ImmutableArray<Token> tokens)
    {
        if (tokens.IsEmpty)
        {
            return [];
        }
        var starts = new List<int> { 0 };
        for (int t = 1; t < tokens.Length; t++)
        {
            int gap = tokens[t].Start - tokens[t - 1].End;
            if (gap > 0 && text.AsSpan(tokens[t - 1].End, gap).ContainsAny(LineBreaks))
            {
                starts.Add(t);
            }
        }
        return [.. starts];
    }
}

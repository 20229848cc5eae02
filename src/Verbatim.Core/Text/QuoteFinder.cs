using System.Collections.Immutable;

namespace Verbatim.Text;

/// <summary>
/// Pairs quotation marks into <see cref="Quotation"/>s, in one pass over the mark tokens with a
/// stack of open marks: every mark is pushed and popped at most once, so any text, however
/// unbalanced, takes linear time.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Curly marks and guillemets say their direction; a straight mark's direction comes from
/// its neighbours (after a space or an opening bracket it opens, before a space or punctuation it
/// closes, otherwise it closes an open quotation if there is one). „ is closed by “ as in German.</item>
/// <item>A closing mark closes the innermost open mark of its family (double, single, «», ‹›);
/// open marks of other families above it are left unclosed and end just before it.</item>
/// <item>An opening mark right after an open mark of its own family (a double inside a double)
/// means the first was never closed: it ends just before the new one. Marks of other families
/// nest, with <see cref="Quotation.Depth"/> counting the quotations around them.</item>
/// <item>News convention: a quotation still open at the end of a paragraph whose next paragraph
/// starts with an opening mark of the same family goes on, and the two paragraphs make one
/// quotation (the reopening mark is inside it). Otherwise it ends, unclosed, with its paragraph.</item>
/// <item>An unclosed quotation has <see cref="Quotation.IsClosed"/> false and <see cref="Quotation.CloseToken"/> −1.</item>
/// </list>
/// Quotations come out ordered by their start.
/// </remarks>
public static class QuoteFinder
{
    public static ImmutableArray<Quotation> Find(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, tokens, TextChars.ParagraphStarts(text, tokens));
    }

    internal static ImmutableArray<Quotation> Find(string text, ImmutableArray<Token> tokens, int[] paragraphStarts)
    {
        var finder = new Finder(text, tokens);
        for (int p = 0; p < paragraphStarts.Length; p++)
        {
            int first = paragraphStarts[p];
            int end = p + 1 < paragraphStarts.Length ? paragraphStarts[p + 1] : tokens.Length;
            finder.Paragraph(first, end, end < tokens.Length ? end : -1);
        }
        return finder.Result();
    }

    private enum Family : byte { Double, Single, Angle, SingleAngle }

    private enum Role : byte { Open, Close }

    private struct OpenMark
    {
        public int Token;
        public int Slot;           // index in the result: quotations are numbered when they open
        public int BelowSameFamily; // stack index of the next open mark of this family down, or -1
        public Family Family;
        public char Glyph;
    }

    private sealed class Finder(string text, ImmutableArray<Token> tokens)
    {
        private readonly List<OpenMark> _stack = [];
        private readonly int[] _top = [-1, -1, -1, -1];   // per family: stack index of its innermost open mark
        private readonly List<Quotation> _result = [];
        private int _skipToken = -1;                       // the mark that reopens a quotation carried over

        public ImmutableArray<Quotation> Result() => [.. _result];

        public void Paragraph(int first, int end, int nextParagraph)
        {
            for (int t = first; t < end; t++)
            {
                if (tokens[t].Kind != TokenKind.QuoteMark || t == _skipToken) continue;
                var (family, role) = Classify(t);
                if (role == Role.Open) { Open(t, family); } else { Close(t, family); }
            }
            if (_stack.Count == 0) return;

            int lastEnd = tokens[end - 1].End;
            while (_stack.Count > 1)
            {
                Resolve(Pop(), lastEnd, -1);
            }
            if (nextParagraph >= 0 && tokens[nextParagraph].Kind == TokenKind.QuoteMark)
            {
                var (family, role) = Classify(nextParagraph);
                if (role == Role.Open && family == _stack[0].Family)
                {
                    _skipToken = nextParagraph;
                    return;
                }
            }
            Resolve(Pop(), lastEnd, -1);
        }

        private void Open(int t, Family family)
        {
            if (_stack.Count > 0 && _stack[^1].Family == family)
            {
                Resolve(Pop(), tokens[t - 1].End, -1);
            }
            var mark = new OpenMark
            {
                Token = t,
                Slot = _result.Count,
                BelowSameFamily = _top[(int)family],
                Family = family,
                Glyph = text[tokens[t].Start],
            };
            _result.Add(default);
            _top[(int)family] = _stack.Count;
            _stack.Add(mark);
        }

        private void Close(int t, Family family)
        {
            int target = _top[(int)family];
            if (target < 0) return;   // a stray closing mark
            while (_stack.Count - 1 > target)
            {
                Resolve(Pop(), tokens[t - 1].End, -1);
            }
            Resolve(Pop(), tokens[t].End, t);
        }

        private OpenMark Pop()
        {
            var mark = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            _top[(int)mark.Family] = mark.BelowSameFamily;
            return mark;
        }

        private void Resolve(OpenMark mark, int end, int closeToken)
        {
            // Its depth is the number of marks still open below it, now that it is popped.
            var span = new TextSpan(tokens[mark.Token].Start, end);
            _result[mark.Slot] = new Quotation(span, mark.Token, closeToken, closeToken >= 0, _stack.Count);
        }

        private (Family, Role) Classify(int t)
        {
            char glyph = text[tokens[t].Start];
            switch (glyph)
            {
                case '“':
                    // Closes a German „; otherwise opens, unless it is plainly a closing mark typed with the wrong glyph.
                    if (InnermostGlyph(Family.Double) == '„' || (IsOpen(Family.Double) && ClosesByContext(t)))
                        return (Family.Double, Role.Close);
                    return (Family.Double, Role.Open);
                case '”':
                    return (Family.Double, IsOpen(Family.Double) || !OpensByContext(t) ? Role.Close : Role.Open);
                case '„' or '‟':
                    return (Family.Double, Role.Open);
                case '"':
                    return (Family.Double, ByContext(t, Family.Double));
                case '‘':
                    return (Family.Single, IsOpen(Family.Single) && ClosesByContext(t) ? Role.Close : Role.Open);
                case '’':
                    return (Family.Single, IsOpen(Family.Single) || !OpensByContext(t) ? Role.Close : Role.Open);
                case '\'':
                    return (Family.Single, ByContext(t, Family.Single));
                case '«':
                    return (Family.Angle, InnermostGlyph(Family.Angle) == '»' ? Role.Close : Role.Open);
                case '»':
                    return (Family.Angle, IsOpen(Family.Angle) || !OpensByContext(t) ? Role.Close : Role.Open);
                case '‹':
                    return (Family.SingleAngle, InnermostGlyph(Family.SingleAngle) == '›' ? Role.Close : Role.Open);
                default:   // '›'
                    return (Family.SingleAngle, IsOpen(Family.SingleAngle) || !OpensByContext(t) ? Role.Close : Role.Open);
            }
        }

        private bool IsOpen(Family family) => _top[(int)family] >= 0;

        private char InnermostGlyph(Family family) => _top[(int)family] is int i and >= 0 ? _stack[i].Glyph : '\0';

        private Role ByContext(int t, Family family)
        {
            bool opens = OpensByContext(t), closes = ClosesByContext(t);
            if (opens && !closes) return Role.Open;
            if (closes && !opens) return Role.Close;
            return IsOpen(family) ? Role.Close : Role.Open;
        }

        /// <summary>After a space, a line start, an opening bracket or a dash, and before a word.</summary>
        private bool OpensByContext(int t)
        {
            int before = tokens[t].Start - 1, after = tokens[t].End;
            bool left = before < 0 || char.IsWhiteSpace(text[before]) || IsOpeningPunctuation(text[before]);
            bool right = after < text.Length && !char.IsWhiteSpace(text[after]);
            return left && right;
        }

        /// <summary>After a word or punctuation, and before a space, the end or punctuation.</summary>
        private bool ClosesByContext(int t)
        {
            int before = tokens[t].Start - 1, after = tokens[t].End;
            bool left = before >= 0 && !char.IsWhiteSpace(text[before]) && !IsOpeningPunctuation(text[before]);
            bool right = after >= text.Length || char.IsWhiteSpace(text[after]) || (char.IsPunctuation(text[after]) && !IsOpeningPunctuation(text[after]));
            return left && right;
        }

        private static bool IsOpeningPunctuation(char c) =>
            c is '(' or '[' or '{' or '—' or '–' or '“' or '‘' or '«' or '‹' or '„' or '/';
    }
}

using System.Globalization;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>
/// The figure finder behind <see cref="QuantityStage"/>, one per document. It walks the tokens
/// once; at a number or number word it splits the next few tokens into pieces (a token "10km" is
/// "10" + "km", "12-cent-a-share" is "12" + "cent" + "a" + "share", so glued and hyphenated forms
/// read like spaced ones) and reads, in order: the numeral, its scale, its unit, a second end
/// ("to 10 feet"), a rate ("a day") and what it counts. Hedges, currencies and movements are read
/// backwards from the figure. Nothing is allocated for a token that starts no figure.
/// </summary>
internal sealed class QuantityScanner(Document document, QuantityLexicon lexicon)
{
    private const int Window = 14;

    private readonly string _text = document.Text;
    private readonly System.Collections.Immutable.ImmutableArray<Token> _tokens = document.Tokens;
    private readonly QuantityLexicon _lex = lexicon;
    private readonly List<Piece> _pieces = new(Window * 2);
    private readonly List<Quantity> _found = [];
    private int _sentenceStart;

    /// <summary>A part of a token: digits, or a word between hyphens, with how it touches the piece before it.</summary>
    private readonly record struct Piece(int Start, int End, int Token, bool Glued, bool HyphenBefore, bool Digits);

    /// <summary>A numeral as read: its value and what kind of numeral it was.</summary>
    private struct Numeral
    {
        public double Value;
        public double Scale;          // the scale word applied (1 when none)
        public bool Words;            // spelled out
        public bool PlainInteger;     // digits only, no separator, no decimal: may be a year or a label
        public int DigitCount;
        public bool Round;            // "dozens", "thousands": a round figure
        public bool Multiplier;       // "triple", "twice"
        public bool BareFraction;     // "a third", "half" with no count before it
        public bool ArticleScale;     // "a hundred", "a dozen"
    }

    public List<Quantity> Run()
    {
        foreach (var sentence in document.Sentences)
        {
            _sentenceStart = sentence.FirstToken;
            int end = sentence.EndToken;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (!StartsFigure(t)) continue;
                int next = TryRead(t, end);
                if (next > t) t = next - 1;
            }
        }
        return _found;
    }

    private ReadOnlySpan<char> TokenText(int t) => _text.AsSpan(_tokens[t].Start, _tokens[t].Length);

    private ReadOnlySpan<char> Text(Piece p) => _text.AsSpan(p.Start, p.End - p.Start);

    private ReadOnlySpan<char> PieceText(int p) => p < _pieces.Count ? Text(_pieces[p]) : default;

    /// <summary>The cheap test run on every token: a number, or a word a figure can start with.</summary>
    private bool StartsFigure(int t)
    {
        var token = _tokens[t];
        if (token.Kind == TokenKind.Number) return true;
        if (token.Kind != TokenKind.Word) return false;
        var word = TokenText(t);
        if (char.IsAsciiDigit(word[0])) return true;   // "3-inch", "10-year-old"
        if (_lex.NumberStarts.Contains(word)) return true;
        if (word.Length <= 2 && word[0] is 'a' or 'A')
        {
            // "a hundred", "a third": only when the next word is a scale or a fraction.
            return t + 1 < _tokens.Length && _tokens[t + 1].Kind == TokenKind.Word
                && (_lex.Scales.ContainsKey(TokenText(t + 1)) || _lex.Fractions.ContainsKey(TokenText(t + 1)))
                && TokenText(t + 1).Length > 3;
        }
        int hyphen = word.IndexOf('-');
        if (hyphen > 0) return _lex.NumberStarts.Contains(word[..hyphen]);   // "six-mile", "forty-five"
        if (char.IsAsciiDigit(word[^1]))
        {
            int letters = 0;
            while (letters < word.Length && char.IsAsciiLetter(word[letters])) letters++;
            return letters > 0 && IsAllDigits(word[letters..]) && _lex.PrefixUnits.Contains(word[..letters]);   // "USD115"
        }
        return false;
    }

    /// <summary>Reads the figure starting at token <paramref name="t"/>; returns the token after it, or t when there is none.</summary>
    private int TryRead(int t, int sentenceEnd)
    {
        BuildPieces(t, Math.Min(sentenceEnd, t + Window));
        int p = 0;
        bool article = false;
        string? prefixUnit = null;
        double prefixScale = 1;
        int spanStartToken = t;

        var first = PieceText(0);
        if (first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            article = true;
            p = 1;
        }
        else if (!_pieces[0].Digits && _pieces.Count > 1 && _pieces[1].Digits && _pieces[1].Token == t
            && _lex.PrefixUnits.TryGet(first, out var glued))
        {
            prefixUnit = glued[0].Name;   // "USD115"
            p = 1;
        }

        // Backwards: currency sign, hedge, "between"/"from", movement.
        int before = t;
        if (prefixUnit is null && MatchBackward(_lex.PrefixUnits, before, out var currency, out int currencyStart))
        {
            prefixUnit = currency.Name;
            prefixScale = currency.Scale;
            before = currencyStart;
        }
        QuantityBound bound = QuantityBound.Exact;
        bool hedged = false;
        if (MatchBackward(_lex.Hedges, before, out var hedge, out int hedgeStart))
        {
            bound = hedge.Name switch { "upper" => QuantityBound.Upper, "lower" => QuantityBound.Lower, _ => QuantityBound.Approx };
            hedged = true;
            before = hedgeStart;
        }
        spanStartToken = Math.Min(before, t);
        var trend = QuantityTrend.None;
        string? rangeWord = null;
        if (MatchBackward(_lex.Trends, before, out var move, out _))
        {
            trend = move.Name == "up" ? QuantityTrend.Up : QuantityTrend.Down;
        }
        else
        {
            int b = before - 1;
            if (b >= _sentenceStart)
            {
                var w = TokenText(b);
                if (w.Equals("between", StringComparison.OrdinalIgnoreCase)) { rangeWord = "and"; }
                else if (w.Equals("from", StringComparison.OrdinalIgnoreCase)) { rangeWord = "to"; }
                if (rangeWord is not null || w.Equals("by", StringComparison.OrdinalIgnoreCase)) b--;
            }
            if (b + 1 >= _sentenceStart && b + 1 < before && MatchBackward(_lex.Trends, b + 1, out move, out _))
            {
                trend = move.Name == "up" ? QuantityTrend.Up : QuantityTrend.Down;
            }
        }

        if (!ReadNumeral(ref p, article, hedged, out var n, prefixUnit is not null)) return t;
        if (!hedged && prefixUnit is null && IsLabelOrDate(t, n)) return t;

        // Forwards: what may not follow a figure, then unit, range, rate and what is counted.
        var next = PieceText(p);
        if (_lex.Clock.Contains(next) || _lex.Months.Contains(next) && !n.Words) return t;
        if (next.Length == 1 && next[0] == '+' && _pieces[p].Glued) return t;   // "2+2"
        if (next.Length == 1 && next[0] == ')' && _pieces[p].Glued && !OpensBracket(t - 1)) return t;   // "1) explains": a list marker
        if (n.BareFraction && t > _sentenceStart && IsOrdinalWord(TokenText(t - 1))) return t;   // "the second half"
        if (p < _pieces.Count && _pieces[p].Glued && _pieces[p].Token == _pieces[p - 1].Token && !_pieces[p].HyphenBefore
            && _pieces[p - 1].Digits && IsOrdinalOrDecade(next)) return t;

        string? unit = prefixUnit;
        double value = n.Value * prefixScale;
        if (MatchForward(_lex.Units, p, out var unitPhrase, out int afterUnit))
        {
            if (prefixUnit is null || unitPhrase.Name == prefixUnit || IsCurrencyEcho(unitPhrase.Name, prefixUnit))
            {
                unit ??= unitPhrase.Name;
                value *= unitPhrase.Scale;
                p = afterUnit;
                if (ScaleWord(p, out double late)) { value *= late; p++; }   // "75 USD million"
            }
        }
        else if (p < _pieces.Count && _pieces[p].Glued && _pieces[p].Token == _pieces[p - 1].Token && !_pieces[p].Digits
            && !_pieces[p].HyphenBefore)
        {
            return t;   // "11a", "4G", "24703m212": a code, not a figure
        }
        if (unit is not null && IsMoney(unit) && n.Scale == 1) value += ReadSubunit(ref p);
        if (n.BareFraction && unit is null && !PieceText(p).Equals("of", StringComparison.OrdinalIgnoreCase)) return t;
        if (n.Multiplier && !hedged && trend == QuantityTrend.None && !IsMultiplierContext(p)) return t;

        // A second end: "between 400 and 450", "eight to 10 feet", "40 - 50", "from $2,415 to $2,315".
        double? low = null, high = null;
        if (p < _pieces.Count)
        {
            var joint = PieceText(p);
            bool hyphen = p < _pieces.Count && _pieces[p].HyphenBefore && _pieces[p].Digits;
            bool word = joint.Equals(rangeWord ?? "to", StringComparison.OrdinalIgnoreCase)
                || joint.Length == 1 && joint[0] is '–' or '—' && rangeWord is null;
            if (hyphen && n.PlainInteger && n.DigitCount >= 3 && _pieces[p - 1].Digits && PieceText(p).Length >= 4)
            {
                return SkipCode(t, p);   // 555-1234, 1111-22223333: a number, not a figure
            }
            if (hyphen || word)
            {
                int q = hyphen ? p : p + 1;
                if (q < _pieces.Count && !_pieces[q].Digits && MatchForward(_lex.PrefixUnits, q, out var c2, out int afterC2) && (unit is null || c2.Name == unit))
                {
                    unit ??= c2.Name;
                    q = afterC2;
                }
                if (ReadNumeral(ref q, false, true, out var n2, unit is not null) && !n2.BareFraction && !n2.Multiplier)
                {
                    string? unit2 = null;
                    if (MatchForward(_lex.Units, q, out var u2, out int afterU2)) { unit2 = u2.Name; }
                    if (unit is null || unit2 is null || unit == unit2)
                    {
                        double v2 = n2.Value * prefixScale;
                        double v1 = value;
                        if (n.Scale == 1 && n2.Scale != 1) v1 *= n2.Scale;   // "between 1 and 1.5 million"
                        if (unit2 is not null) { unit ??= unit2; v2 *= u2.Scale; q = afterU2; }
                        low = v1;
                        high = v2;
                        bound = QuantityBound.Range;
                        p = q;
                    }
                }
            }
        }

        string? per = ReadPer(ref p);
        string? counted = null;
        if (unit is null && !n.Multiplier)
        {
            counted = ReadCounted(ref p, n, low is not null);
            per ??= ReadPer(ref p);
        }
        if (trend == QuantityTrend.None && MatchForward(_lex.TrendsAfter, p, out var after, out _))
        {
            trend = after.Name == "up-after" ? QuantityTrend.Up : QuantityTrend.Down;
        }
        if (bound == QuantityBound.Exact && (n.ArticleScale || n.Round)) bound = QuantityBound.Approx;

        // Years and labels are told apart from counts only once the unit is known.
        if (unit is null && !hedged && n.PlainInteger && low is null)
        {
            if (n.DigitCount == 4 && n.Value is >= 1000 and <= 2100) return t;
            if (IsCapitalisedName(t) && counted is null && !PieceText(p).Equals("times", StringComparison.OrdinalIgnoreCase)) return t;
        }

        var last = _pieces[p - 1];
        var span = new TextSpan(_tokens[spanStartToken].Start, last.End);
        _found.Add(new Quantity(span, low is null ? value : null, low, high, bound, trend, unit, counted, per, null));
        return last.Token + 1;
    }

    /// <summary>A run of numbers joined by hyphens (a phone number, an account): skipped whole.</summary>
    private int SkipCode(int t, int p)
    {
        while (p + 1 < _pieces.Count && _pieces[p + 1].HyphenBefore && _pieces[p + 1].Digits) p++;
        return Math.Max(t + 1, _pieces[p].Token + 1);
    }

    private static bool IsMoney(string unit) =>
        unit.EndsWith("dollar", StringComparison.Ordinal) || unit is "euro" or "pound sterling" or "chinese yuan" or "swiss franc";

    /// <summary>"3 dollars 50 cents", "thirteen dollars and forty-five cents": the cents after the whole units, as hundredths.</summary>
    private double ReadSubunit(ref int p)
    {
        int q = p;
        if (q < _pieces.Count && PieceText(q).Equals("and", StringComparison.OrdinalIgnoreCase)) q++;
        if (q >= _pieces.Count) return 0;
        if (_pieces[q].Digits ? !IsAllDigits(PieceText(q)) || PieceText(q).Length > 2 : !_lex.Numbers.ContainsKey(PieceText(q))) return 0;
        if (!ReadNumeral(ref q, false, true, out var cents, true) || cents.Value >= 100 || cents.Value != Math.Floor(cents.Value)) return 0;
        var after = PieceText(q);
        if (after.StartsWith("cent", StringComparison.OrdinalIgnoreCase) || after.Equals("pence", StringComparison.OrdinalIgnoreCase)) q++;
        else if (q < _pieces.Count && _tokens[_pieces[q].Token].Kind is TokenKind.Word or TokenKind.Number) return 0;   // "$100 and 50 people"
        p = q;
        return cents.Value / 100;
    }

    private bool OpensBracket(int k) => k >= 0 && TokenText(k) is "(" or "[";

    private static bool IsOrdinalWord(ReadOnlySpan<char> w) =>
        w.Equals("first", StringComparison.OrdinalIgnoreCase) || w.Equals("second", StringComparison.OrdinalIgnoreCase)
        || w.Equals("last", StringComparison.OrdinalIgnoreCase) || w.Equals("latter", StringComparison.OrdinalIgnoreCase)
        || w.Equals("other", StringComparison.OrdinalIgnoreCase) || w.Equals("third", StringComparison.OrdinalIgnoreCase);

    private static bool IsCurrencyEcho(string unit, string prefix) =>
        unit == "dollar" && prefix.EndsWith("dollar", StringComparison.Ordinal);   // "C$ 100 dollars"

    private bool IsMultiplierContext(int p)
    {
        var w = PieceText(p);
        return w.Equals("as", StringComparison.OrdinalIgnoreCase) || w.Equals("the", StringComparison.OrdinalIgnoreCase)
            || w.Equals("its", StringComparison.OrdinalIgnoreCase) || w.Equals("their", StringComparison.OrdinalIgnoreCase)
            || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("that", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsOrdinalOrDecade(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("'s", StringComparison.Ordinal);

    /// <summary>Before the figure: a date ("Sept. 11"), a label ("Article 5", "#3", "2+2").</summary>
    private bool IsLabelOrDate(int t, in Numeral n)
    {
        // The sentence splitter may have cut after "Sept.", so dates look back past the sentence start.
        int b = t - 1;
        if (b < 0) return false;
        var w = TokenText(b);
        bool glued = _tokens[b].End == _tokens[t].Start;
        if (glued && w.Length == 1 && w[0] is '+' or '#' or '№') return true;
        if (w.Length == 1 && w[0] == '.' && b - 1 >= 0 && _tokens[b - 1].End == _tokens[b].Start)
        {
            w = TokenText(--b);   // "Oct" "." when the period is its own token
        }
        if (n.Words) return false;
        if (_lex.Months.Contains(w)) return true;
        if (_lex.Labels.Contains(w) && n.PlainInteger) return true;
        // "COVID-19", "F-16": a number glued by a hyphen to a word before it.
        if (glued && w.Length == 1 && TextChars.IsHyphen(w[0]) && b - 1 >= 0 && _tokens[b - 1].End == _tokens[b].Start
            && _tokens[b - 1].Kind == TokenKind.Word) return true;
        return false;
    }

    /// <summary>"Boeing 737", "Apollo 11": a bare integer right after a capitalised word that does not start the sentence.</summary>
    private bool IsCapitalisedName(int t)
    {
        int b = t - 1;
        if (b <= _sentenceStart || _tokens[b].Kind != TokenKind.Word) return false;
        var w = TokenText(b);
        return char.IsUpper(w[0]) && !w.Equals("I", StringComparison.Ordinal);
    }

    private bool ScaleWord(int p, out double scale)
    {
        scale = 1;
        if (p >= _pieces.Count || _pieces[p].Digits) return false;
        var w = PieceText(p);
        if (!_lex.Scales.TryGetValue(w, out scale)) return false;
        // Abbreviations ("k", "bn", "M") only glued to the digits, and lower-case "m" and "b" are
        // metres and bits unless a currency says millions ("$13.6m").
        if (w.Length <= 3 && !w.Equals("mil", StringComparison.OrdinalIgnoreCase) && !_pieces[p].Glued) return false;
        return scale >= 1000 || w.Length > 3;
    }

    private bool ReadNumeral(ref int p, bool article, bool hedged, out Numeral n, bool money)
    {
        n = new Numeral { Scale = 1 };
        if (p >= _pieces.Count) return false;
        var piece = _pieces[p];
        if (piece.Digits)
        {
            var s = Text(piece);
            if (s.IndexOf(':') >= 0) return false;   // 10:30
            int slash = s.IndexOf('/');
            if (slash >= 0)
            {
                if (!TryFraction(s, out n.Value)) return false;   // 9/11, 10/31
            }
            else if (!double.TryParse(s, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out n.Value))
            {
                return false;
            }
            n.PlainInteger = slash < 0 && s.IndexOfAny(',', '.') < 0;
            n.DigitCount = s.Length;
            p++;
            // "10, 000": thousands split by a stray space, as some wire copy has it.
            if (n.PlainInteger && n.DigitCount <= 3 && p + 1 < _pieces.Count && PieceText(p) is [','] && _pieces[p].Glued
                && _pieces[p + 1].Digits && PieceText(p + 1).Length == 3 && IsAllDigits(PieceText(p + 1)) && !_pieces[p + 1].Glued
                && (p + 2 >= _pieces.Count || !(PieceText(p + 2) is [','])))
            {
                n.Value = n.Value * 1000 + double.Parse(PieceText(p + 1), CultureInfo.InvariantCulture);
                n.PlainInteger = false;
                p += 2;
            }
            // "10 1/2 miles", "7 3/4 %"
            if (n.PlainInteger && p < _pieces.Count && _pieces[p].Digits && !_pieces[p].Glued && PieceText(p).IndexOf('/') > 0
                && TryFraction(PieceText(p), out double f))
            {
                n.Value += f;
                n.PlainInteger = false;
                p++;
            }
            // "-5 degrees": a minus sign glued to the digits, not ending a word ("75 -300mm" is a range).
            if (piece.HyphenBefore && piece.Glued && p - 1 == 0 && IsMinus(piece.Token)) n.Value = -n.Value;
            while (ScaleWord(p, out double scale))
            {
                var w = PieceText(p);
                if ((w is "m" or "b") && !money && !NextIsCurrency(p + 1)) break;
                n.Value *= scale;
                n.Scale *= scale;
                n.PlainInteger = false;
                p++;
            }
            return true;
        }
        return ReadWords(ref p, article, hedged, ref n);
    }

    private bool NextIsCurrency(int p) =>
        MatchForward(_lex.Units, p, out var u, out _) && (u.Name.Contains("dollar", StringComparison.Ordinal) || u.Name is "euro" or "pound sterling" or "japanese yen" or "chinese yuan");

    private bool IsMinus(int token)
    {
        int b = token - 1;
        if (b < _sentenceStart) return false;
        var w = TokenText(b);
        if (w.Length != 1 || !(TextChars.IsHyphen(w[0]) || w[0] == '−') || _tokens[b].End != _tokens[token].Start) return false;
        return b == _sentenceStart || _tokens[b - 1].End < _tokens[b].Start && _tokens[b - 1].Kind != TokenKind.Number;
    }

    /// <summary>Spelled-out numbers: "two hundred and fifty", "forty-five", "three quarters", "a dozen", "dozens".</summary>
    private bool ReadWords(ref int p, bool article, bool hedged, ref Numeral n)
    {
        double total = 0, group = 0;
        bool any = false, fraction = false, counted = false;
        double lastSmall = -1;
        int start = p;
        while (p < _pieces.Count && !_pieces[p].Digits)
        {
            var w = PieceText(p);
            if (_lex.Numbers.TryGetValue(w, out double v))
            {
                if (article) return false;
                if (lastSmall >= 0 && !(lastSmall >= 20 && lastSmall % 10 == 0 && v is > 0 and < 10)) break;
                group += v;
                lastSmall = v;
                any = counted = true;
            }
            else if (w.Length > 3 && _lex.Scales.TryGetValue(w, out double scale))
            {
                if (scale < 1000) group = (group == 0 ? 1 : group) * scale;
                else { total += (group == 0 ? 1 : group) * scale; group = 0; }
                if (!counted && article) n.ArticleScale = true;
                n.Scale = scale;
                lastSmall = -1;
                any = true;
            }
            else if (_lex.Fractions.TryGetValue(w, out double part) && !fraction)
            {
                bool half = w.StartsWith("half", StringComparison.OrdinalIgnoreCase);
                if (!counted && !article && !half && !(p + 1 < _pieces.Count && PieceText(p + 1).Length > 3 && _lex.Scales.ContainsKey(PieceText(p + 1)))) break;   // "third" alone is an ordinal
                group = (group == 0 ? 1 : group) * part;
                fraction = true;
                if (!counted) n.BareFraction = true;
                lastSmall = -1;
                any = true;
                // "half a million": the article belongs to the scale after it.
                if (half && p + 2 < _pieces.Count && PieceText(p + 1) is "a" && _lex.Scales.ContainsKey(PieceText(p + 2))) p++;
            }
            else if (any && w.Equals("and", StringComparison.OrdinalIgnoreCase) && p + 1 < _pieces.Count && !_pieces[p + 1].Digits
                && _lex.Numbers.TryGetValue(PieceText(p + 1), out double small) && small < 100 && total + group >= 100)
            {
                // "two hundred and fifty"
            }
            else
            {
                break;
            }
            p++;
        }
        if (any)
        {
            if (n.BareFraction && total + group > 1) n.BareFraction = false;   // "half a million" is a count
            n.Value = total + group;
            n.Words = true;
            return true;
        }
        if (p != start || article) return false;
        var word = PieceText(p);
        if (_lex.RoundFigures.TryGetValue(word, out double round))
        {
            p++;
            // "hundreds of thousands", "tens of millions"
            if (p + 1 < _pieces.Count && PieceText(p).Equals("of", StringComparison.OrdinalIgnoreCase)
                && _lex.RoundFigures.TryGetValue(PieceText(p + 1), out double more))
            {
                round *= more;
                p += 2;
            }
            n.Value = round;
            n.Round = n.Words = true;
            return true;
        }
        if (_lex.Multipliers.TryGetValue(word, out double factor))
        {
            p++;
            n.Value = factor;
            n.Multiplier = n.Words = true;
            return true;
        }
        return false;
    }

    private static bool TryFraction(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        int slash = s.IndexOf('/');
        if (slash <= 0 || !int.TryParse(s[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out int a)
            || !int.TryParse(s[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int b))
        {
            return false;
        }
        // Only the denominators fractions use; 9/11 and 10/31 are dates.
        if (a <= 0 || a >= b || b is not (2 or 3 or 4 or 5 or 8 or 10 or 16 or 32 or 64 or 100)) return false;
        value = (double)a / b;
        return true;
    }

    private string? ReadPer(ref int p)
    {
        if (!MatchForward(_lex.Per, p, out var per, out int after)) return null;
        if (after < _pieces.Count && _lex.NotPerBefore.Contains(PieceText(after))) return null;   // "a year earlier"
        p = after;
        return per.Name;
    }

    /// <summary>What a bare count counts: words up to the first plural noun ("North Korean troops"), or one or two words after "one".</summary>
    private string? ReadCounted(ref int p, in Numeral n, bool range)
    {
        int q = p;
        if (n.Round && q < _pieces.Count && PieceText(q).Equals("of", StringComparison.OrdinalIgnoreCase)) q++;
        int first = q, last = -1;
        bool plural = false;
        while (q < _pieces.Count && q - first < 4)
        {
            var piece = _pieces[q];
            if (piece.Digits || _tokens[piece.Token].Kind != TokenKind.Word) break;
            var w = Text(piece);
            if (!IsAllLetters(w) || _lex.CountedStop.Contains(w) || _lex.Months.Contains(w) || _lex.NumberStarts.Contains(w)
                || _lex.Clock.Contains(w))
            {
                break;
            }
            last = q;
            if (_lex.PluralNouns.Contains(w) || w.Length > 3 && w[^1] is 's' or 'S' && w[^2] is not ('s' or 'u' or 'i'))
            {
                plural = true;
                break;
            }
            q++;
        }
        bool single = n.Value == 1 && !range && last >= 0;
        if (!plural && !single) return null;
        if (single && !plural) last = Math.Min(last, first + 1);
        p = last + 1;
        return _text[_pieces[first].Start.._pieces[last].End];
    }

    private static bool IsAllLetters(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsLetter(c) && c != '\'' && c != '’') return false;
        return w.Length > 0;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsAsciiDigit(c)) return false;
        return w.Length > 0;
    }

    /// <summary>The longest phrase of <paramref name="table"/> that starts at piece <paramref name="p"/>.</summary>
    private bool MatchForward(PhraseTable table, int p, out Phrase phrase, out int after)
    {
        phrase = null!;
        after = p;
        if (p >= _pieces.Count || !table.TryGet(PieceText(p), out var candidates)) return false;
        foreach (var c in candidates)
        {
            int q = p;
            bool ok = true;
            foreach (var word in c.Words)
            {
                if (q >= _pieces.Count || !PieceText(q).Equals(word, StringComparison.OrdinalIgnoreCase)) { ok = false; break; }
                q++;
            }
            // A one-letter unit ("m", "t", "g") only glued or alone before a break: "5 m" yes, "5 m tall" yes, but not "a" or "I".
            if (ok)
            {
                phrase = c;
                after = q;
                return true;
            }
        }
        return false;
    }

    /// <summary>The longest phrase of <paramref name="table"/> that ends just before token <paramref name="end"/>, hyphen tokens skipped.</summary>
    private bool MatchBackward(PhraseTable table, int end, out Phrase phrase, out int start)
    {
        phrase = null!;
        start = end;
        int last = end - 1;
        while (last >= _sentenceStart && IsHyphenToken(last)) last--;
        if (last < _sentenceStart || !table.TryGet(TokenText(last), out var candidates)) return false;
        foreach (var c in candidates)
        {
            int k = last;
            bool ok = true;
            for (int i = c.Words.Length - 1; i >= 0; i--)
            {
                while (k >= _sentenceStart && IsHyphenToken(k)) k--;
                if (k < _sentenceStart || !TokenText(k).Equals(c.Words[i], StringComparison.OrdinalIgnoreCase)) { ok = false; break; }
                k--;
            }
            if (ok)
            {
                phrase = c;
                start = k + 1;
                return true;
            }
        }
        return false;
    }

    private bool IsHyphenToken(int k) => _tokens[k].Length == 1 && TextChars.IsHyphen(_text[_tokens[k].Start]);

    /// <summary>Splits tokens [t, end) into pieces: digits apart from glued letters, words apart at hyphens.</summary>
    private void BuildPieces(int t, int end)
    {
        _pieces.Clear();
        bool hyphen = false;
        for (int k = t; k < end; k++)
        {
            var token = _tokens[k];
            int i = token.Start, stop = token.End;
            if (token.Length == 1 && (TextChars.IsHyphen(_text[i]) || _text[i] == '–'))
            {
                hyphen = true;
                continue;
            }
            bool glued = k > 0 && _tokens[k - 1].End == token.Start;
            if (char.IsAsciiDigit(_text[i]))
            {
                int j = i;
                while (j < stop && (char.IsAsciiDigit(_text[j]) || _text[j] is ',' or '.' or '/' or ':' && j + 1 < stop && char.IsAsciiDigit(_text[j + 1]))) j++;
                _pieces.Add(new Piece(i, j, k, glued, hyphen, true));
                hyphen = false;
                glued = true;
                i = j;
            }
            while (i < stop)
            {
                if (TextChars.IsHyphen(_text[i])) { hyphen = true; i++; continue; }
                int j = i;
                while (j < stop && !TextChars.IsHyphen(_text[j])) j++;
                // "USD115": letters, then digits
                int d = j;
                while (d > i && char.IsAsciiDigit(_text[d - 1])) d--;
                if (d > i && d < j && char.IsAsciiLetter(_text[d - 1]) && !char.IsAsciiDigit(_text[token.Start]))
                {
                    _pieces.Add(new Piece(i, d, k, glued, hyphen, false));
                    _pieces.Add(new Piece(d, j, k, true, false, true));
                }
                else
                {
                    _pieces.Add(new Piece(i, j, k, glued, hyphen, false));
                }
                hyphen = false;
                glued = true;
                i = j;
            }
        }
    }
}

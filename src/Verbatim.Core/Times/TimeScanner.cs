using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>
/// Finds and resolves the time expressions of one document in one pass over its tokens. A token
/// that cannot start an expression costs one lexicon lookup (a word) or a glance at its first
/// characters (a number); the matchers look a few tokens around a trigger, never further than its
/// sentence, and never back over an expression already found.
/// </summary>
internal sealed class TimeScanner
{
    private readonly Document _doc;
    private readonly ImmutableArray<Token> _tokens;
    private readonly DateOnly? _anchor;
    private int _sentStart, _sentEnd;   // token range of the sentence being read
    private int _floor;                 // a match may not reach back before this token

    private TimeScanner(Document document, DateOnly? anchor)
    {
        _doc = document;
        _tokens = document.Tokens;
        _anchor = anchor;
    }

    /// <summary>
    /// The day relative expressions resolve against: the date part of the publication timestamp in
    /// its own offset (the outlet's day, not UTC's), else the publication date, else none.
    /// </summary>
    public static DateOnly? AnchorOf(DocumentMetadata metadata) =>
        metadata.PublishedAt is DateTimeOffset at ? DateOnly.FromDateTime(at.DateTime) : metadata.Published;

    public static ImmutableArray<TimeExpression> Scan(Document document)
    {
        var scanner = new TimeScanner(document, AnchorOf(document.Metadata));
        return scanner.Run();
    }

    /// <summary>A match under construction: token range [First, End) and what it resolves to.</summary>
    private struct Found
    {
        public int First, End;
        public TimeKind Kind;
        public DateOnly? Value, From, To;
        public bool Ahead;      // the words themselves point after publication ("tomorrow", "the coming days")
        public DayPart Part;
        public bool Named;      // a day or period named on the calendar ("Oct. 31", "March", "2022", "the fall"): prepositions before it are not part of it
    }

    private ImmutableArray<TimeExpression> Run()
    {
        var items = ImmutableArray.CreateBuilder<TimeExpression>();
        var sentences = _doc.Sentences;
        int n = _tokens.Length, s = 0;
        _sentEnd = sentences.IsEmpty ? n : 0;
        for (int i = 0; i < n;)
        {
            if (i >= _sentEnd)
            {
                while (s < sentences.Length && sentences[s].EndToken <= i) s++;
                (_sentStart, _sentEnd) = s < sentences.Length && sentences[s].FirstToken <= i
                    ? (sentences[s].FirstToken, sentences[s].EndToken)
                    : (i, i + 1);
                _floor = Math.Max(_floor, _sentStart);
            }
            var kind = _tokens[i].Kind;
            var f = default(Found);
            bool hit = kind == TokenKind.Word ? TryWord(i, ref f) : kind == TokenKind.Number && TryNumber(i, ref f);
            if (!hit)
            {
                i++;
                continue;
            }
            Wrap(ref f);
            items.Add(Build(in f));
            _floor = f.End;
            i = f.End;
        }
        return items.DrainToImmutable();
    }

    private TimeExpression Build(in Found f)
    {
        var span = new TextSpan(_tokens[f.First].Start, _tokens[f.End - 1].End);
        bool future = f.Ahead || (_anchor is DateOnly a && (f.Value ?? f.From) is DateOnly d && d > a);
        return new TimeExpression(span, f.Kind, f.Value, f.From, f.To, future) { Part = f.Part };
    }

    // ---- token access -------------------------------------------------------------------------

    /// <summary>The lexicon entry of token t when it is a word of the current sentence.</summary>
    private TimeWord W(int t) =>
        t >= _sentStart && t < _sentEnd && _tokens[t].Kind == TokenKind.Word ? TimeLexicon.Of(_doc.TokenText(t)) : default;

    /// <summary>As <see cref="W"/>, for looking back: nothing before the floor (an earlier match, the sentence start).</summary>
    private TimeWord Back(int t) => t >= _floor ? W(t) : default;

    private ReadOnlySpan<char> Text(int t) => _doc.TokenText(t);

    private bool Capitalised(int t) => char.IsUpper(_doc.Text[_tokens[t].Start]);

    private bool IsPunct(int t, char c) =>
        t < _sentEnd && _tokens[t].Kind == TokenKind.Punctuation && _tokens[t].Length == 1 && _doc.Text[_tokens[t].Start] == c;

    private bool TextIs(int t, string word) =>
        t >= _sentStart && t < _sentEnd && Text(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>A number token of plain digits with an optional suffix ("31", "31st", "1990s"); digits up to 9.</summary>
    private bool Num(int t, out int value, out int digits, out ReadOnlySpan<char> suffix)
    {
        value = digits = 0;
        suffix = default;
        if (t < _sentStart || t >= _sentEnd || _tokens[t].Kind != TokenKind.Number) return false;
        var text = Text(t);
        while (digits < text.Length && digits < 9 && char.IsAsciiDigit(text[digits]))
        {
            value = value * 10 + (text[digits] - '0');
            digits++;
        }
        suffix = text[digits..];
        return digits > 0;
    }

    private bool Year(int t, out int year) =>
        Num(t, out year, out int digits, out var suffix) && digits == 4 && suffix.IsEmpty && year is >= 1800 and <= 2100;

    private bool DayOfMonth(int t, out int day) =>
        Num(t, out day, out int digits, out var suffix) && digits <= 2 && day is >= 1 and <= 31
        && (suffix.IsEmpty || suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase));

    /// <summary>A year after a month, day or season: "2024", ", 2024" or "of 2024". Returns the token after it, or -1.</summary>
    private int YearAfter(int t, out int year)
    {
        if (Year(t, out year)) return t + 1;
        if ((IsPunct(t, ',') || W(t) is { Class: TimeWordClass.Preposition, Value: Preps.Of }) && Year(t + 1, out year)) return t + 2;
        return -1;
    }

    /// <summary>
    /// Whether the sentence points ahead of the expression at token t: a future word ("will",
    /// "expected", "plans") in the ten tokens before it, or after it when it opens the sentence
    /// ("On Thursday, talks will resume"). A speech verb just before ("said Tuesday", "said on
    /// Tuesday") dates the statement itself, so it reads as past.
    /// </summary>
    private bool AheadAt(int t)
    {
        for (int k = t - 1; k >= Math.Max(_sentStart, t - 2); k--)
        {
            var w = W(k);
            if (w.Class == TimeWordClass.Speech) return false;
            if (w.Class != TimeWordClass.Preposition) break;
        }
        for (int k = t - 1; k >= Math.Max(_sentStart, t - 10); k--)
        {
            var w = W(k);
            if (w.Class == TimeWordClass.Future || (w.Class == TimeWordClass.Shift && w.Value > 0)) return true;
            if (w.Class == TimeWordClass.Preposition && w.Value == Preps.By) return true;
        }
        if (t - _sentStart <= 3)
        {
            for (int k = t + 1; k < Math.Min(_sentEnd, t + 10); k++)
            {
                if (W(k).Class == TimeWordClass.Future) return true;
            }
        }
        return false;
    }

    // ---- triggers -----------------------------------------------------------------------------

    private bool TryWord(int i, ref Found f)
    {
        var w = W(i);
        switch (w.Class)
        {
            case TimeWordClass.RelativeDay: return RelativeDay(i, w, ref f);
            case TimeWordClass.Weekday: return Weekday(i, w, null, ref f);
            case TimeWordClass.Month: return Month(i, w, ref f);
            case TimeWordClass.Shift: return Shift(i, w, ref f);
            case TimeWordClass.Unit: return UnitWithCount(i, w, ref f);
            case TimeWordClass.Season: return Season(i, w, ref f);
            case TimeWordClass.Vague: return Vague(i, w, ref f);
            case TimeWordClass.FutureNoun: return FutureNoun(i, ref f);
            case TimeWordClass.Every: return Every(i, ref f);
            case TimeWordClass.Frequency:
                if (Capitalised(i)) return false;   // "Daily Mail", "Weekly Standard"
                f = new Found { First = i, End = i + 1, Kind = TimeKind.Set };
                return true;
            case TimeWordClass.Edge: return Edge(i, w.Value, i + 1, ref f);
            case TimeWordClass.End: return End(i, w, ref f);
            case TimeWordClass.PeriodEnd: return PeriodEnd(i, w, ref f);
            case TimeWordClass.None:
                // "mid-October", "mid-2025": one token for the tokenizer.
                var text = Text(i);
                return text.Length > 4 && (text[0] | 0x20) == 'm' && text.StartsWith("mid-", StringComparison.OrdinalIgnoreCase) && MidToken(i, text[4..], ref f);
            default:
                return false;
        }
    }

    private bool RelativeDay(int i, TimeWord w, ref Found f)
    {
        // "Today" as a title ("the Today show") or "tomorrow's" world are left to the reader: news uses
        // these words for days far more often than not.
        bool tonight = Text(i).Equals("tonight", StringComparison.OrdinalIgnoreCase);
        f = new Found { First = i, End = i + 1, Kind = TimeKind.Date, Value = _anchor?.AddDays(w.Value), Ahead = w.Value > 0 || tonight };
        if (tonight) f.Part = DayPart.Night;
        else if (W(i + 1) is { Class: TimeWordClass.DayPart } part) { f.Part = (DayPart)part.Value; f.End = i + 2; }
        if (f.Part != DayPart.None) f.Kind = TimeKind.DateTime;
        return true;
    }

    /// <summary>A weekday; <paramref name="shift"/> is -1 "last", 1 "next", 0 "this", null when bare (the tense decides).</summary>
    private bool Weekday(int i, TimeWord w, int? shift, ref Found f)
    {
        if (!Capitalised(i) || Back(i - 1).Class == TimeWordClass.Honorific) return false;   // "Mr. Monday" is a person
        // Inside a name ("Fox News Sunday"): a capitalised word before it that is not a sentence start nor a time word.
        if (i - 1 > _sentStart && i - 1 >= _floor && _tokens[i - 1].Kind == TokenKind.Word && Capitalised(i - 1) && W(i - 1).Class == TimeWordClass.None) return false;
        if ((w.Flags & TimeWordFlags.Plural) != 0)
        {
            f = new Found { First = i, End = i + 1, Kind = TimeKind.Set };   // "on Mondays"
            return true;
        }
        f = new Found { First = i, End = i + 1, Kind = TimeKind.Date };
        if (W(i + 1) is { Class: TimeWordClass.DayPart } part)
        {
            f.Part = (DayPart)part.Value;
            f.Kind = TimeKind.DateTime;
            f.End = i + 2;
        }
        // "Tuesday, Oct. 29": the written date wins over the weekday's arithmetic.
        int k = IsPunct(f.End, ',') ? f.End + 1 : f.End;
        var dated = default(Found);
        if (W(k) is { Class: TimeWordClass.Month } m && MonthDay(k, m, ref dated))
        {
            f.Value = dated.Value;
            f.End = dated.End;
            f.Named = true;
            return true;
        }
        if (_anchor is DateOnly a)
        {
            bool ahead = shift is int s ? s > 0 || (s == 0 && AheadAt(i)) : AheadAt(i);
            f.Value = Calendar.Weekday(a, w.Value, ahead, strict: shift is -1 or 1);
        }
        f.Ahead = shift > 0;
        return true;
    }

    private bool Month(int i, TimeWord w, ref Found f)
    {
        if (!Capitalised(i)) return false;   // "it may rain", "a march on Washington"
        if (MonthDay(i, w, ref f)) return true;
        if (YearAfter(i + 1, out int year) is int after and > 0)
        {
            var (from, to) = Calendar.Month(year, w.Value);
            f = new Found { First = i, End = after, Kind = TimeKind.Window, From = from, To = to, Named = true };
            return true;
        }
        if ((w.Flags & TimeWordFlags.Abbreviation) != 0) return false;   // AP abbreviates a month only before a day
        if ((w.Flags & TimeWordFlags.Ambiguous) != 0 && !MonthContext(i)) return false;   // "Theresa May", "March on Washington"
        f = new Found { First = i, End = i + 1, Kind = TimeKind.Window, Named = true };
        if (_anchor is DateOnly a) (f.From, f.To) = Calendar.MonthWithoutYear(a, w.Value, AheadAt(i));
        return true;
    }

    /// <summary>A word before a month named alone that makes it a month: "in May", "since March", "from March to May".</summary>
    private bool MonthContext(int i)
    {
        var before = Back(i - 1);
        if (before.Class == TimeWordClass.Preposition)
        {
            return before.Value switch
            {
                Preps.In or Preps.Since or Preps.By or Preps.Until or Preps.During or Preps.Before or Preps.After
                    or Preps.From or Preps.Through or Preps.Throughout or Preps.Of or Preps.Between => true,
                Preps.And or Preps.To => W(i - 2).Class == TimeWordClass.Month,   // "between March and May", "from March to May"
                _ => false,
            };
        }
        return before.Class is TimeWordClass.Edge or TimeWordClass.Shift;
    }

    /// <summary>"Oct. 31", "Sept. 11, 2001", "October 31st 2024" at token i (a month).</summary>
    private bool MonthDay(int i, TimeWord w, ref Found f)
    {
        if (!Capitalised(i) || !DayOfMonth(i + 1, out int day)) return false;
        int end = i + 2;
        DateOnly? value = null;
        if (YearAfter(i + 2, out int year) is int after and > 0)
        {
            if (day > DateTime.DaysInMonth(year, w.Value)) return false;
            value = new DateOnly(year, w.Value, day);
            end = after;
        }
        else if (day > DateTime.DaysInMonth(2024, w.Value))
        {
            return false;   // Feb. 30 is no date (2024 is a leap year, so Feb. 29 passes)
        }
        else if (_anchor is DateOnly a)
        {
            value = Calendar.DayWithoutYear(a, w.Value, day, AheadAt(i));
        }
        f = new Found { First = i, End = end, Kind = TimeKind.Date, Value = value, Named = true };
        return true;
    }

    private bool Shift(int i, TimeWord w, ref Found f)
    {
        bool rolling = (w.Flags & TimeWordFlags.Rolling) != 0;
        bool afterThe = Back(i - 1).Class == TimeWordClass.The;
        int k = i + 1;

        // "the next two weeks", "the past 24 hours", "the last few months": counted from publication.
        if (CountAt(k, out int n, out int unitAt) && W(unitAt) is { Class: TimeWordClass.Unit } counted && w.Value != 0)
        {
            f = new Found { First = i, End = unitAt + 1, Kind = TimeKind.Window, Ahead = w.Value > 0 };
            if (_anchor is DateOnly a) (f.From, f.To) = w.Value > 0 ? (a, Calendar.Add(a, counted.Value, n)) : (Calendar.Add(a, counted.Value, -n), a);
            return true;
        }

        var next = W(k);
        switch (next.Class)
        {
            case TimeWordClass.Unit:
            {
                int unit = next.Value;
                bool plural = (next.Flags & TimeWordFlags.Plural) != 0;
                f = new Found { First = i, End = k + 1, Kind = TimeKind.Window, Ahead = w.Value > 0 };
                if (plural)
                {
                    // "the coming days", "recent weeks": a horizon with no figure (docs/times.md).
                    if (w.Value == 0) return false;
                    if (_anchor is DateOnly a)
                    {
                        var reach = Calendar.VagueReach(a, unit, w.Value);
                        (f.From, f.To) = w.Value > 0 ? (a, reach) : (reach, a);
                    }
                    return true;
                }
                // "the next day", "the last day of": counted from the story's events, not from publication.
                if (unit is Units.Day or Units.Hour or Units.Minute && (afterThe || w.Value != 0 || rolling)) return false;
                if (rolling || (afterThe && w.Value != 0))
                {
                    // "the past week", "over the last year": one unit back or ahead of publication.
                    if (_anchor is DateOnly a) (f.From, f.To) = w.Value > 0 ? (a, Calendar.Add(a, unit, 1)) : (Calendar.Add(a, unit, -1), a);
                    return true;
                }
                if (unit == Units.Day) return false;   // "this day"
                if (_anchor is DateOnly anchor)
                {
                    var period = unit == Units.Fortnight
                        ? (w.Value >= 0 ? (anchor, anchor.AddDays(14)) : (anchor.AddDays(-14), anchor))
                        : Calendar.Period(anchor, unit, w.Value);
                    if (period is not { } p) return false;
                    (f.From, f.To) = p;
                }
                return true;
            }
            case TimeWordClass.Weekday:
                if (rolling || afterThe) return false;
                if (!Weekday(k, next, w.Value, ref f)) return false;
                f.First = i;
                return true;
            case TimeWordClass.DayPart:
                // "last night", "this morning"; "the next morning" belongs to the story.
                if (rolling || afterThe || w.Value > 0) return false;
                f = new Found { First = i, End = k + 1, Kind = TimeKind.DateTime, Value = _anchor?.AddDays(w.Value), Part = (DayPart)next.Value };
                return true;
            case TimeWordClass.Season:
                if (rolling) return false;
                f = new Found { First = i, End = k + 1, Kind = TimeKind.Season, Ahead = w.Value > 0 };
                if (_anchor is DateOnly sa) (f.From, f.To) = Calendar.Season(sa, next.Value, w.Value, false);
                if (YearAfter(k + 1, out _) > 0) return false;   // "last summer 2023" is odd enough to leave
                return true;
            case TimeWordClass.Month:
                if (rolling || afterThe || !Capitalised(k) || (next.Flags & TimeWordFlags.Abbreviation) != 0) return false;
                f = new Found { First = i, End = k + 1, Kind = TimeKind.Window, Ahead = w.Value > 0 };
                if (_anchor is DateOnly ma)
                {
                    // "last March": the latest March before this month; "next March" the first after it.
                    int year = w.Value switch
                    {
                        < 0 => next.Value < ma.Month ? ma.Year : ma.Year - 1,
                        > 0 => next.Value > ma.Month ? ma.Year : ma.Year + 1,
                        _ => ma.Year,
                    };
                    (f.From, f.To) = Calendar.Month(year, next.Value);
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>A count at token t ("two", "30", "a few", "a couple of", "several"); <paramref name="after"/> is the token after it.</summary>
    private bool CountAt(int t, out int n, out int after)
    {
        n = 0;
        after = t;
        var w = W(t);
        if (w.Class == TimeWordClass.Rate && W(t + 1).Class == TimeWordClass.Count)
        {
            t++;   // "a few", "a couple of", "a dozen", "a hundred"
            w = W(t);
        }
        if (w.Class == TimeWordClass.Count)
        {
            n = w.Value;
            after = W(t + 1) is { Class: TimeWordClass.Preposition, Value: Preps.Of } ? t + 2 : t + 1;
            return true;
        }
        if (Num(t, out n, out int digits, out var suffix) && suffix.IsEmpty && digits <= 4 && n > 0)
        {
            after = t + 1;
            return true;
        }
        return false;
    }

    /// <summary>
    /// A unit with a count before it: "two weeks" (a duration), "within 30 days" (a window), "three
    /// days ago" (a day), "1,200 casualties a day" (a recurrence), "in two weeks" (a day ahead, when
    /// the sentence looks ahead; else a duration: "the first time in a hundred years").
    /// </summary>
    private bool UnitWithCount(int i, TimeWord w, ref Found f)
    {
        int unit = w.Value;
        bool plural = (w.Flags & TimeWordFlags.Plural) != 0;
        int first = i - 1;
        int n = 1;
        bool rate = false;
        var before = Back(first);
        if (before.Class == TimeWordClass.Preposition && before.Value == Preps.Of && Back(first - 1).Class == TimeWordClass.Count) before = Back(--first);
        if (before.Class == TimeWordClass.Count)
        {
            n = before.Value;
            if (Back(first - 1).Class == TimeWordClass.Rate) first--;
        }
        else if (first >= _floor && Num(first, out n, out int digits, out var suffix) && suffix.IsEmpty && digits <= 4 && n > 0)
        {
        }
        else if (before.Class == TimeWordClass.Rate && !plural)
        {
            rate = !Text(first).StartsWith("a", StringComparison.OrdinalIgnoreCase) || FigureBefore(first);
        }
        else
        {
            // "for years", "in months": a length with no figure.
            if (plural && Back(i - 1) is { Class: TimeWordClass.Preposition, Value: Preps.For or Preps.In })
            {
                f = new Found { First = i, End = i + 1, Kind = TimeKind.Duration };
                return true;
            }
            return false;
        }

        f = new Found { First = first, End = i + 1, Kind = rate ? TimeKind.Set : TimeKind.Duration };
        if (rate) return true;
        var after = W(i + 1);
        if (after.Class == TimeWordClass.Ago)
        {
            f.End = i + 2;
            if (_anchor is not DateOnly a) { f.Kind = unit is Units.Month or Units.Year ? TimeKind.Window : TimeKind.Date; return true; }
            var day = Calendar.Add(a, unit, -n);
            switch (unit)
            {
                case Units.Month: f.Kind = TimeKind.Window; (f.From, f.To) = Calendar.Month(day.Year, day.Month); break;
                case Units.Year: f.Kind = TimeKind.Window; (f.From, f.To) = Calendar.Year(day.Year); break;
                case Units.Decade or Units.Minute: f.Kind = TimeKind.Duration; break;
                default: f.Kind = TimeKind.Date; f.Value = day; break;
            }
            return true;
        }
        if (after.Class == TimeWordClass.Later || after is { Class: TimeWordClass.Preposition, Value: Preps.After or Preps.Before }) return true;
        var prep = Back(first - 1);
        if (prep.Class != TimeWordClass.Preposition) return true;
        switch (prep.Value)
        {
            case Preps.Within:
                f.Kind = TimeKind.Window;
                f.Ahead = true;
                if (_anchor is DateOnly wa) (f.From, f.To) = (wa, Calendar.Add(wa, unit, n));
                break;
            case Preps.In when unit is Units.Day or Units.Week or Units.Fortnight or Units.Hour && AheadAt(first - 1):
                f.Kind = TimeKind.Date;
                f.Ahead = true;
                f.First = first - 1;   // "in two weeks": the preposition makes it a day
                f.Value = _anchor is DateOnly ia ? Calendar.Add(ia, unit, n) : null;
                break;
        }
        return true;
    }

    /// <summary>A figure in the three tokens before a rate ("1,200 casualties a day"): the rate counts it.</summary>
    private bool FigureBefore(int t)
    {
        for (int k = t - 1; k >= Math.Max(_sentStart, t - 3); k--)
        {
            if (_tokens[k].Kind == TokenKind.Number || W(k).Class == TimeWordClass.Count) return true;
        }
        return false;
    }

    private bool Season(int i, TimeWord w, ref Found f)
    {
        int end = i + 1;
        (DateOnly, DateOnly)? span = null;
        if (YearAfter(i + 1, out int year) is int after and > 0)
        {
            span = Calendar.Season(w.Value, year);
            end = after;
        }
        else
        {
            // "in spring", "the summer"; "fall" only as "in the fall" and never "the fall of ...".
            bool afterThe = Back(i - 1).Class == TimeWordClass.The;
            var prep = Back(afterThe ? i - 2 : i - 1);
            bool prepBefore = prep.Class == TimeWordClass.Preposition && prep.Value is not (Preps.Of or Preps.And or Preps.To or Preps.On or Preps.At);
            if (W(i + 1) is { Class: TimeWordClass.Preposition, Value: Preps.Of or Preps.In or Preps.From or Preps.To }) return false;
            if ((w.Flags & TimeWordFlags.Ambiguous) != 0 ? !(afterThe && prepBefore) : !(afterThe || prepBefore)) return false;
            if (_anchor is DateOnly a) span = Calendar.Season(a, w.Value, null, AheadAt(i));
        }
        f = new Found { First = i, End = end, Kind = TimeKind.Season, Named = true };
        if (span is var (from, to)) { f.From = from; f.To = to; }
        return true;
    }

    private bool Vague(int i, TimeWord w, ref Found f)
    {
        // "as soon as", "soon after the vote", "shortly before": tied to another event, not a horizon.
        if (TextIs(i - 1, "as") || TextIs(i + 1, "as")) return false;
        var after = W(i + 1);
        if (after.Class == TimeWordClass.Later || after is { Class: TimeWordClass.Preposition, Value: Preps.After or Preps.Before }) return false;
        int first = Back(i - 1).Class == TimeWordClass.Intensifier ? i - 1 : i;
        f = new Found { First = first, End = i + 1, Kind = TimeKind.Window, Ahead = true };
        if (_anchor is DateOnly a) (f.From, f.To) = (a, a.AddDays(w.Value));
        return true;
    }

    /// <summary>"the near future" (a window of the near word's length), "the foreseeable future" (open-ended).</summary>
    private bool FutureNoun(int i, ref Found f)
    {
        var near = Back(i - 1);
        if (near.Class != TimeWordClass.Near) return false;
        f = new Found { First = i - 1, End = i + 1, Kind = TimeKind.Window, Ahead = true };
        if (_anchor is DateOnly a) (f.From, f.To) = (a, near.Value > 0 ? a.AddDays(near.Value) : null);
        return true;
    }

    private bool Every(int i, ref Found f)
    {
        int k = TextIs(i + 1, "other") ? i + 2 : i + 1;
        if (CountAt(k, out _, out int unitAt) && W(unitAt).Class == TimeWordClass.Unit) k = unitAt;
        var w = W(k);
        if (w.Class is not (TimeWordClass.Unit or TimeWordClass.Weekday)) return false;
        f = new Found { First = i, End = k + 1, Kind = TimeKind.Set };
        return true;
    }

    /// <summary>"early October", "mid-2025", "late next year", "late Tuesday": a third of the period (docs/times.md).</summary>
    private bool Edge(int i, int edge, int k, ref Found f)
    {
        var w = W(k);
        if (w.Class == TimeWordClass.Month && Capitalised(k) && !MonthDay(k, w, ref f))
        {
            int end = k + 1;
            (DateOnly From, DateOnly To)? month = null;
            if (YearAfter(k + 1, out int year) is int after and > 0) { month = Calendar.Month(year, w.Value); end = after; }
            else if ((w.Flags & TimeWordFlags.Abbreviation) != 0) return false;
            else if (_anchor is DateOnly a) month = Calendar.MonthWithoutYear(a, w.Value, AheadAt(i));
            f = new Found { First = i, End = end, Kind = TimeKind.Window, Named = true };
            if (month is { } m) (f.From, f.To) = Calendar.Third(m, edge, ofYear: false);
            return true;
        }
        if (Year(k, out int y))
        {
            f = new Found { First = i, End = k + 1, Kind = TimeKind.Window, Named = true };
            (f.From, f.To) = Calendar.Third(Calendar.Year(y), edge, ofYear: true);
            return true;
        }
        if (w.Class == TimeWordClass.Shift && (w.Flags & TimeWordFlags.Rolling) == 0 && W(k + 1) is { Class: TimeWordClass.Unit, Value: Units.Year or Units.Month })
        {
            int unit = W(k + 1).Value;
            f = new Found { First = i, End = k + 2, Kind = TimeKind.Window, Ahead = w.Value > 0 };
            if (_anchor is DateOnly a && Calendar.Period(a, unit, w.Value) is { } p) (f.From, f.To) = Calendar.Third(p, edge, ofYear: unit == Units.Year);
            return true;
        }
        if (w.Class == TimeWordClass.Weekday && (w.Flags & TimeWordFlags.Plural) == 0 && Weekday(k, w, null, ref f) && !f.Named)
        {
            f.First = i;
            f.Kind = TimeKind.DateTime;
            f.Part = edge == 1 ? DayPart.Morning : edge == 3 ? DayPart.Night : DayPart.Afternoon;
            return true;
        }
        return false;
    }

    private bool MidToken(int i, ReadOnlySpan<char> rest, ref Found f)
    {
        var w = TimeLexicon.Of(rest);
        if (w.Class == TimeWordClass.Month && char.IsUpper(rest[0]))
        {
            f = new Found { First = i, End = i + 1, Kind = TimeKind.Window, Named = true };
            int after = YearAfter(i + 1, out int year);
            (DateOnly, DateOnly)? month = after > 0 ? Calendar.Month(year, w.Value) : null;
            if (month is not null) f.End = after;
            else if (_anchor is DateOnly a) month = Calendar.MonthWithoutYear(a, w.Value, AheadAt(i));
            if (month is { } m) (f.From, f.To) = Calendar.Third(m, 2, ofYear: false);
            return true;
        }
        int y = 0, d = 0;
        while (d < rest.Length && char.IsAsciiDigit(rest[d])) y = y * 10 + (rest[d++] - '0');
        if (d == 4 && rest.Length == 4 && y is >= 1800 and <= 2100)
        {
            f = new Found { First = i, End = i + 1, Kind = TimeKind.Window, Named = true };
            (f.From, f.To) = Calendar.Third(Calendar.Year(y), 2, ofYear: true);
            return true;
        }
        return false;
    }

    /// <summary>"the end of July", "the end of 2026", "the end of next year", "the start of the month": that period's last (first) day.</summary>
    private bool End(int i, TimeWord w, ref Found f)
    {
        if (W(i + 1) is not { Class: TimeWordClass.Preposition, Value: Preps.Of }) return false;
        if (!Period(i + 2, out int end, out var period)) return false;
        bool isEnd = w.Value == 1;
        f = new Found { First = i, End = end, Kind = TimeKind.Date };
        if (period is var (from, to))
        {
            f.Value = isEnd ? to : from;
            if (isEnd) f.To = to;   // a deadline: what reads horizons reads To
        }
        return true;
    }

    /// <summary>A period after "the end of": a month (with or without year), a year, "the year", "next month", a season.</summary>
    private bool Period(int k, out int end, out (DateOnly, DateOnly)? period)
    {
        end = k + 1;
        period = null;
        var w = W(k);
        if (Year(k, out int year)) { period = Calendar.Year(year); return true; }
        if (w.Class == TimeWordClass.Month && Capitalised(k))
        {
            if (YearAfter(k + 1, out year) is int after and > 0) { period = Calendar.Month(year, w.Value); end = after; return true; }
            if ((w.Flags & TimeWordFlags.Abbreviation) != 0) return false;
            // A deadline at the end of a month named alone is the next one to end ("by the end of July").
            if (_anchor is DateOnly a) period = Calendar.MonthWithoutYear(a, w.Value, true);
            return true;
        }
        int shift = w.Class switch
        {
            TimeWordClass.The => 0,
            TimeWordClass.Shift when (w.Flags & TimeWordFlags.Rolling) == 0 => w.Value,
            _ => int.MinValue,
        };
        if (shift == int.MinValue) return false;
        var next = W(k + 1);
        end = k + 2;
        if (next.Class == TimeWordClass.Unit && (next.Flags & TimeWordFlags.Plural) == 0)
        {
            if (next.Value == Units.Day) { if (shift != 0) return false; period = _anchor is DateOnly d ? (d, d) : null; return true; }
            if (_anchor is DateOnly a) { period = Calendar.Period(a, next.Value, shift); return period is not null; }
            return next.Value is Units.Week or Units.Month or Units.Year or Units.Decade or Units.Weekend;
        }
        if (next.Class == TimeWordClass.Season)
        {
            if (YearAfter(k + 2, out year) is int after and > 0) { period = Calendar.Season(next.Value, year); end = after; return true; }
            if (_anchor is DateOnly a) period = Calendar.Season(a, next.Value, w.Class == TimeWordClass.The ? null : shift, true);
            return true;
        }
        return false;
    }

    /// <summary>"year-end", "end-of-year": the last day of the current year (month).</summary>
    private bool PeriodEnd(int i, TimeWord w, ref Found f)
    {
        f = new Found { First = i, End = i + 1, Kind = TimeKind.Date };
        if (_anchor is DateOnly a && Calendar.Period(a, w.Value, 0) is var (_, to)) { f.Value = to; f.To = to; }
        return true;
    }

    private bool TryNumber(int i, ref Found f)
    {
        if (!Num(i, out int value, out int digits, out var suffix)) return false;
        if (digits == 4 && value is >= 1800 and <= 2100)
        {
            if (suffix.IsEmpty && IsoDate(i, value, ref f)) return true;
            if (suffix.Length == 1 && (suffix[0] | 0x20) == 's' && value % 10 == 0)
            {
                f = new Found { First = i, End = i + 1, Kind = TimeKind.Window, From = new DateOnly(value, 1, 1), To = new DateOnly(value + 9, 12, 31), Named = true };
                return true;
            }
            if (!suffix.IsEmpty || !YearContext(i)) return false;
            var (from, to) = Calendar.Year(value);
            f = new Found { First = i, End = i + 1, Kind = TimeKind.Window, From = from, To = to, Named = true };
            return true;
        }
        if (digits <= 2 && suffix.Length > 1 && suffix[0] == '/' && UsDate(i, ref f)) return true;
        if (!DayOfMonth(i, out int day)) return false;
        // "31 October 2024", "the 31st of October".
        int k = W(i + 1) is { Class: TimeWordClass.Preposition, Value: Preps.Of } ? i + 2 : i + 1;
        if (W(k) is not { Class: TimeWordClass.Month } month || !Capitalised(k)) return false;
        DateOnly? date = null;
        int end = k + 1;
        if (YearAfter(k + 1, out int year) is int after and > 0)
        {
            if (day > DateTime.DaysInMonth(year, month.Value)) return false;
            date = new DateOnly(year, month.Value, day);
            end = after;
        }
        else if (day > DateTime.DaysInMonth(2024, month.Value)) return false;
        else if (_anchor is DateOnly a) date = Calendar.DayWithoutYear(a, month.Value, day, AheadAt(i));
        f = new Found { First = i, End = end, Kind = TimeKind.Date, Value = date, Named = true };
        return true;
    }

    /// <summary>A year standing alone is a year only after a time preposition ("in 2023", "since 2023", "by 2030").</summary>
    private bool YearContext(int i)
    {
        var before = Back(i - 1);
        if (before.Class != TimeWordClass.Preposition) return false;
        return before.Value switch
        {
            Preps.In or Preps.Since or Preps.By or Preps.Until or Preps.During or Preps.Before or Preps.After
                or Preps.From or Preps.Through or Preps.Throughout or Preps.Between => true,
            Preps.And or Preps.To => _tokens[i - 2].Kind == TokenKind.Number,   // "between 2020 and 2023"
            _ => false,
        };
    }

    /// <summary>"2024-10-31", read from the text (the tokenizer splits it at the hyphens).</summary>
    private bool IsoDate(int i, int year, ref Found f)
    {
        var text = _doc.Text;
        int p = _tokens[i].End;
        if (p + 6 > text.Length || text[p] != '-' || text[p + 3] != '-') return false;
        if (!char.IsAsciiDigit(text[p + 1]) || !char.IsAsciiDigit(text[p + 2]) || !char.IsAsciiDigit(text[p + 4]) || !char.IsAsciiDigit(text[p + 5])) return false;
        if (p + 6 < text.Length && char.IsAsciiDigit(text[p + 6])) return false;
        int month = (text[p + 1] - '0') * 10 + text[p + 2] - '0', day = (text[p + 4] - '0') * 10 + text[p + 5] - '0';
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        int end = i + 1;
        while (end < _sentEnd && _tokens[end].End <= p + 6) end++;
        if (_tokens[end - 1].End != p + 6) return false;
        f = new Found { First = i, End = end, Kind = TimeKind.Date, Value = new DateOnly(year, month, day), Named = true };
        return true;
    }

    /// <summary>"10/31/2024" (month first, as US news writes it); "9/11" alone is a name, not a date to resolve.</summary>
    private bool UsDate(int i, ref Found f)
    {
        var text = Text(i);
        int a = text.IndexOf('/'), b = a < 0 ? -1 : text[(a + 1)..].IndexOf('/');
        if (b < 0) return false;
        b += a + 1;
        if (!int.TryParse(text[..a], out int month) || !int.TryParse(text[(a + 1)..b], out int day) || text.Length - b - 1 != 4
            || !int.TryParse(text[(b + 1)..], out int year)) return false;
        if (month is < 1 or > 12 || day < 1 || year < 1800 || day > DateTime.DaysInMonth(year, month)) return false;
        f = new Found { First = i, End = i + 1, Kind = TimeKind.Date, Value = new DateOnly(year, month, day), Named = true };
        return true;
    }

    // ---- what comes before a match ------------------------------------------------------------

    /// <summary>
    /// Takes in the words before a match that change its meaning or belong to it: "the" ("the
    /// coming days"), "since" (a window up to publication), "by", "until", "before" (a deadline:
    /// its day is <c>To</c>), and the prepositions of spans ("in", "within", "over", "for", "during").
    /// </summary>
    private void Wrap(ref Found f)
    {
        if (f.Kind == TimeKind.Set) return;
        if (Back(f.First - 1).Class == TimeWordClass.The) f.First--;
        var prep = Back(f.First - 1);
        if (prep.Class != TimeWordClass.Preposition) return;
        switch (prep.Value)
        {
            case Preps.Since:
                f.First--;
                f.Kind = TimeKind.Window;
                f.From = f.From ?? f.Value;
                f.Value = null;
                f.To = _anchor;
                f.Ahead = false;
                f.Part = DayPart.None;
                break;
            case Preps.By or Preps.Until or Preps.Before or Preps.Through:
                f.First--;
                f.To ??= f.Value;
                break;
            case Preps.In or Preps.Within or Preps.Over or Preps.During or Preps.For or Preps.Throughout:
                if (f.Kind is TimeKind.Window or TimeKind.Season or TimeKind.Duration && !f.Named) f.First--;
                break;
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using Verbatim.Pipeline;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>
/// Finds time expressions and resolves them against the publication day, adding the
/// <see cref="TimeLayer"/>. The publication day is the outlet's own: the date of
/// <see cref="DocumentMetadata.PublishedAt"/> in its own offset when the metadata gives a
/// timestamp, else <see cref="DocumentMetadata.Published"/>. One pass over the tokens; at each
/// token the matchers are tried from the longest forms to the shortest.
/// Vague horizons get fixed windows, explained in docs/times.md.
/// </summary>
public sealed class TimeStage : IDocumentStage
{
    /// <summary>Days after publication that vague horizons reach (docs/times.md says why).</summary>
    public const int ComingDays = 7, ComingWeeks = 42, ComingMonths = 183, ComingYears = 1095;

    public string Name => "times";

    public Document Process(Document document)
    {
        var meta = document.Metadata;
        DateOnly? published = meta.PublishedAt is { } at ? DateOnly.FromDateTime(at.DateTime) : meta.Published;
        var scanner = new TimeScanner(document, published);
        return document.With(new TimeLayer(scanner.Run()));
    }
}

/// <summary>The matchers, over one document's tokens.</summary>
internal sealed class TimeScanner(Document document, DateOnly? published)
{
    private readonly ImmutableArray<Token> _tokens = document.Tokens;
    private readonly ImmutableArray<TimeExpression>.Builder _found = ImmutableArray.CreateBuilder<TimeExpression>();

    public ImmutableArray<TimeExpression> Run()
    {
        for (int t = 0; t < _tokens.Length; t++)
        {
            var kind = _tokens[t].Kind;
            if (kind is not (TokenKind.Word or TokenKind.Number)) continue;
            int end = TryAt(t);
            if (end > t) t = end - 1;
        }
        return _found.ToImmutable();
    }

    private ReadOnlySpan<char> W(int t) => t >= 0 && t < _tokens.Length ? document.TokenText(t) : default;

    private bool Is(int t, string word) => W(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsAny(int t, params ReadOnlySpan<string> words)
    {
        var w = W(t);
        foreach (var word in words) if (w.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private int Add(int from, int to, TimeKind kind, DateOnly? value, DateOnly? start, DateOnly? end)
    {
        bool future = published is { } p && ((value ?? start ?? end) is { } d ? d > p || (end is { } e && e > p && kind == TimeKind.Window && start is { } s && s >= p) : false);
        _found.Add(new TimeExpression(new TextSpan(_tokens[from].Start, _tokens[to - 1].End), kind, value, start, end, future));
        return to;
    }

    [Flags]
    private enum Forms : ushort
    {
        None = 0, Window = 1, EndOfPeriod = 2, RelativeDay = 4, Weekday = 8, MonthDate = 16, DayMonth = 32,
        Period = 64, Season = 128, Year = 256, Recurrence = 512, Duration = 1024,
    }

    /// <summary>
    /// Which forms a word can start. One look-up per token decides which matchers to try, so the
    /// great majority of tokens, which start no time expression, cost nothing more.
    /// </summary>
    private static readonly Dictionary<string, Forms>.AlternateLookup<ReadOnlySpan<char>> Starts = BuildStarts();

    private static Dictionary<string, Forms>.AlternateLookup<ReadOnlySpan<char>> BuildStarts()
    {
        var map = new Dictionary<string, Forms>(StringComparer.OrdinalIgnoreCase);
        void Add(Forms forms, params string[] words)
        {
            foreach (var w in words) map[w] = map.GetValueOrDefault(w) | forms;
        }
        Add(Forms.Window, "in", "over", "within", "during", "for");
        Add(Forms.EndOfPeriod, "by", "until", "before", "at", "the", "end", "year-end", "yearend");
        Add(Forms.RelativeDay, "yesterday", "today", "tonight", "tomorrow", "last", "this");
        Add(Forms.Weekday, "last", "past", "next", "coming", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        Add(Forms.MonthDate, "january", "jan.", "jan", "february", "feb.", "feb", "march", "mar.", "april", "apr.", "may", "june", "jun.", "july", "jul.",
            "august", "aug.", "aug", "september", "sept.", "sep.", "sept", "october", "oct.", "oct", "november", "nov.", "nov", "december", "dec.", "dec");
        Add(Forms.Period, "the", "last", "past", "previous", "this", "current", "next", "later");
        Add(Forms.Season, "last", "past", "next", "coming", "this", "the", "spring", "summer", "fall", "autumn", "winter");
        Add(Forms.Year, "in", "since", "by", "until", "before", "after", "during", "through", "from", "of");
        Add(Forms.Recurrence, "daily", "weekly", "monthly", "annually", "yearly", "every", "each");
        Add(Forms.Duration, "for");
        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Tries the forms token <paramref name="t"/> can start; returns the end token of a match, or t.</summary>
    private int TryAt(int t)
    {
        var forms = _tokens[t].Kind == TokenKind.Number ? Forms.DayMonth
            : Starts.TryGetValue(W(t), out var f) ? f : Forms.None;
        if (forms == Forms.None) return t;
        int end;
        if ((forms & Forms.Window) != 0 && (end = Window(t)) > t) return end;
        if ((forms & Forms.EndOfPeriod) != 0 && (end = EndOfPeriod(t)) > t) return end;
        if ((forms & Forms.RelativeDay) != 0 && (end = RelativeDay(t)) > t) return end;
        if ((forms & Forms.Weekday) != 0 && (end = Weekday(t)) > t) return end;
        if ((forms & Forms.MonthDate) != 0 && (end = MonthDate(t)) > t) return end;
        if ((forms & Forms.DayMonth) != 0 && (end = DayMonth(t)) > t) return end;
        if ((forms & Forms.Period) != 0 && (end = Period(t)) > t) return end;
        if ((forms & Forms.Season) != 0 && (end = Season(t)) > t) return end;
        if ((forms & Forms.Year) != 0 && (end = Year(t)) > t) return end;
        if ((forms & Forms.Recurrence) != 0 && (end = Recurrence(t)) > t) return end;
        if ((forms & Forms.Duration) != 0 && (end = Duration(t)) > t) return end;
        return t;
    }

    // ---- windows: "in the coming days", "over the next two weeks", "within 30 days", "in the days ahead"

    private int Window(int t)
    {
        if (!IsAny(t, "in", "over", "within", "during", "for")) return t;
        int i = t + 1;
        if (Is(i, "the")) i++;
        bool coming = false, next = false;
        if (IsAny(i, "coming", "upcoming")) { coming = true; i++; }
        else if (IsAny(i, "next", "following")) { next = true; i++; }
        int count = 0;
        if (Number(i) is > 0 and var n) { count = n; i++; }
        else if (Is(i, "few") || Is(i, "several")) { count = 0; i++; }
        int unit = TimeWords.UnitDays(W(i));
        if (unit == 0) return t;
        i++;
        bool ahead = false;
        if (!coming && !next && IsAny(i, "ahead") ) { ahead = true; i++; }
        else if (!coming && !next && Is(i, "to") && Is(i + 1, "come")) { ahead = true; i += 2; }
        bool within = Is(t, "within") && count > 0;
        if (!coming && !next && !ahead && !within) return t;
        DateOnly? from = published, to = null;
        if (published is { } p)
        {
            to = count > 0 ? AddUnits(p, count, unit) : p.AddDays(Vague(unit));
        }
        return Add(t, i, TimeKind.Window, null, from, to);
    }

    private static int Vague(int unitDays) => unitDays switch
    {
        1 => TimeStage.ComingDays,
        7 => TimeStage.ComingWeeks,
        30 => TimeStage.ComingMonths,
        _ => TimeStage.ComingYears,
    };

    private static DateOnly AddUnits(DateOnly day, int count, int unitDays) => unitDays switch
    {
        30 => day.AddMonths(count),
        365 => day.AddYears(count),
        3650 => day.AddYears(10 * count),
        _ => day.AddDays(count * unitDays),
    };

    private int Number(int t)
    {
        var w = W(t);
        if (t < _tokens.Length && _tokens[t].Kind == TokenKind.Number && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        return TimeWords.Number(w);
    }

    // ---- ends of periods: "by the end of July", "the end of 2026", "end of the year", "by year-end"

    private int EndOfPeriod(int t)
    {
        int i = t;
        if (IsAny(i, "by", "until", "before", "at")) i++;
        if (Is(i, "the")) i++;
        if (Is(i, "year-end") || Is(i, "yearend"))
        {
            if (published is not { } p0) return t;
            var last = new DateOnly(p0.Year, 12, 31);
            return Add(t, i + 1, TimeKind.Date, last, null, last);
        }
        if (!Is(i, "end") || !Is(i + 1, "of")) return t;
        i += 2;
        if (Is(i, "the")) i++;
        int month = MonthAt(i);
        int year = YearAt(i);
        DateOnly? lastDay = null;
        int stop = i + 1;
        if (month > 0)
        {
            int y = YearAt(i + 1) is > 0 and var yy ? yy : published is { } p ? NearestYear(p, month, LooksAhead(t, i + 1)) : 0;
            if (YearAt(i + 1) > 0) stop = i + 2;
            if (y > 0) lastDay = new DateOnly(y, month, DateTime.DaysInMonth(y, month));
            else return Add(t, stop, TimeKind.Date, null, null, null);
        }
        else if (year > 0)
        {
            lastDay = new DateOnly(year, 12, 31);
        }
        else if (published is { } p && IsAny(i, "year", "month", "week", "decade"))
        {
            lastDay = W(i).ToString().ToLowerInvariant() switch
            {
                "year" => new DateOnly(p.Year, 12, 31),
                "month" => new DateOnly(p.Year, p.Month, DateTime.DaysInMonth(p.Year, p.Month)),
                "week" => p.AddDays((7 - (int)p.DayOfWeek) % 7),
                _ => new DateOnly(p.Year - p.Year % 10 + 9, 12, 31),
            };
        }
        else if (IsAny(i, "year", "month", "week", "decade"))
        {
            return Add(t, stop, TimeKind.Date, null, null, null);
        }
        else
        {
            return t;
        }
        return Add(t, stop, TimeKind.Date, lastDay, null, lastDay);
    }

    /// <summary>The year that puts a month nearest publication, or the next one ahead when the clause looks ahead and it has passed.</summary>
    private static int NearestYear(DateOnly published, int month, bool ahead)
    {
        if (ahead) return month < published.Month ? published.Year + 1 : published.Year;
        if (month - published.Month > 6) return published.Year - 1;
        if (published.Month - month > 6) return published.Year + 1;
        return published.Year;
    }

    // ---- "yesterday", "today", "tonight", "tomorrow", "last night", "this morning"

    private int RelativeDay(int t)
    {
        int offset;
        int end = t + 1;
        if (Is(t, "yesterday")) offset = -1;
        else if (Is(t, "today") || Is(t, "tonight")) offset = 0;
        else if (Is(t, "tomorrow")) offset = 1;
        else if (Is(t, "last") && Is(t + 1, "night")) { offset = -1; end = t + 2; }
        else if (Is(t, "this") && IsAny(t + 1, "morning", "afternoon", "evening")) { offset = 0; end = t + 2; }
        else return t;
        var kind = Is(t, "tonight") || end == t + 2 ? TimeKind.DateTime : TimeKind.Date;
        if (end == t + 1 && TimeWords.IsPartOfDay(W(t + 1)) && !Is(t, "tonight")) { end++; kind = TimeKind.DateTime; }
        DateOnly? day = published?.AddDays(offset);
        return Add(t, end, kind, day, null, null);
    }

    // ---- weekdays: "on Tuesday", "last Friday", "next Monday", "Monday night"

    private int Weekday(int t)
    {
        int from = t, i = t;
        int direction = 0;
        if (Is(i, "last") || Is(i, "past")) { direction = -1; i++; }
        else if (Is(i, "next") || Is(i, "coming")) { direction = 1; i++; }
        else if (Is(i, "this")) { direction = 2; i++; }
        int weekday = TimeWords.Weekday(W(i));
        if (weekday < 0 || !char.IsUpper(W(i)[0])) return t;
        // "Mr. Sunday" is a man.
        if (IsAny(i - 1, "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr")) return t;
        i++;
        var kind = TimeKind.Date;
        if (TimeWords.IsPartOfDay(W(i))) { i++; kind = TimeKind.DateTime; }
        // "Monday, Oct. 28": the explicit date that follows wins; let the month matcher take it.
        if (W(i).SequenceEqual(",") && MonthAt(i + 1) > 0) return t;
        if (direction == 0) direction = LooksAhead(from, i) ? 1 : -1;
        DateOnly? day = null;
        if (published is { } p)
        {
            int delta = weekday - (int)p.DayOfWeek;
            if (direction == 2) day = p.AddDays(delta);   // "this Friday": in the publication's week
            else if (delta == 0) day = direction == 1 && W(from).Equals("next", StringComparison.OrdinalIgnoreCase) ? p.AddDays(7) : p;
            else if (direction > 0) day = p.AddDays(delta > 0 ? delta : delta + 7);
            else day = p.AddDays(delta < 0 ? delta : delta - 7);
        }
        return Add(from, i, kind, day, null, null);
    }

    /// <summary>
    /// Whether the clause around [from, to) speaks of the future: the nearest tense word within a
    /// few tokens on either side decides ("talks were expected to resume on Thursday": ahead;
    /// "said on Tuesday": back). Back is the default: news mostly reports what happened.
    /// </summary>
    private bool LooksAhead(int from, int to)
    {
        for (int k = 1; k <= 6; k++)
        {
            int left = from - k;
            if (left >= 0)
            {
                if (_tokens[left].Kind == TokenKind.Punctuation && document.Text[_tokens[left].Start] is '.' or ';' or '?' or '!') break;
                if (TimeWords.IsPastWord(W(left))) return false;
                if (TimeWords.IsFutureWord(W(left))) return true;
            }
        }
        for (int k = 0; k < 6; k++)
        {
            int right = to + k;
            if (right >= _tokens.Length) break;
            if (_tokens[right].Kind == TokenKind.Punctuation && document.Text[_tokens[right].Start] is '.' or ';' or '?' or '!') break;
            if (TimeWords.IsPastWord(W(right))) return false;
            if (TimeWords.IsFutureWord(W(right))) return true;
        }
        return false;
    }

    // ---- "Oct. 31", "October 31, 2024", "Sept. 11, 2001", "October 2024", "in March"

    private int MonthAt(int t)
    {
        var w = W(t);
        if (w.IsEmpty || !char.IsUpper(w[0])) return 0;
        int month = TimeWords.Month(w);
        if (month == 0) return 0;
        // "May" and "March" are also a verb and a noun: they are months only beside a date word.
        if (w.Equals("May", StringComparison.Ordinal) || w.Equals("March", StringComparison.Ordinal))
        {
            bool dated = DayAt(t + 1) > 0 || YearAt(t + 1) > 0 || IsAny(t - 1, "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "through", "from", "to", "before", "after");
            if (!dated) return 0;
        }
        return month;
    }

    private int DayAt(int t)
    {
        if (t >= _tokens.Length || _tokens[t].Kind != TokenKind.Number) return 0;
        var w = W(t);
        return w.Length <= 2 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : 0;
    }

    private int YearAt(int t)
    {
        if (t >= _tokens.Length || _tokens[t].Kind != TokenKind.Number) return 0;
        var w = W(t);
        return w.Length == 4 && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1800 and <= 2200 ? y : 0;
    }

    private int MonthDate(int t)
    {
        int month = MonthAt(t);
        if (month == 0) return t;
        int i = t + 1;
        int day = DayAt(i);
        if (day > 0)
        {
            i++;
            int year = 0;
            if (W(i).SequenceEqual(",") && YearAt(i + 1) > 0) { year = YearAt(i + 1); i += 2; }
            else if (YearAt(i) > 0) { year = YearAt(i); i++; }
            return AddDay(t, i, year, month, day);
        }
        if (YearAt(i) > 0)
        {
            int y = YearAt(i);
            return Add(t, i + 1, TimeKind.Window, null, new DateOnly(y, month, 1), new DateOnly(y, month, DateTime.DaysInMonth(y, month)));
        }
        // A month alone: the nearest one in the direction the clause looks.
        int start = t;
        if (IsAny(t - 1, "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this")) start = t - 1;
        if (published is not { } p) return Add(start, t + 1, TimeKind.Window, null, null, null);
        int yearOf = LooksAhead(start, t + 1) || Is(t - 1, "next")
            ? (month > p.Month ? p.Year : p.Year + 1) == p.Year + 1 && month == p.Month ? p.Year : (month >= p.Month ? p.Year : p.Year + 1)
            : (month <= p.Month ? p.Year : p.Year - 1);
        if (Is(t - 1, "last") && month >= p.Month) yearOf = p.Year - 1;
        var first = new DateOnly(yearOf, month, 1);
        return Add(start, t + 1, TimeKind.Window, null, first, new DateOnly(yearOf, month, DateTime.DaysInMonth(yearOf, month)));
    }

    /// <summary>"31 October 2024", "1 May".</summary>
    private int DayMonth(int t)
    {
        int day = DayAt(t);
        if (day == 0) return t;
        int month = MonthAt(t + 1);
        if (month == 0) return t;
        int i = t + 2;
        int year = YearAt(i);
        if (year > 0) i++;
        return AddDay(t, i, year, month, day);
    }

    /// <summary>A day of a month, its year given or taken as the one that puts it nearest publication.</summary>
    private int AddDay(int from, int to, int year, int month, int day)
    {
        if (year == 0)
        {
            if (published is not { } p) return Add(from, to, TimeKind.Date, null, null, null);
            year = p.Year;
            // Within six months either side: an article of 2024-01-03 saying "Dec. 28" means 2023.
            if (month - p.Month > 6) year--;
            else if (p.Month - month > 6) year++;
        }
        if (day > DateTime.DaysInMonth(year, month)) return from;
        var date = new DateOnly(year, month, day);
        int end = to;
        var kind = TimeKind.Date;
        if (TimeWords.IsPartOfDay(W(end))) { end++; kind = TimeKind.DateTime; }
        return Add(from, end, kind, date, null, null);
    }

    // ---- "last week", "this month", "next year", "the past year", "last weekend"

    private int Period(int t)
    {
        int i = t;
        if (Is(i, "the") && IsAny(i + 1, "past", "previous")) i++;
        int direction;
        if (IsAny(i, "last", "past", "previous")) direction = -1;
        else if (Is(i, "this") || Is(i, "current")) direction = 0;
        else if (Is(i, "next")) direction = 1;
        else if (Is(i, "later") && Is(i + 1, "this")) { direction = 2; i++; }
        else return t;
        var unit = W(i + 1);
        if (published is not { } p)
        {
            return IsAny(i + 1, "week", "month", "year", "weekend") ? Add(t, i + 2, TimeKind.Window, null, null, null) : t;
        }
        DateOnly from, to;
        if (unit.Equals("week", StringComparison.OrdinalIgnoreCase))
        {
            var monday = p.AddDays(-(((int)p.DayOfWeek + 6) % 7));
            var start = monday.AddDays(7 * (direction == 2 ? 0 : direction));
            (from, to) = (start, start.AddDays(6));
        }
        else if (unit.Equals("weekend", StringComparison.OrdinalIgnoreCase))
        {
            var saturday = p.AddDays(6 - (int)p.DayOfWeek);
            if (direction < 0) saturday = saturday.AddDays(-7);
            else if (direction > 0 && p.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) saturday = saturday.AddDays(7);
            (from, to) = (saturday, saturday.AddDays(1));
        }
        else if (unit.Equals("month", StringComparison.OrdinalIgnoreCase))
        {
            var first = new DateOnly(p.Year, p.Month, 1).AddMonths(direction == 2 ? 0 : direction);
            (from, to) = (first, first.AddMonths(1).AddDays(-1));
        }
        else if (unit.Equals("year", StringComparison.OrdinalIgnoreCase))
        {
            int y = p.Year + (direction == 2 ? 0 : direction);
            (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
        else
        {
            return t;
        }
        // "later this year": from publication to the end of the period.
        if (direction == 2) from = p;
        return Add(t, i + 2, TimeKind.Window, null, from, to);
    }

    // ---- "next spring", "this summer", "last fall", "the winter of 2025"

    private int Season(int t)
    {
        int i = t, direction = 0;
        bool determined = false;
        if (IsAny(i, "last", "past")) { direction = -1; i++; determined = true; }
        else if (Is(i, "next") || Is(i, "coming")) { direction = 1; i++; determined = true; }
        else if (Is(i, "this")) { i++; determined = true; }
        else if (Is(i, "the")) { i++; }
        int startMonth = TimeWords.SeasonStartMonth(W(i));
        if (startMonth == 0) return t;
        int end = i + 1;
        int year = 0;
        if (YearAt(end) > 0) { year = YearAt(end); end++; }
        else if (Is(end, "of") && YearAt(end + 1) > 0) { year = YearAt(end + 1); end += 2; }
        if (!determined && year == 0) return t;
        if (year == 0)
        {
            if (published is not { } p) return Add(t, end, TimeKind.Season, null, null, null);
            year = p.Year + direction;
            // "next spring" said in June is the spring of the next year; "last winter" said in May began the December before.
            int seasonOfPublication = p.Month switch { 3 or 4 or 5 => 3, 6 or 7 or 8 => 6, 9 or 10 or 11 => 9, _ => 12 };
            if (direction == 1 && startMonth > seasonOfPublication && startMonth != 12) year = p.Year;
            if (direction == -1 && startMonth < seasonOfPublication) year = p.Year;
            if (startMonth == 12 && p.Month <= 2) year -= 1;
        }
        var from = new DateOnly(year, startMonth, 1);
        var to = from.AddMonths(3).AddDays(-1);
        return Add(t, end, TimeKind.Season, null, from, to);
    }

    // ---- "in 2023", "since 2023", "by 2030"

    private int Year(int t)
    {
        if (!IsAny(t, "in", "since", "by", "until", "before", "after", "during", "through", "from", "of")) return t;
        int year = YearAt(t + 1);
        if (year == 0) return t;
        // "in 2023 dollars", "2023 election": the year as a label, not a time (still its year).
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        if (Is(t, "since")) return Add(t, t + 2, TimeKind.Window, null, from, published);
        if (Is(t, "by") || Is(t, "until") || Is(t, "before")) return Add(t, t + 2, TimeKind.Window, null, null, to);
        return Add(t + 1, t + 2, TimeKind.Window, null, from, to);
    }

    // ---- "every Monday", "each year", "daily", "annually"

    private int Recurrence(int t)
    {
        if (IsAny(t, "daily", "weekly", "monthly", "annually", "yearly") && _tokens[t].Kind == TokenKind.Word)
        {
            // "a daily newspaper" is a thing, not a time; only a recurrence after a verb or at a clause end.
            if (Is(t - 1, "a") || Is(t - 1, "the")) return t;
            return Add(t, t + 1, TimeKind.Set, null, null, null);
        }
        if (!IsAny(t, "every", "each")) return t;
        if (TimeWords.UnitDays(W(t + 1)) > 0 || TimeWords.Weekday(W(t + 1)) >= 0) return Add(t, t + 2, TimeKind.Set, null, null, null);
        return t;
    }

    // ---- "for three years", "for two weeks"

    private int Duration(int t)
    {
        if (!Is(t, "for")) return t;
        int i = t + 1;
        int count = Number(i);
        if (count == 0 && !IsAny(i, "several", "many")) return t;
        i++;
        if (Is(i, "more")) i++;
        if (TimeWords.UnitDays(W(i)) == 0) return t;
        return Add(t + 1, i + 1, TimeKind.Duration, null, null, null);
    }
}

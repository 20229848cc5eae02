namespace Verbatim.Times;

/// <summary>
/// Calendar arithmetic for resolving time expressions: ISO weeks (Monday to Sunday), periods around
/// a day, meteorological seasons of the northern hemisphere, and the choice of year for a date
/// written without one. Pure functions; docs/times.md gives the reasons for each convention.
/// </summary>
internal static class Calendar
{
    /// <summary>Days ahead a date without a year may lie and still be read as past ("Oct. 31" in a story of Nov. 1).</summary>
    public const int PastSlackDays = 60;

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    public static int IsoDay(DateOnly day) => ((int)day.DayOfWeek + 6) % 7 + 1;

    /// <summary>
    /// The weekday <paramref name="isoDay"/> nearest <paramref name="anchor"/> in the given direction:
    /// ahead or back, and whether the anchor itself counts (news names the publication day by its
    /// weekday: "said Friday" in Friday's paper).
    /// </summary>
    public static DateOnly Weekday(DateOnly anchor, int isoDay, bool ahead, bool strict)
    {
        int today = IsoDay(anchor);
        int delta = ahead ? (isoDay - today + 7) % 7 : (today - isoDay + 7) % 7;
        if (delta == 0 && strict) delta = 7;
        return anchor.AddDays(ahead ? delta : -delta);
    }

    /// <summary>Adds <paramref name="n"/> units; an hour or a minute counts as part of a day (rounded up).</summary>
    public static DateOnly Add(DateOnly day, int unit, int n) => unit switch
    {
        Units.Day => day.AddDays(n),
        Units.Week or Units.Weekend => day.AddDays(7 * n),
        Units.Fortnight => day.AddDays(14 * n),
        Units.Month => day.AddMonths(n),
        Units.Year => day.AddYears(n),
        Units.Decade => day.AddYears(10 * n),
        Units.Hour => day.AddDays(Math.Sign(n) * ((Math.Abs(n) + 23) / 24)),
        _ => day,
    };

    /// <summary>The calendar period of a unit that holds <paramref name="anchor"/>, moved by <paramref name="shift"/> periods ("last week", "next month").</summary>
    public static (DateOnly From, DateOnly To)? Period(DateOnly anchor, int unit, int shift)
    {
        switch (unit)
        {
            case Units.Week:
                var monday = WeekStart(anchor).AddDays(7 * shift);
                return (monday, monday.AddDays(6));
            case Units.Weekend:
                // This weekend is the one of this ISO week; last weekend the one before that week began.
                var saturday = WeekStart(anchor).AddDays(5 + 7 * shift);
                return (saturday, saturday.AddDays(1));
            case Units.Month:
                var first = new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(shift);
                return (first, MonthEnd(first.Year, first.Month));
            case Units.Year:
                return Year(anchor.Year + shift);
            case Units.Decade:
                int start = anchor.Year / 10 * 10 + 10 * shift;
                return (new DateOnly(start, 1, 1), new DateOnly(start + 9, 12, 31));
            default:
                return null;
        }
    }

    public static (DateOnly From, DateOnly To) Year(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static (DateOnly From, DateOnly To) Month(int year, int month) => (new DateOnly(year, month, 1), MonthEnd(year, month));

    /// <summary>Meteorological seasons, northern hemisphere: winter <paramref name="year"/> runs from December of that year to February of the next.</summary>
    public static (DateOnly From, DateOnly To) Season(int season, int year) => season switch
    {
        1 => (new DateOnly(year, 3, 1), new DateOnly(year, 5, 31)),
        2 => (new DateOnly(year, 6, 1), new DateOnly(year, 8, 31)),
        3 => (new DateOnly(year, 9, 1), new DateOnly(year, 11, 30)),
        _ => (new DateOnly(year, 12, 1), MonthEnd(year + 1, 2)),
    };

    /// <summary>
    /// A season relative to the anchor. <paramref name="shift"/>: -1 the last one over, 1 the next
    /// to begin, 0 the one under way or else this year's; null (no modifier) the one under way, else
    /// the next when the sentence looks ahead, else the last.
    /// </summary>
    public static (DateOnly From, DateOnly To) Season(DateOnly anchor, int season, int? shift, bool ahead)
    {
        (DateOnly From, DateOnly To) last = default, current = default, next = default;
        bool hasCurrent = false, hasLast = false, hasNext = false;
        for (int y = anchor.Year - 2; y <= anchor.Year + 1; y++)
        {
            var s = Season(season, y);
            if (s.To < anchor) { last = s; hasLast = true; }
            else if (s.From > anchor) { if (!hasNext) { next = s; hasNext = true; } }
            else { current = s; hasCurrent = true; }
        }
        return shift switch
        {
            -1 => last,
            1 => next,
            0 => hasCurrent ? current : Season(season, anchor.Year),
            _ => hasCurrent ? current : ahead || !hasLast ? next : last,
        };
    }

    /// <summary>
    /// The year of a month and day written without one: ahead, the first on or after the anchor;
    /// otherwise the latest no more than <see cref="PastSlackDays"/> after it ("Dec. 28" in a story
    /// of Jan. 3 is last year's). Null when the day does not exist (Feb. 30).
    /// </summary>
    public static DateOnly? DayWithoutYear(DateOnly anchor, int month, int day, bool ahead)
    {
        DateOnly? best = null;
        for (int y = anchor.Year - 1; y <= anchor.Year + 1; y++)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            if (ahead ? d >= anchor && best is null : d <= anchor.AddDays(PastSlackDays)) best = ahead ? best ?? d : d;
        }
        return best;
    }

    /// <summary>The year of a month named alone ("in March"), by the same rule as <see cref="DayWithoutYear"/>.</summary>
    public static (DateOnly From, DateOnly To) MonthWithoutYear(DateOnly anchor, int month, bool ahead)
    {
        for (int y = ahead ? anchor.Year - 1 : anchor.Year + 1; ahead ? y <= anchor.Year + 1 : y >= anchor.Year - 1; y += ahead ? 1 : -1)
        {
            var m = Month(y, month);
            if (ahead ? m.To >= anchor : m.From <= anchor.AddDays(PastSlackDays)) return m;
        }
        return Month(anchor.Year, month);
    }

    /// <summary>A third of a month (days 1-10, 11-20, 21-end) or of a year (Jan-Apr, May-Aug, Sep-Dec): "early", "mid", "late".</summary>
    public static (DateOnly From, DateOnly To) Third((DateOnly From, DateOnly To) period, int edge, bool ofYear)
    {
        if (ofYear)
        {
            var from = period.From.AddMonths(4 * (edge - 1));
            return (from, from.AddMonths(4).AddDays(-1));
        }
        var start = period.From.AddDays(10 * (edge - 1));
        return (start, edge == 3 ? period.To : start.AddDays(9));
    }

    /// <summary>How far a horizon with no figure reaches ("the coming days"); docs/times.md gives the reasons.</summary>
    public static DateOnly VagueReach(DateOnly anchor, int unit, int direction) => unit switch
    {
        Units.Day or Units.Hour or Units.Minute => anchor.AddDays(7 * direction),
        Units.Week or Units.Weekend or Units.Fortnight => anchor.AddMonths(direction),
        Units.Month => anchor.AddMonths(6 * direction),
        Units.Year => anchor.AddYears(5 * direction),
        _ => anchor.AddYears(20 * direction),
    };
}

namespace Verbatim.Times;

/// <summary>The words time expressions are made of: months, weekdays, units, seasons, number words.</summary>
internal static class TimeWords
{
    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup(Dictionary<string, int> map) =>
        map.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, int> MonthMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan."] = 1, ["jan"] = 1, ["february"] = 2, ["feb."] = 2, ["feb"] = 2,
        ["march"] = 3, ["mar."] = 3, ["april"] = 4, ["apr."] = 4, ["may"] = 5, ["june"] = 6, ["jun."] = 6,
        ["july"] = 7, ["jul."] = 7, ["august"] = 8, ["aug."] = 8, ["aug"] = 8, ["september"] = 9, ["sept."] = 9,
        ["sep."] = 9, ["sept"] = 9, ["october"] = 10, ["oct."] = 10, ["oct"] = 10, ["november"] = 11, ["nov."] = 11,
        ["nov"] = 11, ["december"] = 12, ["dec."] = 12, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> WeekdayMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 0,
    };

    /// <summary>Units in days: a week 7, a month 30, a year 365 (only used for windows' ends, where calendars are added properly).</summary>
    private static readonly Dictionary<string, int> UnitMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = 1, ["days"] = 1, ["week"] = 7, ["weeks"] = 7, ["month"] = 30, ["months"] = 30,
        ["year"] = 365, ["years"] = 365, ["decade"] = 3650, ["decades"] = 3650,
    };

    private static readonly Dictionary<string, int> SeasonMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spring"] = 3, ["summer"] = 6, ["fall"] = 9, ["autumn"] = 9, ["winter"] = 12,
    };

    private static readonly Dictionary<string, int> NumberMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["few"] = 3, ["several"] = 3, ["couple"] = 2,
    };

    private static readonly Dictionary<string, int> PartOfDayMap = new(StringComparer.OrdinalIgnoreCase)
    {
        ["morning"] = 1, ["afternoon"] = 2, ["evening"] = 3, ["night"] = 4,
    };

    public static int Month(ReadOnlySpan<char> w) => Lookup(MonthMap).TryGetValue(w, out var m) ? m : 0;

    /// <summary>0 for Sunday … 6 for Saturday (as <see cref="DayOfWeek"/>), -1 when not a weekday.</summary>
    public static int Weekday(ReadOnlySpan<char> w) => Lookup(WeekdayMap).TryGetValue(w, out var d) ? d : -1;

    public static int UnitDays(ReadOnlySpan<char> w) => Lookup(UnitMap).TryGetValue(w, out var d) ? d : 0;

    public static int SeasonStartMonth(ReadOnlySpan<char> w) => Lookup(SeasonMap).TryGetValue(w, out var m) ? m : 0;

    public static int Number(ReadOnlySpan<char> w) => Lookup(NumberMap).TryGetValue(w, out var n) ? n : 0;

    public static bool IsPartOfDay(ReadOnlySpan<char> w) => Lookup(PartOfDayMap).ContainsKey(w);

    /// <summary>Words before a time that make it point ahead ("will", "expected", "scheduled").</summary>
    private static readonly HashSet<string> FutureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "’ll", "'ll", "would", "shall", "expected", "expects", "expect", "scheduled", "plans", "planned", "plan",
        "set", "due", "upcoming", "going", "intends", "aims", "until", "before",
        "promised", "promises", "pledged", "vowed", "hopes", "wants", "target", "deadline", "next",
    };

    /// <summary>Words that make it point back ("said", "was", "did").</summary>
    private static readonly HashSet<string> PastWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "was", "were", "did", "had", "announced", "met", "held", "reported", "killed", "died",
        "signed", "voted", "won", "lost", "arrived", "left", "came", "went", "took", "gave", "made", "wrote", "ago", "since",
    };

    public static bool IsFutureWord(ReadOnlySpan<char> w) => FutureWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);

    public static bool IsPastWord(ReadOnlySpan<char> w) => PastWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
}

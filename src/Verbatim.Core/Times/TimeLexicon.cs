using System.Reflection;

namespace Verbatim.Times;

/// <summary>The classes of Lexicons/time-words.txt (its header says what each VALUE means).</summary>
internal enum TimeWordClass : byte
{
    None,
    Month,
    Weekday,
    RelativeDay,
    Shift,
    Unit,
    Season,
    DayPart,
    Count,
    Rate,
    Future,
    Speech,
    Vague,
    FutureNoun,
    Near,
    Every,
    Frequency,
    Edge,
    End,
    PeriodEnd,
    Preposition,
    Later,
    Ago,
    The,
    Intensifier,
    Honorific,
}

[Flags]
internal enum TimeWordFlags : byte
{
    None = 0,
    /// <summary>"Oct.": a month only before a day or a year.</summary>
    Abbreviation = 1,
    /// <summary>"May", "March", "fall": a time word only in a time context.</summary>
    Ambiguous = 2,
    /// <summary>"days", "Mondays".</summary>
    Plural = 4,
    /// <summary>"the past week": counted from the publication date, not a calendar period.</summary>
    Rolling = 8,
}

internal readonly record struct TimeWord(TimeWordClass Class, short Value, TimeWordFlags Flags)
{
    public bool Is(TimeWordClass c) => Class == c;
}

internal static class Units
{
    public const int Day = 1, Week = 2, Month = 3, Year = 4, Decade = 5, Weekend = 6, Fortnight = 7, Hour = 8, Minute = 9;
}

internal static class Preps
{
    public const int In = 1, Since = 2, By = 3, Until = 4, Within = 5, Over = 6, During = 7, For = 8, On = 9, At = 10,
        Before = 11, After = 12, From = 13, Through = 14, Throughout = 15, Of = 16, Between = 17, And = 18, To = 19;
}

/// <summary>
/// The words of Lexicons/time-words.txt, read once per process. A lookup takes the token's text,
/// lower-cased into a stack buffer: no string is built per token.
/// </summary>
internal static class TimeLexicon
{
    public const int MaxLength = 16;
    private const string Resource = "Verbatim.Lexicons.time-words.txt";

    private static readonly Dictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Words = Load();

    /// <summary>The entry for a word as written (any case; ’ counts as '), or default when it has none.</summary>
    public static TimeWord Of(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > MaxLength) return default;
        Span<char> lower = stackalloc char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            lower[i] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
        return Words.TryGetValue(lower, out var entry) ? entry : default;
    }

    private static Dictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        var words = new Dictionary<string, TimeWord>(StringComparer.Ordinal);
        foreach (var (_, line) in Lexicons.LexiconFile.Read(Resource["Verbatim.Lexicons.".Length..]))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3) throw new InvalidDataException($"{Resource}: '{line}' needs a class, a value and a form");
            var (cls, flags) = ClassOf(parts[0]);
            short value = short.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 2; i < parts.Length; i++)
            {
                var form = parts[i];
                var f = flags;
                // A plural is the lemma plus "s" on the same line: "days", "Mondays".
                if ((cls is TimeWordClass.Unit or TimeWordClass.Weekday) && i > 2 && form.EndsWith('s')) f |= TimeWordFlags.Plural;
                if (!words.TryAdd(form, new TimeWord(cls, value, f)))
                {
                    throw new InvalidDataException($"{Resource}: '{form}' is listed twice");
                }
            }
        }
        return words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static (TimeWordClass, TimeWordFlags) ClassOf(string name) => name switch
    {
        "month" => (TimeWordClass.Month, TimeWordFlags.None),
        "month-ambiguous" => (TimeWordClass.Month, TimeWordFlags.Ambiguous),
        "month-abbr" => (TimeWordClass.Month, TimeWordFlags.Abbreviation),
        "weekday" => (TimeWordClass.Weekday, TimeWordFlags.None),
        "relative-day" => (TimeWordClass.RelativeDay, TimeWordFlags.None),
        "shift" => (TimeWordClass.Shift, TimeWordFlags.None),
        "shift-rolling" => (TimeWordClass.Shift, TimeWordFlags.Rolling),
        "unit" => (TimeWordClass.Unit, TimeWordFlags.None),
        "season" => (TimeWordClass.Season, TimeWordFlags.None),
        "season-ambiguous" => (TimeWordClass.Season, TimeWordFlags.Ambiguous),
        "day-part" => (TimeWordClass.DayPart, TimeWordFlags.None),
        "count" => (TimeWordClass.Count, TimeWordFlags.None),
        "rate" => (TimeWordClass.Rate, TimeWordFlags.None),
        "future" => (TimeWordClass.Future, TimeWordFlags.None),
        "speech" => (TimeWordClass.Speech, TimeWordFlags.None),
        "vague" => (TimeWordClass.Vague, TimeWordFlags.None),
        "future-noun" => (TimeWordClass.FutureNoun, TimeWordFlags.None),
        "near" => (TimeWordClass.Near, TimeWordFlags.None),
        "every" => (TimeWordClass.Every, TimeWordFlags.None),
        "frequency" => (TimeWordClass.Frequency, TimeWordFlags.None),
        "edge" => (TimeWordClass.Edge, TimeWordFlags.None),
        "end" => (TimeWordClass.End, TimeWordFlags.None),
        "period-end" => (TimeWordClass.PeriodEnd, TimeWordFlags.None),
        "preposition" => (TimeWordClass.Preposition, TimeWordFlags.None),
        "later" => (TimeWordClass.Later, TimeWordFlags.None),
        "ago" => (TimeWordClass.Ago, TimeWordFlags.None),
        "the" => (TimeWordClass.The, TimeWordFlags.None),
        "intensifier" => (TimeWordClass.Intensifier, TimeWordFlags.None),
        "honorific" => (TimeWordClass.Honorific, TimeWordFlags.None),
        _ => throw new InvalidDataException($"{Resource}: unknown class '{name}'"),
    };
}

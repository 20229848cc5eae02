namespace Verbatim.Forecasts;

/// <summary>
/// The words that make a clause speak of the future, and the modality each gives. Ordered by
/// strength: when a clause holds several ("we expect that they will"), the strongest names it.
/// </summary>
internal static class FutureMarkers
{
    // Modalities, strongest first.
    public const string Announce = "announce", Expect = "expect", Plan = "plan", Goal = "goal",
        Warn = "warn", Conditional = "conditional", Will = "will", Could = "could";

    public static int Strength(string modality) => modality switch
    {
        Announce => 7,
        Expect => 6,
        Plan => 5,
        Goal => 4,
        Warn => 3,
        Conditional => 2,
        Will => 1,
        _ => 0,
    };

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["expect"] = Expect, ["expects"] = Expect, ["expected"] = Expect, ["expecting"] = Expect,
        ["anticipate"] = Expect, ["anticipates"] = Expect, ["anticipated"] = Expect,
        ["predict"] = Expect, ["predicts"] = Expect, ["predicted"] = Expect, ["forecast"] = Expect, ["forecasts"] = Expect,
        ["likely"] = Expect,
        ["warn"] = Warn, ["warns"] = Warn, ["warned"] = Warn,
    };

    /// <summary>Verbs that speak of the future only with a following "to": "plans to", "hopes to".</summary>
    private static readonly Dictionary<string, string> ToVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = Plan, ["plans"] = Plan, ["planned"] = Plan, ["planning"] = Plan,
        ["intend"] = Plan, ["intends"] = Plan, ["intended"] = Plan,
        ["scheduled"] = Plan, ["set"] = Plan, ["preparing"] = Plan, ["prepares"] = Plan, ["due"] = Plan,
        ["aim"] = Goal, ["aims"] = Goal, ["aimed"] = Goal, ["hope"] = Goal, ["hopes"] = Goal, ["hoped"] = Goal,
        ["want"] = Goal, ["wants"] = Goal, ["seek"] = Goal, ["seeks"] = Goal, ["vowed"] = Goal, ["vows"] = Goal,
        ["promised"] = Goal, ["promises"] = Goal, ["pledged"] = Goal, ["pledges"] = Goal,
        ["going"] = Will, ["about"] = Will,
    };

    private static readonly Dictionary<string, string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["will"] = Will, ["’ll"] = Will, ["'ll"] = Will, ["shall"] = Will, ["wo"] = Will,   // "wo" + "n't"
        ["would"] = Will, ["could"] = Could, ["might"] = Could, ["may"] = Could,
    };

    /// <summary>Verbs of announcing: "to be announced", "will unveil".</summary>
    private static readonly HashSet<string> AnnounceVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "announced", "announce", "unveiled", "unveil", "released", "release", "presented", "present", "published", "publish", "revealed", "reveal",
    };

    public static string? VerbModality(ReadOnlySpan<char> word) =>
        Verbs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var m) ? m : null;

    public static string? ToVerbModality(ReadOnlySpan<char> word) =>
        ToVerbs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var m) ? m : null;

    public static string? ModalModality(ReadOnlySpan<char> word) =>
        Modals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var m) ? m : null;

    public static bool IsAnnounceVerb(ReadOnlySpan<char> word) => AnnounceVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}

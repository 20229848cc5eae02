using System.Collections.Frozen;

namespace Verbatim.Text;

/// <summary>How an abbreviation that keeps its period behaves at a possible sentence end.</summary>
public enum AbbreviationClass : byte
{
    /// <summary>Not an abbreviation: a following period is a full stop.</summary>
    None,
    /// <summary>Comes before a name or a number and never ends a sentence ("Gen.", "Sept.").</summary>
    Title,
    /// <summary>May end a sentence ("U.S.", "Inc.", "Jr.", an initial).</summary>
    Final,
    /// <summary>An abbreviation only when a number follows ("No. 5").</summary>
    Number,
}

/// <summary>
/// The abbreviation and sentence-opener lexicons (Lexicons/abbreviations.txt and
/// Lexicons/sentence-starters.txt, embedded in the assembly so that linguists can edit plain
/// text). Lookups take spans of the document text, so the hot loops never allocate.
/// </summary>
public static class Abbreviations
{
    private static readonly FrozenDictionary<string, AbbreviationClass> Classes = LoadClasses();
    private static readonly FrozenDictionary<string, AbbreviationClass>.AlternateLookup<ReadOnlySpan<char>> ClassLookup =
        Classes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string> Starters = LoadLines("sentence-starters").ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The class of <paramref name="word"/> (given without its final period) in the lexicon.</summary>
    public static AbbreviationClass Lookup(ReadOnlySpan<char> word) =>
        ClassLookup.TryGetValue(word, out var cls) ? cls : AbbreviationClass.None;

    /// <summary>
    /// The class of a token that ends with a period: see <see cref="ClassifyWord"/>; None when
    /// the token has no final period.
    /// </summary>
    public static AbbreviationClass Classify(ReadOnlySpan<char> tokenWithPeriod) =>
        tokenWithPeriod.Length >= 2 && tokenWithPeriod[^1] == '.' ? ClassifyWord(tokenWithPeriod[..^1]) : AbbreviationClass.None;

    /// <summary>
    /// The class of <paramref name="word"/> (given without the period that follows it): the
    /// lexicon's for a listed word or the last part of a hyphenated one (the "Mass" of AP style's
    /// "D-Mass."); Final for shapes that are abbreviations on their own (dotted acronyms such as
    /// "U.S" and "a.m", single initials such as "J"); None otherwise.
    /// </summary>
    public static AbbreviationClass ClassifyWord(ReadOnlySpan<char> word)
    {
        var cls = Lookup(word);
        if (cls != AbbreviationClass.None)
        {
            return cls;
        }
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1 && Lookup(word[(hyphen + 1)..]) is var part and not AbbreviationClass.None)
        {
            return part;
        }
        return IsInitial(word) || IsDottedAcronym(word) ? AbbreviationClass.Final : AbbreviationClass.None;
    }

    /// <summary>True for a capitalised word that commonly opens a sentence ("The", "He", "But").</summary>
    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);

    /// <summary>A single capital letter, as in the "F" of "John F. Kennedy".</summary>
    internal static bool IsInitial(ReadOnlySpan<char> word) => word.Length == 1 && char.IsUpper(word[0]);

    /// <summary>
    /// Letters in short dot-separated groups with at least one inner dot: "U.S", "D.P.R.K",
    /// "a.m", "Ph.D". Longer groups ("nytimes.com") are names, not abbreviations.
    /// </summary>
    internal static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        int group = 0, dots = 0;
        foreach (char c in word)
        {
            if (c == '.')
            {
                if (group == 0) return false;
                dots++;
                group = 0;
            }
            else if (char.IsLetter(c))
            {
                if (++group > 2) return false;
            }
            else
            {
                return false;
            }
        }
        return dots > 0 && group > 0;
    }

    private static FrozenDictionary<string, AbbreviationClass> LoadClasses()
    {
        var map = new Dictionary<string, AbbreviationClass>(StringComparer.Ordinal);
        foreach (var line in LoadLines("abbreviations"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Enum.TryParse<AbbreviationClass>(parts[1], ignoreCase: true, out var cls) || cls == AbbreviationClass.None)
            {
                throw new InvalidDataException($"Lexicons/abbreviations.txt: cannot read line \"{line}\" (expected: WORD title|final|number).");
            }
            map[parts[0]] = cls;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The non-blank, non-comment lines of an embedded lexicon.</summary>
    internal static IEnumerable<string> LoadLines(string name)
    {
        return Lexicons.LexiconFile.Read(name + ".txt").Select(entry => entry.Line).ToList();
    }
}

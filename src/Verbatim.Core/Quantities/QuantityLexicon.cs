using System.Collections.Frozen;
using System.Globalization;
using Verbatim.Text;

namespace Verbatim.Quantities;

/// <summary>A phrase of the lexicon as lower-case words (hyphens dropped), what it maps to, and a scale factor.</summary>
internal sealed record Phrase(string[] Words, string Name, double Scale);

/// <summary>
/// Phrases indexed by their first word (matched forward from a position) or their last word
/// (matched backward), longest first, so a lookup costs one dictionary probe per position.
/// </summary>
internal sealed class PhraseTable
{
    private readonly FrozenDictionary<string, Phrase[]> _byKey;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseTable(IEnumerable<Phrase> phrases, bool backward)
    {
        _byKey = phrases
            .GroupBy(p => backward ? p.Words[^1] : p.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> key, out Phrase[] phrases) => _lookup.TryGetValue(key, out phrases!);

    public bool Contains(ReadOnlySpan<char> key) => _lookup.ContainsKey(key);
}

/// <summary>
/// The words the quantity stage knows: number words, scales, units, currencies, hedges, movements,
/// rates and the words that make a figure a label or a date. Read once from
/// Lexicons/quantities.txt (embedded), which is meant to be read and extended by people.
/// </summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> s_default = new(() => Load("quantities.txt"));

    public static QuantityLexicon Default => s_default.Value;

    /// <summary>Every single word that can start or continue a spelled-out number (numbers, scales, fractions, ...).</summary>
    public required FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Numbers { get; init; }
    public required FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Scales { get; init; }
    public required FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> RoundFigures { get; init; }
    public required FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Fractions { get; init; }
    public required FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Multipliers { get; init; }
    public required PhraseTable Units { get; init; }
    public required PhraseTable PrefixUnits { get; init; }
    public required PhraseTable Hedges { get; init; }
    public required PhraseTable Trends { get; init; }
    public required PhraseTable TrendsAfter { get; init; }
    public required PhraseTable Per { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPerBefore { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountedStop { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PluralNouns { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Labels { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Months { get; init; }
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Clock { get; init; }

    /// <summary>Any word that a number made of words can start with: checked for every word token.</summary>
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberStarts { get; init; }

    internal static QuantityLexicon Load(string file)
    {
        var sections = Read(file);
        List<(string Name, string Variant)> Get(string section) => sections.TryGetValue(section, out var v) ? v : [];

        FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Values(string section) =>
            Get(section).GroupBy(e => e.Variant, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(g => g.Key, g => double.Parse(g.First().Name, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
                .GetAlternateLookup<ReadOnlySpan<char>>();
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string section) =>
            Get(section).Select(e => e.Variant).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        PhraseTable Phrases(bool backward, params string[] names) =>
            new(names.SelectMany(n => Get(n).Select(e => ToPhrase(e.Variant, e.Name.Length > 0 ? e.Name : n))), backward);

        var starts = new[] { "numbers", "scales", "round-figures", "fractions", "multipliers" }
            .SelectMany(s => Get(s).Select(e => e.Variant))
            .Where(v => !v.Contains(' ') && (v.Length > 1 || char.IsLower(v[0]) && v != "m" && v != "k"))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

        return new QuantityLexicon
        {
            Numbers = Values("numbers"),
            Scales = Values("scales"),
            RoundFigures = Values("round-figures"),
            Fractions = Values("fractions"),
            Multipliers = Values("multipliers"),
            Units = Phrases(false, "units"),
            PrefixUnits = Phrases(true, "prefix-units"),
            Hedges = Phrases(true, "approx", "upper", "lower"),
            Trends = Phrases(true, "up", "down"),
            TrendsAfter = Phrases(false, "up-after", "down-after"),
            Per = Phrases(false, "per"),
            NotPerBefore = Set("not-per-before"),
            CountedStop = Set("counted-stop"),
            PluralNouns = Set("plural-nouns"),
            Labels = Set("labels"),
            Months = Set("months"),
            Clock = Set("clock"),
            NumberStarts = starts.GetAlternateLookup<ReadOnlySpan<char>>(),
        };
    }

    /// <summary>A variant as the tokenizer would split it in running text, lower-cased, hyphens dropped; "*N" sets a scale.</summary>
    private static Phrase ToPhrase(string variant, string name)
    {
        double scale = 1;
        int star = variant.LastIndexOf('*');
        if (star > 0 && double.TryParse(variant.AsSpan(star + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double s))
        {
            scale = s;
            variant = variant[..star];
        }
        var words = new List<string>();
        foreach (var token in Tokenizer.Tokenize(variant))
        {
            var text = variant.AsSpan(token.Start, token.Length);
            if (text.Length == 1 && TextChars.IsHyphen(text[0])) continue;
            // Hyphenated words are split as the stage splits them.
            foreach (var part in text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(part.ToLowerInvariant());
            }
        }
        return new Phrase([.. words], name, scale);
    }

    /// <summary>Sections of "name = variant | variant" or "variant | variant" lines; '#' starts a comment.</summary>
    private static Dictionary<string, List<(string Name, string Variant)>> Read(string file)
    {
        var sections = new Dictionary<string, List<(string, string)>>();
        foreach (var (section, line) in Lexicons.LexiconFile.Read(file))
        {
            if (!sections.TryGetValue(section, out var current)) sections[section] = current = [];
            // "=" separates the name only when it is surrounded by spaces, so "=" never needs escaping in variants.
            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            string name = eq > 0 ? line[..eq].Trim() : "";
            string rest = eq > 0 ? line[(eq + 3)..] : line;
            foreach (var v in rest.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                current.Add((name, v));
            }
        }
        return sections;
    }
}

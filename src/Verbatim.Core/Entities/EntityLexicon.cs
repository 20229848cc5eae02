using System.Collections.Frozen;
using Verbatim.Speakers;
using Verbatim.Text;

namespace Verbatim.Entities;

/// <summary>A name the lexicons know: what it normalises to and what kind of thing it names.</summary>
internal readonly record struct KnownName(string Name, EntityType Type);

/// <summary>
/// The word lists the entity stage reads. Names, aliases, given names and function words come from
/// the speaker lexicon, so that both layers normalise a name the same way; titles and nationality
/// adjectives are read from the speaker lexicon's files (its own matchers work only over its word
/// sequence); Lexicons/entities.txt adds the places, organisations and curated world figures that
/// are entities without being speakers. Every table is keyed for lookup by a span of the text, so
/// recognising a name costs no allocation until a name is found.
/// </summary>
internal sealed class EntityLexicon
{
    private static readonly Lazy<EntityLexicon> s_default = new(Load);

    public static EntityLexicon Default => s_default.Value;

    private EntityLexicon(
        Dictionary<string, KnownName> known,
        Dictionary<string, string> people,
        TokenPhrases titles,
        TokenPhrases demonyms,
        HashSet<string> titleLastWords,
        HashSet<string> placeWords,
        HashSet<string> organizationWords,
        HashSet<string> joinerHeads,
        HashSet<string> notNames,
        SpeakerLexicon speakers)
    {
        Known = known.ToFrozenDictionary(StringComparer.Ordinal);
        People = people.ToFrozenDictionary(StringComparer.Ordinal);
        Titles = titles;
        Demonyms = demonyms;
        TitleLastWords = titleLastWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        PlaceWords = placeWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        OrganizationWords = organizationWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        JoinerHeads = joinerHeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        NotNames = notNames.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        GivenNames = speakers.GivenNames.GetAlternateLookup<ReadOnlySpan<char>>();
        KnownBySpan = Known.GetAlternateLookup<ReadOnlySpan<char>>();
        // One lookup per capitalised word instead of three: function words and non-names, less the
        // known names among them.
        NeverNames = speakers.FunctionWords.Concat(notNames).Where(w => !known.ContainsKey(w))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // A run of several words is only worth joining into a string for lookup when its first
        // word starts some known name of several words.
        KnownFirstWords = known.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')])
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Places and organisations by every form the text may give them ("U.S.", "Kiev", "NATO").</summary>
    public FrozenDictionary<string, KnownName> Known { get; }
    public FrozenDictionary<string, KnownName>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan { get; }

    /// <summary>Curated world figures: a bare surname (or any listed form) → the full name.</summary>
    public FrozenDictionary<string, string> People { get; }

    /// <summary>Titles and courtesy titles that a person's name follows ("Secretary of State", "Gen.", "Mr.").</summary>
    public TokenPhrases Titles { get; }

    /// <summary>Nationality adjectives ("Russian", "North Korean"): not entities themselves.</summary>
    public TokenPhrases Demonyms { get; }

    /// <summary>Last words of titles, lowercase titles before a name included ("foreign minister Cho").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLastWords { get; }
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWords { get; }
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationWords { get; }
    /// <summary>Words after which "of" continues a name: "Republic of Korea", "Bank of England".</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> JoinerHeads { get; }
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames { get; }
    /// <summary>Words that make a run of capitals a thing rather than a person: "Second Amendment", "Information Act".</summary>
    public required FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ThingWords { get; init; }
    public FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> GivenNames { get; }
    /// <summary>Capitalised words that never start or continue a name: function words ("The", "And"), months, weekdays, [not-names].</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverNames { get; }
    /// <summary>First words of the known names of several words ("United" of "United States").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownFirstWords { get; }

    private static EntityLexicon Load()
    {
        var speakers = SpeakerLexicon.Default;
        var known = new Dictionary<string, KnownName>(StringComparer.Ordinal);
        // The speakers' places first: a name both lexicons know normalises as the speakers say.
        foreach (var (form, place) in speakers.Places)
        {
            known[form] = new KnownName(place.Name, place.IsCountry ? EntityType.Place : EntityType.Organization);
        }

        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        var placeWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var organizationWords = new HashSet<string>(speakers.OrganizationNouns, StringComparer.OrdinalIgnoreCase);
        var notNames = new HashSet<string>(StringComparer.Ordinal);
        var extraTitles = new List<string>();
        var thingWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, name, variants) in ReadLines("entities.txt"))
        {
            switch (section)
            {
                case "places" or "organizations":
                    var entry = new KnownName(name, section == "places" ? EntityType.Place : EntityType.Organization);
                    known.TryAdd(name, entry);
                    foreach (var variant in variants)
                    {
                        known.TryAdd(variant, entry);
                    }
                    break;
                case "people":
                    people.TryAdd(name, name);
                    foreach (var variant in variants)
                    {
                        people.TryAdd(variant, name);
                    }
                    break;
                case "place-words":
                    placeWords.Add(name);
                    break;
                case "organization-words":
                    organizationWords.Add(name);
                    break;
                case "thing-words":
                    thingWords.Add(name);
                    break;
                case "titles":
                    extraTitles.Add(name);
                    break;
                case "not-names":
                    notNames.Add(name);
                    break;
            }
        }

        var titles = new TokenPhrases(ignoreCase: true);
        var titleLastWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, name, _) in ReadLines("speaker-titles.txt"))
        {
            titles.Add(name);
            titleLastWords.Add(name[(name.LastIndexOf(' ') + 1)..]);
        }
        foreach (var title in extraTitles)
        {
            titles.Add(title);
            titleLastWords.Add(title[(title.LastIndexOf(' ') + 1)..]);
        }
        foreach (var honorific in speakers.Honorifics.Keys)
        {
            titles.Add(honorific);
        }

        var demonyms = new TokenPhrases(ignoreCase: false);
        foreach (var (_, _, variants) in ReadLines("speaker-places.txt"))
        {
            foreach (var variant in variants)
            {
                if (variant.StartsWith("adj=", StringComparison.Ordinal))
                {
                    demonyms.Add(variant[4..]);
                }
            }
        }

        var joinerHeads = new HashSet<string>(organizationWords, StringComparer.OrdinalIgnoreCase)
        {
            "republic", "kingdom", "states", "city", "province", "region", "house", "chamber", "college",
            "school", "isle", "gulf", "bay", "sea", "cape", "lake", "strait", "organization", "organisation",
            "association", "federation", "league", "people’s", "people's", "group", "chiefs", "ministry",
            "department", "university", "bank", "court", "council", "committee", "commission", "institute",
        };

        return new EntityLexicon(known, people, titles, demonyms, titleLastWords, placeWords, organizationWords,
            joinerHeads, notNames, speakers)
        {
            ThingWords = thingWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
        };
    }

    /// <summary>
    /// Reads an embedded lexicon in the format the speaker lexicon uses: "[section]" lines, and
    /// "Name = part | part" entries whose parts are variants or "key=value" attributes.
    /// </summary>
    private static IEnumerable<(string Section, string Name, List<string> Parts)> ReadLines(string file)
    {
        var result = new List<(string, string, List<string>)>();
        foreach (var (section, line) in Lexicons.LexiconFile.Read(file, inlineComments: true))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            string name = parts[0];
            parts.RemoveAt(0);
            int equals = name.IndexOf(" = ", StringComparison.Ordinal);
            if (equals >= 0)
            {
                parts.Insert(0, name[(equals + 3)..].Trim());
                name = name[..equals].Trim();
            }
            // Attributes other than adj= (gender=, country=, full=) are not variants.
            parts.RemoveAll(p => p.IndexOf('=') is > 0 and var eq && p[..eq] is not "adj");
            result.Add((section, name, parts));
        }
        return result;
    }
}

/// <summary>Multi-word phrases matched over consecutive tokens, keyed by their first word, longest first.</summary>
internal sealed class TokenPhrases
{
    private readonly Dictionary<string, List<string[]>> _byFirst;
    private readonly Dictionary<string, List<string[]>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly StringComparison _comparison;

    public TokenPhrases(bool ignoreCase)
    {
        _byFirst = new(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    public void Add(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!_byFirst.TryGetValue(words[0], out var list))
        {
            _byFirst[words[0]] = list = new();
        }
        if (!list.Any(w => w.AsSpan().SequenceEqual(words)))
        {
            list.Add(words);
            list.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>The index after the longest phrase whose words are tokens [start, …) before <paramref name="limit"/>, or -1.</summary>
    public int Match(Document document, int start, int limit)
    {
        var tokens = document.Tokens;
        if (start >= limit || !_lookup.TryGetValue(document.TokenText(start), out var list))
        {
            return -1;
        }
        foreach (var phrase in list)
        {
            if (start + phrase.Length > limit)
            {
                continue;
            }
            bool ok = true;
            for (int k = 1; k < phrase.Length && ok; k++)
            {
                ok = tokens[start + k].Kind == TokenKind.Word && document.TokenText(start + k).Equals(phrase[k], _comparison);
            }
            if (ok)
            {
                return start + phrase.Length;
            }
        }
        return -1;
    }
}

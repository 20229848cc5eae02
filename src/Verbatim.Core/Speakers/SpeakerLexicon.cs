using System.Collections.Frozen;
using System.Reflection;

namespace Verbatim.Speakers;

/// <summary>
/// The word lists the speaker stage reads: titles, honorifics, pronouns, given names, places and
/// organisations. They live in readable files under Lexicons/ (embedded as resources) so that a
/// reviewer can extend them without reading code; this class only parses them, once per process.
/// </summary>
internal sealed class SpeakerLexicon
{
    private static readonly Lazy<SpeakerLexicon> s_default = new(Load);

    /// <summary>The lexicon bundled in the assembly.</summary>
    public static SpeakerLexicon Default => s_default.Value;

    private readonly PhraseTable _titles;
    private readonly PhraseTable _demonyms;
    private readonly FrozenDictionary<string, string> _titleFullForms;

    private SpeakerLexicon(
        PhraseTable titles,
        FrozenDictionary<string, string> titleFullForms,
        PhraseTable demonyms,
        FrozenDictionary<string, char> honorifics,
        FrozenDictionary<string, char> pronouns,
        FrozenDictionary<string, char> givenNames,
        FrozenDictionary<string, Place> places,
        FrozenSet<string> modifiers,
        FrozenSet<string> determiners,
        FrozenSet<string> functionWords,
        FrozenSet<string> groupNouns,
        FrozenSet<string> documentNouns,
        FrozenSet<string> organizationNouns,
        FrozenSet<string> organizationNameWords,
        FrozenSet<string> discourseWords)
    {
        _titles = titles;
        _titleFullForms = titleFullForms;
        _demonyms = demonyms;
        Honorifics = honorifics;
        Pronouns = pronouns;
        GivenNames = givenNames;
        Places = places;
        Modifiers = modifiers;
        Determiners = determiners;
        FunctionWords = functionWords;
        GroupNouns = groupNouns;
        DocumentNouns = documentNouns;
        OrganizationNouns = organizationNouns;
        OrganizationNameWords = organizationNameWords;
        DiscourseWords = discourseWords;
        LowerCaseStarts = titles.FirstWords
            .Concat(demonyms.FirstWords.Select(w => w.ToLowerInvariant()))
            .Concat(honorifics.Keys)
            .Concat(modifiers)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every lower-case word that can begin a title, a nationality, an honorific or a modifier of a
    /// title. A lower-case word outside it starts no mention, which lets the mention scan pass over
    /// most words with one look-up.
    /// </summary>
    public FrozenSet<string> LowerCaseStarts { get; }

    /// <summary>Courtesy titles (lowercase, "mr.") and the gender they tell ('m', 'f').</summary>
    public FrozenDictionary<string, char> Honorifics { get; }

    /// <summary>Pronouns (lowercase) and what they refer to: 'm', 'f', 'g' (group) or 's' (the quote's speaker).</summary>
    public FrozenDictionary<string, char> Pronouns { get; }

    /// <summary>Given names (as written) and their usual gender.</summary>
    public FrozenDictionary<string, char> GivenNames { get; }

    /// <summary>Place and organisation names as written ("U.S.", "Kremlin") and what they normalise to.</summary>
    public FrozenDictionary<string, Place> Places { get; }

    public FrozenSet<string> Modifiers { get; }
    public FrozenSet<string> Determiners { get; }
    public FrozenSet<string> FunctionWords { get; }
    public FrozenSet<string> GroupNouns { get; }
    public FrozenSet<string> DocumentNouns { get; }
    public FrozenSet<string> OrganizationNouns { get; }

    /// <summary>Last words (lowercase) that make a capitalised name an organisation: "Times", "Post", "Committee", "Inc.".</summary>
    public FrozenSet<string> OrganizationNameWords { get; }

    /// <summary>Sentence adverbs and connectives (lowercase) that may open a source before a comma: "Moreover, many colleges".</summary>
    public FrozenSet<string> DiscourseWords { get; }

    /// <summary>
    /// Matches the longest title at <paramref name="start"/> (modifiers such as "former" included),
    /// not running past <paramref name="limit"/>. Returns the index after the title, or -1.
    /// </summary>
    public int MatchTitle(WordSequence words, int start, int limit, out PhraseInfo info)
    {
        // Longest title first at each position; a modifier ("former", "senior") may precede it and
        // then belongs to it. "chief economist" is itself an entry, so it wins over "chief" + "economist".
        for (int i = start; i < limit; i++)
        {
            int end = _titles.Match(words, i, limit, lower: true, out info);
            if (end > 0)
            {
                return end;
            }
            if (!Modifiers.Contains(words[i].Lower))
            {
                break;
            }
        }
        info = default;
        return -1;
    }

    /// <summary>The words of a title, lowercase, abbreviations spelled out: "Sen." → "senator", "Lt. Gov." → "lieutenant governor".</summary>
    public IEnumerable<string> TitleWords(string title)
    {
        var lower = title.ToLowerInvariant();
        var whole = _titleFullForms.GetValueOrDefault(lower) ?? lower;
        foreach (var word in whole.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return _titleFullForms.GetValueOrDefault(word) ?? word;
        }
    }

    /// <summary>Matches a nationality adjective ("Russian", "South Korean", "U.S.") and gives its country.</summary>
    public int MatchDemonym(WordSequence words, int start, int limit, out string? country)
    {
        int end = _demonyms.Match(words, start, limit, lower: false, out var info);
        country = end > 0 ? info.Country : null;
        return end;
    }

    private static SpeakerLexicon Load()
    {
        var titles = new PhraseTable();
        var fullForms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in ReadEntries("speaker-titles.txt"))
        {
            titles.Add(entry.Name, new PhraseInfo(entry.Get("gender")?[0] ?? '\0', entry.Get("country")));
            if (entry.Get("full") is { } full)
            {
                fullForms[entry.Name.ToLowerInvariant()] = full.ToLowerInvariant();
            }
        }

        var sections = ReadEntries("speaker-words.txt").GroupBy(e => e.Section).ToDictionary(g => g.Key, g => g.ToList());
        FrozenSet<string> Set(string name, bool lower = true) =>
            sections[name].Select(e => lower ? e.Name.ToLowerInvariant() : e.Name).ToFrozenSet(StringComparer.Ordinal);

        var honorifics = sections["honorifics"].ToFrozenDictionary(e => e.Name.ToLowerInvariant(), e => e.Get("gender")![0], StringComparer.Ordinal);
        var pronouns = sections["pronouns"].ToFrozenDictionary(e => e.Name, e => e.Variants[0] switch
        {
            "self" => 's',
            var g => g[0],
        }, StringComparer.Ordinal);

        var given = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var entry in ReadEntries("speaker-first-names.txt"))
        {
            foreach (var name in entry.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                given[name] = entry.Section == "male" ? 'm' : 'f';
            }
        }

        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        var demonyms = new PhraseTable();
        foreach (var entry in ReadEntries("speaker-places.txt"))
        {
            bool country = entry.Section == "countries";
            var place = new Place(entry.Name, country ? entry.Name : entry.Get("country"), country);
            places.TryAdd(entry.Name, place);
            foreach (var variant in entry.Variants)
            {
                places.TryAdd(variant, place);
            }
            foreach (var adjective in entry.GetAll("adj"))
            {
                demonyms.Add(adjective, new PhraseInfo('\0', entry.Name), lower: false);
            }
        }

        return new SpeakerLexicon(
            titles,
            fullForms.ToFrozenDictionary(StringComparer.Ordinal),
            demonyms,
            honorifics,
            pronouns,
            given.ToFrozenDictionary(StringComparer.Ordinal),
            places.ToFrozenDictionary(StringComparer.Ordinal),
            Set("modifiers"),
            Set("determiners"),
            Set("function", lower: false),
            Set("groups"),
            Set("documents"),
            Set("organizations"),
            Set("organization-names"),
            Set("discourse"));
    }

    private static List<LexiconEntry> ReadEntries(string file)
    {
        var entries = new List<LexiconEntry>();
        foreach (var (section, line) in Lexicons.LexiconFile.Read(file, inlineComments: true))
        {
            entries.Add(LexiconEntry.Parse(section, line));
        }
        return entries;
    }

    /// <summary>One lexicon line: "Name = variant | variant | key=value".</summary>
    private sealed record LexiconEntry(string Section, string Name, List<string> Variants, List<KeyValuePair<string, string>> Attributes)
    {
        public string? Get(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;
        public IEnumerable<string> GetAll(string key) => Attributes.Where(a => a.Key == key).Select(a => a.Value);

        public static LexiconEntry Parse(string section, string line)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            var variants = new List<string>();
            var attributes = new List<KeyValuePair<string, string>>();
            string name = parts[0];
            int equals = name.IndexOf(" = ", StringComparison.Ordinal);
            parts.RemoveAt(0);
            if (equals >= 0)
            {
                // "Ukraine = adj=Ukrainian": what follows " = " is read like any other part.
                parts.Insert(0, name[(equals + 3)..].Trim());
                name = name[..equals].Trim();
            }
            foreach (var part in parts)
            {
                int eq = part.IndexOf('=');
                if (eq > 0 && part[..eq] is "gender" or "country" or "adj" or "full")
                {
                    attributes.Add(new(part[..eq], part[(eq + 1)..]));
                }
                else
                {
                    variants.Add(part);
                }
            }
            return new LexiconEntry(section, name, variants, attributes);
        }
    }
}

/// <summary>What a title or nationality tells: the holder's gender ('m', 'f' or '\0') and country.</summary>
internal readonly record struct PhraseInfo(char Gender, string? Country);

/// <summary>A place or institution: its canonical name, its country, and whether it is itself a country.</summary>
internal sealed record Place(string Name, string? Country, bool IsCountry);

/// <summary>Multi-word phrases keyed by their first word, longest first, matched over a <see cref="WordSequence"/>.</summary>
internal sealed class PhraseTable
{
    private readonly Dictionary<string, List<(string[] Words, PhraseInfo Info)>> _byFirst = new(StringComparer.Ordinal);

    public void Add(string phrase, PhraseInfo info, bool lower = true)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (lower)
        {
            words = words.Select(w => w.ToLowerInvariant()).ToArray();
        }
        if (!_byFirst.TryGetValue(words[0], out var list))
        {
            _byFirst[words[0]] = list = new();
        }
        list.Add((words, info));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>The first words of the phrases (lower-cased when the phrases were added lower-cased).</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>Returns the index after the longest phrase starting at <paramref name="start"/>, or -1.</summary>
    public int Match(WordSequence words, int start, int limit, bool lower, out PhraseInfo info)
    {
        info = default;
        if (start >= limit || !_byFirst.TryGetValue(lower ? words[start].Lower : words[start].Text, out var list))
        {
            return -1;
        }
        foreach (var (phrase, phraseInfo) in list)
        {
            if (start + phrase.Length > limit)
            {
                continue;
            }
            bool ok = true;
            for (int k = 1; k < phrase.Length && ok; k++)
            {
                var w = words[start + k];
                ok = (lower ? w.Lower : w.Text) == phrase[k];
            }
            if (ok)
            {
                info = phraseInfo;
                return start + phrase.Length;
            }
        }
        return -1;
    }
}

namespace Verbatim.Speakers;

internal enum MentionKind : byte
{
    /// <summary>Nothing tells what it is (a single unknown capitalised word).</summary>
    Unknown,
    Person,
    Organization,
    /// <summary>A country or city: a speaker only as its government.</summary>
    Place,
}

/// <summary>
/// A name in the text: capitalised words [<see cref="First"/>, <see cref="End"/>) with what its
/// context says about it — a title before it or in an appositive after it, an affiliation
/// ("Russian", "Nordbank’s"), a gender from a given name or honorific.
/// </summary>
internal sealed class Mention
{
    public required int First { get; init; }
    public required int End { get; init; }
    /// <summary>Offset where the mention starts, title and nationality included.</summary>
    public required int Start { get; init; }
    public required string Name { get; init; }
    public required string[] Words { get; init; }
    public required MentionKind Kind { get; set; }
    public string? Title { get; set; }
    public string? TitleCountry { get; set; }
    public string? Affiliation { get; set; }
    /// <summary>A lowercase noun that names the affiliation ("bank" in "the bank’s chief economist"), resolved after the scan.</summary>
    public string? AffiliationNoun { get; set; }
    public char Gender { get; set; }
    public required int Sentence { get; init; }
    public required int Paragraph { get; init; }
    /// <summary>No other name comes before it in its sentence: likely the subject, the preferred antecedent.</summary>
    public bool FirstInSentence { get; set; }
    public bool InQuote { get; init; }
    /// <summary>
    /// The text shows it is a person, not only a capitalised phrase: a title or honorific, a known
    /// given name, an appositive title, or the surname of such a mention. Only these are antecedents of "he" / "she".
    /// </summary>
    public bool Evidence { get; set; }
    /// <summary>In a heading: a title-case line ("Climate Change.") or the title-case lead-in of a paragraph ("The Gap Goes On: …").</summary>
    public bool InHeading { get; init; }
    public string Last => Words[^1];
}

/// <summary>
/// All names in a document, found in one pass over its words. Sources are resolved against this
/// index instead of re-reading the text: "Blinken" looks up the mentions whose last word is Blinken.
/// </summary>
internal sealed class MentionIndex
{
    /// <summary>How far (in mentions) an affiliation noun ("the bank") looks for the name it stands for.</summary>
    private const int NounWindow = 300;

    private readonly Dictionary<string, List<Mention>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Mention>> _fullNamesByLast = new(StringComparer.Ordinal);

    private readonly bool[] _commonWord;

    private MentionIndex(List<Mention> mentions, HashSet<string> countries, bool[] commonWord)
    {
        Mentions = mentions;
        CountriesMentioned = countries;
        _commonWord = commonWord;
        foreach (var mention in mentions)
        {
            Add(_byName, mention.Name, mention);
            if (mention.Kind == MentionKind.Person && mention.Words.Length > 1)
            {
                Add(_fullNamesByLast, mention.Last, mention);
                if (mention.Words.Length == 2 && IsHyphenatedGivenName(mention.Words[1]))
                {
                    // "Ban Ki-moon", "Park Geun-hye": the family name comes first, so "Mr. Ban" is him.
                    Add(_fullNamesByLast, mention.Words[0], mention);
                }
            }
        }

        static void Add(Dictionary<string, List<Mention>> map, string key, Mention mention)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new();
            }
            list.Add(mention);
        }
    }

    /// <summary>"Ki-moon", "Geun-hye": a given name that follows the family name.</summary>
    internal static bool IsHyphenatedGivenName(string word)
    {
        int hyphen = word.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]) && char.IsUpper(word[0]);
    }

    /// <summary>
    /// Whether word <paramref name="word"/> is a common word capitalised only because it opens a
    /// sentence ("Polling averages", "Having", "Did Trump"): the document writes it in lowercase
    /// elsewhere and never capitalised inside a sentence.
    /// </summary>
    public bool IsCommonWord(int word) => word >= 0 && word < _commonWord.Length && _commonWord[word];

    /// <summary>Mentions in document order.</summary>
    public List<Mention> Mentions { get; }

    /// <summary>Canonical names of the countries the document mentions (by name or adjective).</summary>
    public HashSet<string> CountriesMentioned { get; }

    /// <summary>Mentions of exactly this name, in document order.</summary>
    public IReadOnlyList<Mention> Named(string name) =>
        _byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>Person mentions of two words or more whose last word is <paramref name="last"/>, in document order.</summary>
    public IReadOnlyList<Mention> FullNamesEndingWith(string last) =>
        _fullNamesByLast.TryGetValue(last, out var list) ? list : [];

    /// <summary>The mention whose name starts at word <paramref name="first"/>, or that covers it.</summary>
    public Mention? Covering(int word)
    {
        int lo = 0, hi = Mentions.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var m = Mentions[mid];
            if (m.End <= word) { lo = mid + 1; }
            else if (m.First > word) { hi = mid - 1; }
            else { return m; }
        }
        return null;
    }

    public static MentionIndex Build(WordSequence words, SpeakerLexicon lexicon)
    {
        var mentions = new List<Mention>();
        var countries = new HashSet<string>(StringComparer.Ordinal);
        var personSurnames = new HashSet<string>(StringComparer.Ordinal);
        int lastSentenceWithName = -1;
        int n = words.Count;
        var commonWord = FindCommonWords(words, lexicon, out var standaloneNames);
        var inHeading = FindHeadings(words, lexicon);
        // Surnames of mentions that the text shows to be persons: "Clinton" after "Hillary Clinton".
        var evidencedSurnames = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        // Where a capitalised prefix ("Nordbank’s", "White House") ended, waiting for a title to use it.
        int prefixEnd = -1;
        string? prefixAffiliation = null;

        while (i < n)
        {
            var w = words[i];
            // A lower-case word starts a mention only as a title, nationality, honorific or modifier
            // ("former secretary Austin"); names themselves are capitalised (see StartsName).
            if (w.IsPunctuation || (!w.IsCapitalized && !lexicon.LowerCaseStarts.Contains(w.Lower)))
            {
                i++;
                continue;
            }

            // A nationality before a title or name: "Russian President Vladimir Putin".
            string? nationality = null;
            int at = i;
            int demonymEnd = lexicon.MatchDemonym(words, i, n, out var demonymCountry);
            if (demonymEnd > 0)
            {
                countries.Add(demonymCountry!);
                nationality = demonymCountry;
                at = demonymEnd;
            }

            // A title or an honorific that a name follows.
            string? title = null, titleCountry = null;
            char gender = '\0';
            int nameStart = at;
            PhraseInfo titleInfo = default;
            int titleEnd = at < n ? lexicon.MatchTitle(words, at, n, out titleInfo) : -1;
            if (titleEnd > 0 && titleEnd < n && StartsName(words, titleEnd, lexicon))
            {
                title = words.Join(at, titleEnd);
                titleCountry = titleInfo.Country;
                gender = titleInfo.Gender;
                nameStart = titleEnd;
            }
            else if (at < n && lexicon.Honorifics.TryGetValue(words[at].Lower, out var honorificGender)
                && at + 1 < n && StartsName(words, at + 1, lexicon))
            {
                gender = honorificGender;
                nameStart = at + 1;
            }
            else if (nationality is not null && at < n && lexicon.GivenNames.ContainsKey(words[at].Text) && at + 1 < n && StartsName(words, at + 1, lexicon))
            {
                // "Republican Donald Trump": a party or nationality straight before a full name (not "American Airlines").
                nameStart = at;
            }
            else if (nationality is not null && lexicon.Places.ContainsKey(words[i].Text) && demonymEnd == i + 1)
            {
                // "U.S." alone is a name as well as an adjective: "the U.S. assesses".
                nationality = null;
                at = i;
                nameStart = i;
            }
            else if (nationality is not null)
            {
                // "Russian" alone is not a name, and what follows it is scanned on its own.
                i = demonymEnd;
                continue;
            }

            if (!StartsName(words, nameStart, lexicon))
            {
                i = Math.Max(i + 1, nameStart);
                continue;
            }
            if (nameStart == i && (commonWord[i] || IsModifierBeforeGivenName(words, i, lexicon, standaloneNames)))
            {
                // "Polling averages", "Rival Hillary Clinton": the sentence's first word is no part of a name.
                i++;
                continue;
            }

            int end = ReadName(words, nameStart, lexicon, person: nameStart != at || lexicon.GivenNames.ContainsKey(words[nameStart].Text));
            // The run is really an affiliation prefix when a title and a name follow it:
            // "Nordbank’s chief economist Ines Moller", "White House spokeswoman Karine Jean-Pierre".
            int followingTitle = title is null && end < n ? lexicon.MatchTitle(words, end, n, out _) : -1;
            bool isPrefix = followingTitle > 0 && followingTitle < n && StartsName(words, followingTitle, lexicon);

            var nameWords = new string[end - nameStart];
            for (int k = 0; k < nameWords.Length; k++)
            {
                nameWords[k] = words[nameStart + k].Text;
            }
            string name = string.Join(' ', nameWords);
            var mention = new Mention
            {
                First = nameStart,
                End = end,
                Start = words[i].Start,
                Name = name,
                Words = nameWords,
                Kind = MentionKind.Unknown,
                Title = title,
                TitleCountry = titleCountry,
                Affiliation = nationality ?? (prefixEnd == at && title is not null ? prefixAffiliation : null),
                Gender = gender,
                Sentence = words[nameStart].Sentence,
                Paragraph = words[nameStart].Paragraph,
                InQuote = words[nameStart].InQuote,
                InHeading = inHeading[nameStart],
            };
            mention.Kind = Classify(mention, lexicon, personSurnames, title is not null || gender != '\0');
            mention.Evidence = mention.Kind == MentionKind.Person && !mention.InHeading
                && (title is not null || gender != '\0' || lexicon.GivenNames.ContainsKey(nameWords[0]) || evidencedSurnames.Contains(mention.Last));
            if (mention.Kind == MentionKind.Person)
            {
                personSurnames.Add(mention.Last);
                if (mention.Gender == '\0' && nameWords.Length > 1 && lexicon.GivenNames.TryGetValue(nameWords[0], out var given))
                {
                    mention.Gender = given;
                }
            }
            if (lexicon.Places.TryGetValue(name, out var place) && place.IsCountry)
            {
                countries.Add(place.Name);
            }
            mention.FirstInSentence = lastSentenceWithName != mention.Sentence;
            if (!mention.InHeading)
            {
                lastSentenceWithName = mention.Sentence;   // a heading's words are not the sentence's subject
            }

            // Sentence-initial common words ("Officials said") are not names.
            if (!(nameWords.Length == 1 && IsCommonNoun(words[nameStart].Lower, lexicon)))
            {
                mentions.Add(mention);
            }

            prefixEnd = -1;
            prefixAffiliation = null;
            if (isPrefix || (words[end - 1].IsPossessive && mention.Kind != MentionKind.Person))
            {
                prefixEnd = end;
                // "Former Pennsylvania Gov. Ed Rendell": a capitalised modifier is not part of the affiliation.
                int skip = 0;
                while (skip < nameWords.Length - 1 && lexicon.Modifiers.Contains(nameWords[skip].ToLowerInvariant()))
                {
                    skip++;
                }
                string prefix = skip == 0 ? name : string.Join(' ', nameWords[skip..]);
                prefixAffiliation = lexicon.Places.TryGetValue(prefix, out var p) ? p.Name : prefix;
            }
            else if (end + 1 < n && words[end].Text == ",")
            {
                ReadAppositive(words, end + 1, lexicon, mention);
            }
            if (mention.Kind == MentionKind.Person && !mention.InHeading && (mention.Evidence || mention.Title is not null))
            {
                mention.Evidence = true;
                evidencedSurnames.Add(mention.Last);
            }
            i = end;
        }

        ResolveAffiliationNouns(mentions);
        return new MentionIndex(mentions, countries, commonWord);
    }

    /// <summary>"Crooked Hillary Clinton", "Rival Hillary Clinton": a capitalised word before a given name is no part of the name.</summary>
    private static bool IsModifierBeforeGivenName(WordSequence words, int i, SpeakerLexicon lexicon, HashSet<(string, string)> standalone) =>
        i + 1 < words.Count && !lexicon.GivenNames.ContainsKey(words[i].Text) && lexicon.GivenNames.ContainsKey(words[i + 1].Text)
        && !words[i].IsPossessive && !words[i].Text.Contains('.') && !lexicon.Places.ContainsKey(words[i].Text)
        && words[i + 1].Sentence == words[i].Sentence && StartsName(words, i + 1, lexicon)
        && i + 2 < words.Count && StartsName(words, i + 2, lexicon)
        // Only when the document writes the name without it too: "Cornell William Brooks" stays whole.
        && standalone.Contains((words[i + 1].Text, words[i + 2].Text));

    /// <summary>
    /// Marks the sentence-initial words that are common words: written in lowercase elsewhere in the
    /// document and never capitalised inside a sentence. Two passes over the words, no more.
    /// </summary>
    private static bool[] FindCommonWords(WordSequence words, SpeakerLexicon lexicon, out HashSet<(string, string)> standaloneNames)
    {
        // Given name and surname written with no capitalised word before them: "Hillary Clinton".
        standaloneNames = new HashSet<(string, string)>();
        // The words' strings come from one pool per document (WordSequence), numbered densely: the
        // sets are flags indexed by those numbers and never hash the text.
        var lowercase = new bool[words.DistinctStrings];
        var capitalisedInside = new bool[words.DistinctStrings];
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k];
            if (w.IsPunctuation)
            {
                continue;
            }
            if (!w.IsCapitalized)
            {
                lowercase[w.TextId] = true;
            }
            else if (k + 1 < words.Count && lexicon.GivenNames.ContainsKey(w.Text) && words[k + 1].IsCapitalized && !words[k + 1].IsPunctuation
                && (k == 0 || !words[k - 1].IsCapitalized || words[k - 1].IsPunctuation))
            {
                standaloneNames.Add((w.Text, words[k + 1].Text));
            }
            else if (!OpensSentence(words, k))
            {
                capitalisedInside[w.TextId] = true;
            }
        }
        var common = new bool[words.Count];
        for (int k = 0; k < words.Count; k++)
        {
            var w = words[k];
            common[k] = w.IsCapitalized && !w.IsPunctuation && OpensSentence(words, k)
                && lowercase[w.LowerId] && !capitalisedInside[w.TextId]
                && !lexicon.GivenNames.ContainsKey(w.Text) && !lexicon.Places.ContainsKey(w.Text)
                && !lexicon.Honorifics.ContainsKey(w.Lower) && !lexicon.Modifiers.Contains(w.Lower) && lexicon.MatchTitle(words, k, Math.Min(words.Count, k + 4), out _) < 0;
        }
        return common;
    }

    /// <summary>The first word of its sentence, or the first after a colon or dash, quotation marks aside.</summary>
    internal static bool OpensSentence(WordSequence words, int k)
    {
        int sentence = words[k].Sentence;
        for (int j = k - 1; j >= 0 && words[j].Sentence == sentence; j--)
        {
            var p = words[j];
            if (!p.IsPunctuation)
            {
                return false;
            }
            if (p.Text is ":" or "—" or "–")
            {
                return true;
            }
        }
        return true;
    }

    /// <summary>
    /// Marks the words of headings: a short paragraph with no lowercase word of four letters or more
    /// ("Climate Change.", "Gender Equality."), or such a title-case lead-in before a colon opening
    /// a paragraph ("The Gap Goes On: It was under Mr. Ban's watch…").
    /// </summary>
    private static bool[] FindHeadings(WordSequence words, SpeakerLexicon lexicon)
    {
        var heading = new bool[words.Count];
        int start = 0;
        while (start < words.Count)
        {
            int paragraph = words[start].Paragraph;
            int end = start;
            while (end < words.Count && words[end].Paragraph == paragraph)
            {
                end++;
            }
            // The lead-in: up to the first colon in the paragraph's first 10 words, or the whole of a short paragraph.
            int leadEnd = -1;
            int count = 0;
            for (int k = start; k < end && count <= 10; k++)
            {
                if (words[k].Text == ":")
                {
                    leadEnd = k;
                    break;
                }
                if (!words[k].IsPunctuation)
                {
                    count++;
                }
            }
            if (leadEnd < 0 && count <= 10)
            {
                leadEnd = end;
            }
            if (leadEnd > start && IsTitleCase(words, start, leadEnd, lexicon))
            {
                for (int k = start; k < leadEnd; k++)
                {
                    heading[k] = true;
                }
            }
            start = end;
        }
        return heading;

        static bool IsTitleCase(WordSequence words, int first, int end, SpeakerLexicon lexicon)
        {
            int capitals = 0;
            for (int k = first; k < end; k++)
            {
                var w = words[k];
                if (w.IsPunctuation || !char.IsLetter(w.Text[0]))
                {
                    continue;
                }
                if (!w.IsCapitalized && w.Text.Length >= 4)
                {
                    return false;
                }
                if (w.IsCapitalized)
                {
                    capitals++;
                }
            }
            // One capitalised word ("Netflix.", "Trump:") is a label, not a heading.
            return capitals >= 2;
        }
    }

    /// <summary>
    /// Reads "the bank’s chief economist", "a spokesman for the ministry", "the Russian president"
    /// after a name and a comma, and gives the mention its title and affiliation.
    /// </summary>
    internal static int ReadAppositive(WordSequence words, int start, SpeakerLexicon lexicon, Mention mention)
    {
        var description = Description.Read(words, start, Math.Min(words.Count, start + 12), lexicon);
        if (description.Title is null)
        {
            return start;
        }
        mention.Title ??= description.Title;
        mention.TitleCountry ??= description.TitleCountry;
        if (mention.Gender == '\0')
        {
            mention.Gender = description.Gender;
        }
        mention.Affiliation ??= description.Affiliation;
        mention.AffiliationNoun ??= description.AffiliationNoun;
        if (mention.Kind == MentionKind.Unknown)
        {
            mention.Kind = MentionKind.Person;
        }
        return description.End;
    }

    /// <summary>"the bank" → the nearest name that the noun fits (Nordbank, Finance Ministry), before it if any.</summary>
    private static void ResolveAffiliationNouns(List<Mention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Affiliation is null && mention.AffiliationNoun is { } noun)
            {
                mention.Affiliation = FindByNoun(mentions, m, noun);
            }
        }
    }

    internal static string? FindByNoun(List<Mention> mentions, int before, string noun)
    {
        for (int k = before - 1; k >= 0 && k >= before - NounWindow; k--)
        {
            if (Fits(mentions[k], noun))
            {
                return mentions[k].Name;
            }
        }
        for (int k = before + 1; k < mentions.Count && k <= before + NounWindow; k++)
        {
            if (Fits(mentions[k], noun))
            {
                return mentions[k].Name;
            }
        }
        return null;

        static bool Fits(Mention m, string noun) =>
            m.Kind is MentionKind.Organization or MentionKind.Unknown
            && m.Words.Any(w => w.EndsWith(noun, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsCommonNoun(string lower, SpeakerLexicon lexicon) =>
        lexicon.GroupNouns.Contains(lower) || lexicon.DocumentNouns.Contains(lower) || lexicon.OrganizationNouns.Contains(lower);

    internal static bool StartsName(WordSequence words, int index, SpeakerLexicon lexicon)
    {
        if (index >= words.Count)
        {
            return false;
        }
        var w = words[index];
        return w.IsCapitalized && !w.IsPunctuation && char.IsLetter(w.Text[0])
            && !(IsFunctionWord(w, lexicon) && !lexicon.Places.ContainsKey(w.Text));
    }

    /// <summary>A function word, contracted ones included ("We’ve", "Don’t"), which never starts a name.</summary>
    internal static bool IsFunctionWord(Word w, SpeakerLexicon lexicon)
    {
        if (lexicon.FunctionWords.Contains(w.Text))
        {
            return true;
        }
        int apostrophe = w.Text.AsSpan().IndexOfAny('’', '\'');
        if (apostrophe <= 0)
        {
            return false;
        }
        var tail = w.Text.AsSpan(apostrophe + 1);
        string head = w.Text[..apostrophe];
        return (tail is "t" && head.EndsWith('n'))
            || (tail is "ve" or "re" or "ll" or "d" or "m" or "s" && lexicon.FunctionWords.Contains(head));
    }

    /// <summary>Capitalised words, with particles inside ("Bank of England", "Ursula von der Leyen"); stops after a possessive.</summary>
    private static int ReadName(WordSequence words, int start, SpeakerLexicon lexicon, bool person)
    {
        int end = start;
        while (end < words.Count)
        {
            var w = words[end];
            bool capital = w.IsCapitalized && !w.IsPunctuation && !IsFunctionWord(w, lexicon);
            bool particle = end > start && !w.IsCapitalized
                && (w.Lower is "de" or "von" or "van" or "der" or "bin" or "al" or "da" or "del" or "di" or "du" or "la" or "le"
                    // "of" only joins an institution or a place ("Bank of England", "Republic of Korea"),
                    // never a person and a place ("Gov. Earl Ray Tomblin of West Virginia").
                    || (w.Lower is "of" or "for" && !person && IsInstitutionWord(words[end - 1].Lower, lexicon)))
                && end + 1 < words.Count && words[end + 1].IsCapitalized && !words[end + 1].IsPunctuation
                && !lexicon.Honorifics.ContainsKey(words[end + 1].Lower);
            if (!capital && !particle)
            {
                break;
            }
            // A title inside a run of capitals starts a new mention: "Nordbank Chief Economist Ines Moller".
            if (end > start && capital && lexicon.MatchTitle(words, end, words.Count, out _) is > 0 and var t
                && t < words.Count && StartsName(words, t, lexicon))
            {
                break;
            }
            end++;
            if (w.IsPossessive)
            {
                break;
            }
        }
        return end;
    }

    private static bool IsInstitutionWord(string lower, SpeakerLexicon lexicon) =>
        lexicon.OrganizationNouns.Contains(lower)
        || lower is "republic" or "kingdom" or "state" or "states" or "secretary" or "minister" or "city" or "county" or "province"
            or "region" or "house" or "chamber" or "college" or "school" or "center" or "centre" or "people's" or "united";

    private static MentionKind Classify(Mention mention, SpeakerLexicon lexicon, HashSet<string> personSurnames, bool titled)
    {
        if (titled)
        {
            return MentionKind.Person;
        }
        if (mention.Words.Length > 1 && mention.Words.All(w => w.All(c => !char.IsLower(c))))
        {
            return MentionKind.Unknown;   // an all-capitals run is a headline or a label, not a name
        }
        if (lexicon.Places.TryGetValue(mention.Name, out var place))
        {
            return place.IsCountry ? MentionKind.Place : MentionKind.Organization;
        }
        string last = mention.Words[^1];
        string lastLower = last.ToLowerInvariant();
        if (lexicon.OrganizationNouns.Contains(lastLower) || lexicon.OrganizationNameWords.Contains(lastLower) || lastLower.EndsWith("bank", StringComparison.Ordinal)
            || (last.Length >= 2 && last.All(c => char.IsUpper(c) || c == '.') && mention.Words.Length == 1))
        {
            return MentionKind.Organization;
        }
        if (lexicon.GivenNames.ContainsKey(mention.Words[0]) || personSurnames.Contains(last))
        {
            return MentionKind.Person;
        }
        // Several capitalised words are most often a person's name, unless they read like a place
        // or an institution: "Republic of Korea", "Kursk Region".
        if (mention.Words.Length > 1 && !mention.Words.Any(w => w is "of" || lexicon.Places.ContainsKey(w) || lexicon.OrganizationNouns.Contains(w.ToLowerInvariant()) || w.Contains('.')))
        {
            return MentionKind.Person;
        }
        return MentionKind.Unknown;
    }
}

namespace Verbatim.Speakers;

/// <summary>
/// A description of a speaker without its name: "the bank’s chief economist", "a spokesman for the
/// ministry", "the Russian president". Read from an appositive after a name or from a source that
/// gives no name; it yields the title, the gender the title tells, and the affiliation — a name
/// ("Nordbank’s", "for the Finance Ministry", "Russian") or only a noun ("the bank’s") that the
/// caller resolves against the document's names.
/// </summary>
internal readonly record struct Description(
    int End,
    int TitleStart,
    string? Title,
    string? TitleCountry,
    char Gender,
    string? Affiliation,
    string? AffiliationNoun)
{
    private static readonly HashSet<string> s_affiliationPrepositions = new(StringComparer.Ordinal) { "for", "at", "of", "with", "from", "in" };

    public static Description Read(WordSequence words, int start, int limit, SpeakerLexicon lexicon)
    {
        int i = start;
        if (i < limit && lexicon.Determiners.Contains(words[i].Lower))
        {
            i++;
        }

        string? affiliation = null, affiliationNoun = null;
        // A possessor: "Nordbank’s", "the White House’s", "the bank’s".
        for (int k = i; k < limit && k < i + 4 && !words[k].IsPunctuation; k++)
        {
            if (words[k].IsPossessive)
            {
                if (words[k].IsCapitalized)
                {
                    affiliation = Canonical(words.Join(i, k + 1), lexicon);
                }
                else if (k == i)
                {
                    affiliationNoun = words[k].Lower;
                }
                i = k + 1;
                break;
            }
            if (!words[k].IsCapitalized)
            {
                break;
            }
        }

        int demonymEnd = lexicon.MatchDemonym(words, i, limit, out var country);
        if (demonymEnd > 0)
        {
            affiliation ??= country;
            i = demonymEnd;
        }

        // A name before the title is its affiliation: "a former Clinton aide", "a Homeland Security Department official".
        int m = i;
        while (m < limit && lexicon.Modifiers.Contains(words[m].Lower))
        {
            m++;
        }
        int capitalEnd = m;
        while (capitalEnd < limit && words[capitalEnd].IsCapitalized && !words[capitalEnd].IsPunctuation)
        {
            capitalEnd++;
        }
        if (capitalEnd > m && lexicon.MatchTitle(words, capitalEnd, limit, out _) > 0)
        {
            affiliation ??= Canonical(words.Join(m, capitalEnd), lexicon);
            i = capitalEnd;
        }

        int titleEnd = lexicon.MatchTitle(words, i, limit, out var info);
        if (titleEnd < 0)
        {
            return new Description(start, i, null, null, '\0', affiliation, affiliationNoun);
        }
        string title = words.Join(i, titleEnd);
        int end = titleEnd;

        // "for the ministry", "at Nordbank", "of the Finance Ministry".
        if (end + 1 < limit && s_affiliationPrepositions.Contains(words[end].Lower))
        {
            int j = end + 1;
            if (j < limit && lexicon.Determiners.Contains(words[j].Lower))
            {
                j++;
            }
            int nameEnd = j;
            while (nameEnd < limit && words[nameEnd].IsCapitalized && !words[nameEnd].IsPunctuation)
            {
                nameEnd++;
            }
            if (nameEnd > j)
            {
                affiliation ??= Canonical(words.Join(j, nameEnd), lexicon);
                end = nameEnd;
            }
            else
            {
                // The noun of "the provincial statistics office": the last of its lowercase words.
                int k = j;
                while (k < limit && !words[k].IsPunctuation && !words[k].IsCapitalized && !s_affiliationPrepositions.Contains(words[k].Lower)
                    && words[k].Lower is not ("and" or "or" or "who" or "which" or "that" or "said" or "says"))
                {
                    k++;
                }
                if (k > j)
                {
                    affiliationNoun ??= words[k - 1].Lower;
                    end = k;
                }
            }
        }
        return new Description(end, i, title, info.Country, info.Gender, affiliation, affiliationNoun);
    }

    /// <summary>"U.S." → "United States", "Kremlin" stays "Kremlin"; other names as written.</summary>
    public static string Canonical(string name, SpeakerLexicon lexicon) =>
        lexicon.Places.TryGetValue(name, out var place) ? place.Name : name;
}

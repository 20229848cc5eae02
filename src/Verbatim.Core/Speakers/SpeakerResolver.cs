using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Text;

namespace Verbatim.Speakers;

/// <summary>
/// Resolves the sources of one document's attributions to entities, against the
/// <see cref="MentionIndex"/> built once for the document. Each source is read as one of: a
/// pronoun, a name (with title, nationality, appositive), a role noun ("the secretary"), or a
/// description (a group, a document, an organisation, an unnamed person). Nothing is guessed:
/// a source that the text does not tie to anything stays unresolved.
/// </summary>
internal sealed class SpeakerResolver
{
    /// <summary>A pronoun only looks this many paragraphs back for a name that is not a source.</summary>
    private const int MentionLookbackParagraphs = 2;

    /// <summary>
    /// How many paragraphs back a pronoun, a role noun ("the secretary") or "the campaign" looks for
    /// what it refers to: far enough for a news story's threads, near enough that a link further
    /// back would be a guess (and that resolving stays linear in long documents).
    /// </summary>
    private const int LookbackParagraphs = 8;

    private readonly Document _document;
    private readonly WordSequence _words;
    private readonly MentionIndex _index;
    private readonly SpeakerLexicon _lexicon;
    private readonly Dictionary<string, Entity> _entities = new(StringComparer.Ordinal);
    /// <summary>Sources resolved so far, in document order: what a pronoun or a role noun looks back at.</summary>
    private readonly List<(int Position, int Sentence, int Paragraph, Entity Entity)> _sources = new();
    private readonly Dictionary<int, Entity> _byAttribution = new();

    public SpeakerResolver(Document document, WordSequence words, MentionIndex index, SpeakerLexicon lexicon)
    {
        _document = document;
        _words = words;
        _index = index;
        _lexicon = lexicon;
    }

    public SpeakerLayer Resolve(AttributionLayer layer)
    {
        // Sources in document order, so that a pronoun sees every source before it; then the
        // quotes with no source, which continue the speaker of the attribution before them.
        var ordered = layer.Items.OrderBy(a => a.ContentExtent.Start).ToList();
        var selfReferences = new List<Attribution.Attribution>();
        foreach (var attribution in layer.Items.Where(a => a.Source is not null).OrderBy(a => a.Source!.Value.Start))
        {
            var span = attribution.Source!.Value;
            if (IsSelfReference(span))
            {
                // "I" / "we" inside a quote: its speaker may be named only after the quote ("…,” he said).
                selfReferences.Add(attribution);
                continue;
            }
            var entity = ResolveSource(span);
            if (entity is null)
            {
                continue;
            }
            Assign(attribution, entity, span.Start);
            int word = Math.Min(_words.IndexAt(span.Start), _words.Count - 1);
            if (word >= 0)
            {
                _sources.Add((span.Start, _words[word].Sentence, _words[word].Paragraph, entity));
            }
        }
        foreach (var attribution in selfReferences)
        {
            if (Enclosing(ordered, attribution) is { } entity)
            {
                Assign(attribution, entity, attribution.Source!.Value.Start);
            }
        }
        for (int k = 0; k < ordered.Count; k++)
        {
            var attribution = ordered[k];
            if (attribution.Source is null && attribution.Kind != AttributionKind.Indirect
                && Continued(ordered, k) is { } entity)
            {
                Assign(attribution, entity, attribution.ContentExtent.Start);
            }
        }
        return Build();
    }

    private bool IsSelfReference(TextSpan span)
    {
        var (first, end) = _words.Within(span);
        return end - first == 1 && _lexicon.Pronouns.TryGetValue(_words[first].Lower, out var refersTo) && refersTo == 's';
    }

    /// <summary>
    /// The speaker of the attribution whose content holds this one's source: <see cref="Attribution.Attribution.NestedIn"/>
    /// when the attribution stage gives it, else the nearest attribution whose content contains the source.
    /// Outside any quoted content, "I" is the writer and "we" is unclear: unresolved.
    /// </summary>
    private Entity? Enclosing(List<Attribution.Attribution> ordered, Attribution.Attribution attribution)
    {
        if (attribution.NestedIn is { } outer)
        {
            return _byAttribution.GetValueOrDefault(outer);
        }
        var span = attribution.Source!.Value;
        int lo = 0, hi = ordered.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ordered[mid].ContentExtent.Start <= span.Start) { lo = mid + 1; } else { hi = mid; }
        }
        // Contents overlap only when nested, so the holder is among the few starting just before.
        for (int k = lo - 1; k >= 0 && k >= lo - 16; k--)
        {
            var candidate = ordered[k];
            if (candidate.Id != attribution.Id && candidate.Content.Any(c => c.Contains(span)))
            {
                return _byAttribution.GetValueOrDefault(candidate.Id);
            }
        }
        return null;
    }

    private void Assign(Attribution.Attribution attribution, Entity entity, int position)
    {
        _byAttribution[attribution.Id] = entity;
        entity.FirstPosition = Math.Min(entity.FirstPosition, position);
    }

    /// <summary>The speaker of the nearest attribution before, in the same or the previous paragraph.</summary>
    private Entity? Continued(List<Attribution.Attribution> ordered, int k)
    {
        int paragraph = ParagraphAt(ordered[k].ContentExtent.Start);
        for (int j = k - 1; j >= 0; j--)
        {
            var previous = ordered[j];
            if (previous.NestedIn is not null)
            {
                continue;   // a statement quoted inside another is not the one being continued
            }
            if (paragraph - ParagraphAt(previous.ContentExtent.Start) > 1)
            {
                return null;
            }
            return _byAttribution.GetValueOrDefault(previous.Id);
        }
        return null;
    }

    private int ParagraphAt(int offset)
    {
        int word = _words.IndexAt(offset);
        return word < _words.Count ? _words[word].Paragraph : (_words.Count > 0 ? _words[^1].Paragraph : 0);
    }

    private Entity? ResolveSource(TextSpan span)
    {
        var (first, end) = _words.Within(span);
        while (first < end && _words[first].IsPunctuation) { first++; }
        while (end > first && _words[end - 1].IsPunctuation) { end--; }
        if (first >= end)
        {
            return null;
        }
        // "Moreover, many colleges": a sentence adverb before a comma names no one.
        if (first + 2 < end && _words[first + 1].Text == "," && _lexicon.DiscourseWords.Contains(_words[first].Lower))
        {
            first += 2;
        }

        if (end - first == 1)
        {
            var only = _words[first];
            if (_lexicon.Pronouns.TryGetValue(only.Lower, out var refersTo))
            {
                return refersTo == 's' ? null : ResolvePronoun(span, first, refersTo);
            }
            if (only.Lower is "who" or "which" or "that")
            {
                return Relative(first);
            }
            if (_lexicon.Honorifics.ContainsKey(only.Lower))
            {
                // "Mr." cut from its name: the name that follows it in the text.
                return first + 1 < _words.Count && _index.Covering(first + 1) is { } named && named.First == first + 1
                    ? FromMention(named, span.Start)
                    : null;
            }
            if (_index.IsCommonWord(first) && !IsNounLike(first))
            {
                return null;   // "Having", "Keeps": a common word opening the sentence, not a name
            }
            if (!only.IsCapitalized && !only.IsPunctuation && !IsNounLike(first))
            {
                return null;   // "together", "of": not a noun phrase
            }
            if (!only.IsCapitalized || MentionIndex.IsFunctionWord(only, _lexicon))
            {
                // "some", "all", "others": a quantifier with nothing named behind it.
                if (_lexicon.Determiners.Contains(only.Lower) || MentionIndex.IsFunctionWord(only, _lexicon) || only.Lower is "others" or "both" or "everyone" or "nobody")
                {
                    return null;
                }
            }
        }

        int headEnd = first;
        while (headEnd < end && _words[headEnd].Text != ",")
        {
            headEnd++;
        }
        int h = first;
        bool definite = false;
        if (h + 1 < headEnd && _lexicon.Determiners.Contains(_words[h].Lower))
        {
            definite = _words[h].Lower == "the";
            h++;
        }

        if (_words[h].Lower is "of" && h > first && h + 1 < headEnd)
        {
            return Anonymous(first, headEnd, span.Start);   // "one of the family's attorneys": someone described, not named
        }
        if (_words[h].Lower is "of" or "for" or "at" or "by" or "from" or "with" or "in" or "on" or "to")
        {
            return null;   // "some of", "by everyone I interviewed": no noun phrase heads the source
        }
        if (_index.IsCommonWord(h) && !IsNounLike(h) && h + 1 < headEnd && _words[h + 1].IsCapitalized)
        {
            h++;   // "Rival Hillary Clinton": the sentence's first word is a common word
        }
        if (Coordinated(h, headEnd) is { } coordinated)
        {
            return coordinated;
        }

        // A group or document noun in the head makes the source a group or a document, whatever
        // names modify it: "Trump supporters", "Foreign policy analysts", "a slide from a presentation".
        for (int k = h; k < headEnd; k++)
        {
            var w = _words[k];
            if (w.IsPunctuation || (!w.IsCapitalized && w.Lower is "for" or "at" or "of" or "by" or "from" or "with" or "in" or "on" or "who" or "that" or "which"
                && k + 1 < headEnd && !_words[k + 1].IsCapitalized))
            {
                break;   // "a spokeswoman for the authority": what follows the preposition describes, it is not the head
            }
            if (w.IsCapitalized && k != h)
            {
                continue;   // inside a name ("The New York Post"), a common noun is part of the name
            }
            if (_lexicon.GroupNouns.Contains(w.Lower)
                || (!w.IsCapitalized && w.Lower.Length > 5 && (w.Lower.EndsWith("ists", StringComparison.Ordinal) || w.Lower.EndsWith("ians", StringComparison.Ordinal))))
            {
                return Group(h, headEnd);
            }
            if (_lexicon.DocumentNouns.Contains(w.Lower))
            {
                return DocumentSource(h, k, end);
            }
        }

        // A title that no name follows is a role ("the secretary", "a Homeland Security Department
        // official"); a lowercase organisation noun is an organisation ("the campaign").
        for (int k = h; k < headEnd; k++)
        {
            var w = _words[k];
            if (w.IsPunctuation)
            {
                break;
            }
            int titleEnd = _lexicon.MatchTitle(_words, k, headEnd, out _);
            if (titleEnd > 0)
            {
                if (titleEnd < headEnd && MentionIndex.StartsName(_words, titleEnd, _lexicon))
                {
                    break;   // "spokeswoman Karine Jean-Pierre": a name follows its title
                }
                if (w.IsCapitalized && k != h)
                {
                    continue;   // "Gen" inside "Gen Z", "Chair" inside a name: only a title at the start or in lowercase counts
                }
                return Role(h, headEnd, definite && k == h, span.Start);
            }
            if (w.IsCapitalized)
            {
                continue;
            }
            if (_lexicon.OrganizationNouns.Contains(w.Lower))
            {
                return OrganizationDescription(h, k, headEnd, span.Start);
            }
            if (w.Lower is "for" or "at" or "of" or "by" or "from" or "with" or "in" or "on" or "who" or "that" or "which")
            {
                break;
            }
        }

        if (ChooseMention(h, headEnd) is { } chosen)
        {
            var entity = FromMention(chosen, span.Start);
            if (headEnd + 1 < end && entity.Type == SpeakerType.Person)
            {
                var appositive = Description.Read(_words, headEnd + 1, end, _lexicon);
                entity.Merge(appositive.Title, appositive.TitleCountry, ResolveAffiliation(appositive, headEnd), appositive.Gender);
            }
            return entity;
        }

        // Capitalised words that the index did not take as a name (a name running past the source
        // span): the words of the span are the name.
        int nameEnd = h;
        while (nameEnd < headEnd && _words[nameEnd].IsCapitalized && !_words[nameEnd].IsPunctuation)
        {
            nameEnd++;
        }
        if (nameEnd == headEnd && MentionIndex.StartsName(_words, h, _lexicon))
        {
            string name = _words.Join(h, nameEnd);
            if (_lexicon.Places.TryGetValue(name, out var place))
            {
                var org = GetEntity("o:" + place.Name.ToLowerInvariant(), place.Name, SpeakerType.Organization, span.Start);
                org.Merge(null, null, place.Country, '\0');
                return org;
            }
            if (_lexicon.OrganizationNameWords.Contains(_words[nameEnd - 1].Lower))
            {
                return GetEntity("o:" + name.ToLowerInvariant(), name, SpeakerType.Organization, span.Start);
            }
            return GetEntity("p:" + name.ToLowerInvariant(), name, SpeakerType.Person, span.Start);
        }
        return Anonymous(h, headEnd, span.Start);
    }

    /// <summary>
    /// "Britain and France", "Mr. Grassley and Mr. Leahy", "Donald Trump and Hillary Clinton": names
    /// joined by "and" speak together, as one group named as written; never as one of its members.
    /// </summary>
    private Entity? Coordinated(int h, int headEnd)
    {
        int lastName = -1;
        bool joined = false;
        // A description before the names: "Presidential candidates Hillary Clinton and Donald Trump".
        int firstName = h;
        while (firstName < headEnd && !(_words[firstName].IsCapitalized && !_words[firstName].IsPunctuation && !_lexicon.GroupNouns.Contains(_words[firstName].Lower)
            && _lexicon.MatchTitle(_words, firstName, headEnd, out _) < 0))
        {
            var d = _words[firstName];
            if (d.IsPunctuation || _lexicon.DocumentNouns.Contains(d.Lower) || _lexicon.OrganizationNouns.Contains(d.Lower)
                || d.Lower is "of" or "for" or "at" or "by" or "from" or "with" or "in" or "on" or "to")
            {
                return null;   // "a complaint filed by the Securities and Exchange Commission": not names speaking together
            }
            firstName++;
        }
        for (int k = firstName; k < headEnd; k++)
        {
            var w = _words[k];
            if (w.IsPossessive)
            {
                return null;   // "Hulu and Ora's site": the names modify a noun
            }
            if (w.Lower is "and" or "&" && k > h && k + 1 < headEnd && _words[k - 1].IsCapitalized && !_words[k - 1].IsPunctuation
                && _words[k + 1].IsCapitalized && !_words[k + 1].IsPunctuation && !MentionIndex.IsFunctionWord(_words[k + 1], _lexicon))
            {
                joined = true;
                continue;
            }
            if (w.IsCapitalized && !w.IsPunctuation)
            {
                lastName = k;
            }
            else if (!joined || k <= lastName)
            {
                if (!w.IsCapitalized && !(w.Lower is "of" or "de" or "von" or "van" or "der" or "al" or "bin"))
                {
                    return null;   // "Cruz and his aides", "the Democratic Party and its allies": not names joined
                }
            }
            else
            {
                break;   // "Samuelson and Bentel and almost": what follows the last name is not part of it
            }
        }
        if (!joined || lastName < 0)
        {
            return null;
        }
        // One name with "and" inside ("Procter and Gamble", "Department of Health and Human Services") is one organisation.
        if (_index.Covering(h) is { } m && m.End > lastName)
        {
            return null;
        }
        string name = Raw(h, lastName + 1);
        if (_lexicon.OrganizationNameWords.Contains(_words[lastName].Lower) || _lexicon.OrganizationNouns.Contains(_words[lastName].Lower))
        {
            // "Citizenship and Immigration Services": one institution's name.
            return GetEntity("o:" + name.ToLowerInvariant(), name, SpeakerType.Organization, _words[h].Start);
        }
        return GetEntity("g:" + name.ToLowerInvariant(), name, SpeakerType.Group, _words[h].Start);
    }

    /// <summary>A lowercase word that can head a source: a group, document or organisation noun, a title, or a plural ("peacekeepers").</summary>
    private bool IsNounLike(int k)
    {
        string lower = _words[k].Lower;
        return _lexicon.GroupNouns.Contains(lower) || _lexicon.DocumentNouns.Contains(lower) || _lexicon.OrganizationNouns.Contains(lower)
            || _lexicon.MatchTitle(_words, k, k + 1, out _) > 0
            || (lower.Length > 3 && lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) && !lower.EndsWith("ly", StringComparison.Ordinal));
    }

    /// <summary>
    /// The name a phrase is about: the titled person if there is one ("Nordbank’s chief economist
    /// Ines Moller", "Loyola Law School professor Justin Levitt"), else the first name that is not a
    /// possessive or a prefix of a title.
    /// </summary>
    private Mention? ChooseMention(int first, int end)
    {
        Mention? chosen = null;
        for (int k = first; k < end; k++)
        {
            if (_index.Covering(k) is { } m && m.First >= first && m.End <= end)
            {
                bool titled = m.Title is not null;
                bool modifier = _words[m.End - 1].IsPossessive || (m.End < end && _lexicon.MatchTitle(_words, m.End, end, out _) > 0);
                if (chosen is null ? !modifier || titled : titled && chosen.Title is null)
                {
                    chosen = m;
                }
                k = m.End - 1;
            }
        }
        return chosen;
    }

    /// <summary>"who" / "which" / "that" as a source: the name just before it ("Smith, who said").</summary>
    private Entity? Relative(int word)
    {
        int before = word - 1;
        if (before >= 0 && _words[before].Text == ",")
        {
            before--;
        }
        if (before >= 0 && _index.Covering(before) is { } m && m.End == before + 1)
        {
            return FromMention(m, _words[word].Start);
        }
        return null;
    }

    private Entity? ResolvePronoun(TextSpan span, int word, char refersTo)
    {

        if (refersTo == 'g')
        {
            // "they" / "it": the most recent organisation or group source nearby, never a person.
            for (int k = _sources.Count - 1; k >= 0; k--)
            {
                var s = _sources[k];
                if (s.Position >= span.Start)
                {
                    continue;
                }
                if (_words[word].Paragraph - s.Paragraph > 1)
                {
                    break;
                }
                if (s.Entity.Type is SpeakerType.Organization or SpeakerType.Group)
                {
                    return s.Entity;
                }
            }
            return null;
        }

        // "he" / "she": the most recent compatible source, unless a compatible person is the
        // subject of a later sentence (then the text has moved on to that person).
        (int Position, int Sentence, int Paragraph, Entity Entity)? source = null;
        for (int k = _sources.Count - 1; k >= 0; k--)
        {
            var s = _sources[k];
            if (_words[word].Paragraph - s.Paragraph > LookbackParagraphs)
            {
                break;
            }
            // An unnamed speaker is a "he" or "she" only when its description is a person's role ("a spokeswoman").
            if (s.Position < span.Start && (s.Entity.Type == SpeakerType.Person || (s.Entity.Type == SpeakerType.Anonymous && s.Entity.Title is not null))
                && Compatible(s.Entity.Gender, refersTo))
            {
                source = s;
                break;
            }
        }
        int pronounSentence = _words[word].Sentence;
        int pronounParagraph = _words[word].Paragraph;
        Mention? best = null;
        bool otherPerson = false;
        for (int m = LastMentionBefore(span.Start); m >= 0; m--)
        {
            var mention = _index.Mentions[m];
            if (source is { } src && mention.Sentence <= src.Sentence)
            {
                break;
            }
            if (pronounParagraph - mention.Paragraph > MentionLookbackParagraphs)
            {
                break;
            }
            // Only a mention the text shows to be a person: not a heading, not any capitalised phrase.
            if (mention.InQuote || mention.Kind != MentionKind.Person || mention.InHeading || !(mention.Evidence || WasSource(mention, span.Start)))
            {
                continue;
            }
            if (source is { } named && !named.Entity.Name.EndsWith(mention.Last, StringComparison.Ordinal))
            {
                otherPerson = true;
            }
            var candidate = Fuller(mention) ?? mention;
            char gender = candidate.Gender != '\0' ? candidate.Gender : mention.Gender;
            if (gender == '\0' && _entities.TryGetValue("p:" + candidate.Name.ToLowerInvariant(), out var known))
            {
                gender = known.Gender;   // what earlier pronouns told about this person ("Obama said. He …")
            }
            if (!Compatible(gender, refersTo))
            {
                continue;
            }
            if (source is null || (mention.FirstInSentence && mention.Sentence < pronounSentence))
            {
                // Without a source to prefer, the nearest subject wins over a nearer object.
                if (best is null || (mention.FirstInSentence && !best.FirstInSentence && best.Sentence == mention.Sentence))
                {
                    best = mention;
                }
                if (source is not null || mention.FirstInSentence)
                {
                    break;
                }
            }
        }
        if (best is null && source is { } far && pronounParagraph - far.Paragraph > MentionLookbackParagraphs && otherPerson)
        {
            return null;   // the last speaker is paragraphs back and someone else has been named since: a guess
        }
        var entity = best is not null ? FromMention(best, span.Start) : source?.Entity;
        if (entity is not null && entity.Gender == '\0')
        {
            entity.Gender = refersTo;   // "he" tells the entity's gender for the pronouns after it
        }
        return entity;
    }

    /// <summary>Whether the person this mention names has been the source of an attribution before <paramref name="position"/>.</summary>
    private bool WasSource(Mention mention, int position)
    {
        var full = Fuller(mention, position) ?? mention;
        return _entities.TryGetValue("p:" + full.Name.ToLowerInvariant(), out var entity) && entity.FirstPosition < position;
    }

    private static bool Compatible(char gender, char pronoun) => gender == '\0' || gender == pronoun;

    private int LastMentionBefore(int offset)
    {
        var mentions = _index.Mentions;
        int lo = 0, hi = mentions.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < offset) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
        }
        return found;
    }

    /// <summary>The entity a name mention stands for, with the fullest name the document gives it.</summary>
    private Entity FromMention(Mention mention, int position)
    {
        if (mention.Kind is MentionKind.Organization or MentionKind.Place)
        {
            string name = Description.Canonical(mention.Name, _lexicon);
            _lexicon.Places.TryGetValue(mention.Name, out var place);
            var org = GetEntity("o:" + name.ToLowerInvariant(), name, SpeakerType.Organization, position);
            org.Merge(null, null, place?.Country, '\0');
            return org;
        }

        var full = Fuller(mention, position) ?? mention;
        var person = GetEntity("p:" + full.Name.ToLowerInvariant(), full.Name, SpeakerType.Person, position);
        if (!person.Gathered)
        {
            // Everything the document says about this name, once: every mention with the same full name.
            person.Gathered = true;
            foreach (var same in _index.Named(full.Name))
            {
                person.Merge(same.Title, same.TitleCountry, same.Affiliation, same.Gender);
            }
        }
        person.Merge(mention.Title, mention.TitleCountry, mention.Affiliation, mention.Gender);
        return person;
    }

    /// <summary>
    /// A fuller mention of the same person: "Antony Blinken" for "Blinken", "Lloyd Austin" (Secretary
    /// of Defense) for "Secretary Austin". The nearest one before wins ("Smith" after "Mary Smith" is
    /// her even when a "John Smith" came earlier); else the first one after.
    /// </summary>
    private Mention? Fuller(Mention mention, int position = -1)
    {
        if (position < 0)
        {
            position = mention.Start;
        }
        var candidates = _index.FullNamesEndingWith(mention.Last);
        // The first candidate at or after the position, found by bisection; the scan then walks back
        // from there, so a name mentioned thousands of times costs little per source.
        int lo = 0, hi = candidates.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (candidates[mid].Start < position) { lo = mid + 1; } else { hi = mid; }
        }
        for (int k = lo - 1; k >= 0; k--)
        {
            if (Agrees(mention, candidates[k]))
            {
                return candidates[k];
            }
        }
        for (int k = lo; k < candidates.Count; k++)
        {
            if (Agrees(mention, candidates[k]))
            {
                return candidates[k];
            }
        }
        return null;

        bool Agrees(Mention mention, Mention candidate) =>
            candidate.Words.Length > mention.Words.Length
            && (mention.Gender == '\0' || candidate.Gender == '\0' || mention.Gender == candidate.Gender)
            && TitlesAgree(mention.Title, candidate.Title)
            && (EndsWith(candidate.Words, mention.Words)
                || (mention.Words.Length == 1 && candidate.Words[0] == mention.Last && MentionIndex.IsHyphenatedGivenName(candidate.Last)));
    }

    private static bool EndsWith(string[] full, string[] part)
    {
        for (int k = 1; k <= part.Length; k++)
        {
            if (full[^k] != part[^k])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"Secretary" agrees with "Secretary of Defense"; "Senator" does not agree with "Governor".</summary>
    private bool TitlesAgree(string? shortTitle, string? fullTitle)
    {
        if (shortTitle is null || fullTitle is null)
        {
            return true;
        }
        var shortWords = _lexicon.TitleWords(shortTitle).ToList();
        var fullWords = _lexicon.TitleWords(fullTitle).ToList();
        return fullWords.Contains(shortWords[^1]) || shortWords.Contains(fullWords[^1]);
    }

    /// <summary>"the secretary", "the spokeswoman": the nearest person before whose title has that noun.</summary>
    private Entity? Role(int h, int headEnd, bool definite, int position)
    {
        var description = Description.Read(_words, h, headEnd, _lexicon);
        if (definite && description.Title is { } title)
        {
            string head = _lexicon.TitleWords(title).Last();
            int paragraph = _words[h].Paragraph;
            for (int k = _sources.Count - 1; k >= 0 && paragraph - _sources[k].Paragraph <= LookbackParagraphs; k--)
            {
                var s = _sources[k].Entity;
                if (_sources[k].Position < position && s.Type is SpeakerType.Person or SpeakerType.Anonymous && HasTitleWord(s.Title, head))
                {
                    return s;
                }
            }
            for (int m = LastMentionBefore(position); m >= 0 && paragraph - _index.Mentions[m].Paragraph <= LookbackParagraphs; m--)
            {
                var mention = _index.Mentions[m];
                if (mention.Kind == MentionKind.Person && HasTitleWord(mention.Title, head))
                {
                    return FromMention(mention, position);
                }
            }
        }
        return Anonymous(h, headEnd, position);
    }

    private bool HasTitleWord(string? title, string word) =>
        title is not null && _lexicon.TitleWords(title).Contains(word);

    /// <summary>Someone the text describes but does not name: the description is the name.</summary>
    private Entity Anonymous(int h, int headEnd, int position)
    {
        string name = Raw(h, headEnd);
        var description = Description.Read(_words, h, headEnd, _lexicon);
        var entity = GetEntity("a:" + name.ToLowerInvariant(), name, SpeakerType.Anonymous, position);
        entity.Merge(description.Title, description.TitleCountry, ResolveAffiliation(description, h), description.Gender);
        return entity;
    }

    /// <summary>"analysts at Nordbank": a group, named by its description, affiliated with the name in it.</summary>
    private Entity Group(int h, int headEnd)
    {
        string name = Raw(h, headEnd);
        var entity = GetEntity("g:" + name.ToLowerInvariant(), name, SpeakerType.Group, _words[h].Start);
        for (int k = h; k < headEnd; k++)
        {
            if (_index.Covering(k) is { } m && m.Kind is MentionKind.Organization or MentionKind.Place)
            {
                entity.Merge(null, null, Description.Canonical(m.Name, _lexicon), '\0');
                break;
            }
            if (_lexicon.MatchDemonym(_words, k, headEnd, out var country) > 0)
            {
                entity.Merge(null, null, country, '\0');   // "Russian officials"
                break;
            }
        }
        return entity;
    }

    /// <summary>A report "by" an author is the author's; without one, the document itself speaks.</summary>
    private Entity DocumentSource(int h, int noun, int end)
    {
        for (int k = noun + 1; k < end; k++)
        {
            if (_words[k].Lower != "by")
            {
                continue;
            }
            int a = k + 1;
            if (a < end && _lexicon.Determiners.Contains(_words[a].Lower))
            {
                a++;
            }
            int authorEnd = a;
            while (authorEnd < end && _words[authorEnd].Text != ",") { authorEnd++; }
            if (a >= authorEnd)
            {
                break;
            }
            if (ChooseMention(a, authorEnd) is { } m)
            {
                if (m.Kind == MentionKind.Unknown)
                {
                    m.Kind = MentionKind.Organization;   // a lone unknown name that writes reports is an institution
                }
                return FromMention(m, _words[h].Start);
            }
            string author = Raw(a, authorEnd);
            return GetEntity("o:" + author.ToLowerInvariant(), author, SpeakerType.Organization, _words[h].Start);
        }
        int nameEnd = h;
        while (nameEnd < end && _words[nameEnd].Text != ",") { nameEnd++; }
        string name = Raw(h, nameEnd);
        return GetEntity("d:" + name.ToLowerInvariant(), name, SpeakerType.Document, _words[h].Start);
    }

    /// <summary>"the campaign": the organisation of that kind named before, else the description itself.</summary>
    private Entity OrganizationDescription(int h, int noun, int headEnd, int position)
    {
        bool named = false;
        for (int k = h; k < noun; k++)
        {
            named |= _words[k].IsCapitalized;
        }
        string nounText = _words[noun].Lower;
        if (!named)
        {
            int paragraph = _words[h].Paragraph;
            for (int k = _sources.Count - 1; k >= 0 && paragraph - _sources[k].Paragraph <= LookbackParagraphs; k--)
            {
                var s = _sources[k].Entity;
                if (_sources[k].Position < position && s.Type == SpeakerType.Organization && s.Name.Contains(nounText, StringComparison.OrdinalIgnoreCase))
                {
                    return s;
                }
            }
            for (int m = LastMentionBefore(position); m >= 0 && paragraph - _index.Mentions[m].Paragraph <= LookbackParagraphs; m--)
            {
                var mention = _index.Mentions[m];
                if (mention.Kind == MentionKind.Organization && mention.Words.Any(w => w.Equals(nounText, StringComparison.OrdinalIgnoreCase)))
                {
                    return FromMention(mention, position);
                }
            }
        }
        string name = Raw(h, headEnd);
        return GetEntity("o:" + name.ToLowerInvariant(), name, SpeakerType.Organization, position);
    }

    private string? ResolveAffiliation(Description description, int word)
    {
        if (description.Affiliation is not null || description.AffiliationNoun is null)
        {
            return description.Affiliation;
        }
        int before = LastMentionBefore(word < _words.Count ? _words[word].Start : int.MaxValue);
        return MentionIndex.FindByNoun(_index.Mentions, before + 1, description.AffiliationNoun);
    }

    /// <summary>The text of words [first, end) as written (keeps "bank’s", drops nothing inside).</summary>
    private string Raw(int first, int end) => _document.Text[_words[first].Start.._words[end - 1].End];

    private Entity GetEntity(string key, string name, SpeakerType type, int position)
    {
        if (!_entities.TryGetValue(key, out var entity))
        {
            _entities[key] = entity = new Entity(name, type) { FirstPosition = position };
        }
        return entity;
    }

    private SpeakerLayer Build()
    {
        var ordered = _byAttribution.Values.Distinct().OrderBy(e => e.FirstPosition).ToList();
        var speakers = new Dictionary<Entity, Speaker>();
        var list = ImmutableArray.CreateBuilder<Speaker>(ordered.Count);
        foreach (var entity in ordered)
        {
            string? affiliation = entity.Affiliation;
            // A national office ("Secretary of State") implies its country only when the article speaks of that country.
            if (affiliation is null && entity.TitleCountry is { } country && _index.CountriesMentioned.Contains(country))
            {
                affiliation = country;
            }
            var speaker = new Speaker("s" + (list.Count + 1), entity.Name, entity.Title, affiliation, entity.Type);
            speakers[entity] = speaker;
            list.Add(speaker);
        }
        var byAttribution = _byAttribution.ToImmutableDictionary(p => p.Key, p => speakers[p.Value]);
        return new SpeakerLayer(list.MoveToImmutable(), byAttribution);
    }

    /// <summary>A speaker being built: what the document says about it accumulates here.</summary>
    private sealed class Entity(string name, SpeakerType type)
    {
        public string Name { get; } = name;
        public SpeakerType Type { get; } = type;
        public string? Title { get; private set; }
        public string? TitleCountry { get; private set; }
        public string? Affiliation { get; private set; }
        public char Gender { get; set; }
        public int FirstPosition { get; set; }
        /// <summary>Whether the attributes of all the mentions of its name have been merged in.</summary>
        public bool Gathered { get; set; }

        /// <summary>Keeps the fullest title ("Secretary of Defense" over "Secretary") and the first affiliation and gender.</summary>
        public void Merge(string? title, string? titleCountry, string? affiliation, char gender)
        {
            if (title is not null && (Title is null || title.Length > Title.Length))
            {
                Title = title;
                TitleCountry = titleCountry ?? TitleCountry;
            }
            Affiliation ??= affiliation;
            if (Gender == '\0')
            {
                Gender = gender;
            }
        }
    }
}

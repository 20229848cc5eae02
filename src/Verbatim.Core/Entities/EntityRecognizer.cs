using System.Buffers;
using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Entities;

/// <summary>
/// Finds the names of a document without a trained model: runs of capitalised words, read in one
/// pass over the tokens, typed by the lexicons (a gazetteer, organisation and place head words,
/// titles, given names) and then, in a pass over the names alone, resolved against each other:
/// "Blinken" takes the fullest name the document gives, "Putin" the curated one. A lowercase word
/// costs one character test; only capitalised words are looked up.
/// </summary>
/// <remarks>
/// Precision comes first. A capitalised word that may be capitalised only because of where it
/// stands — first in a sentence, after an opening quotation mark or a colon, in a heading, or
/// inside a quotation (emphasis, a slogan) — is kept only when the lexicons know it or the
/// document uses it as a name elsewhere. Nationality adjectives ("Russian uniforms") are not
/// entities; "U.S." is, being a name as well as an adjective.
/// </remarks>
internal sealed class EntityRecognizer
{
    /// <summary>Longer runs are lists or headlines; splitting them is not worth its quadratic lookups.</summary>
    private const int MaxRunToSplit = 8;

    private static readonly SearchValues<char> s_oddSpace = SearchValues.Create("\t\n\r\u00A0\u2028\u2029");

    private readonly Document _document;
    private readonly EntityLexicon _lexicon;
    private readonly ImmutableArray<Token> _tokens;
    private readonly string _text;
    private readonly List<Candidate> _found = new();
    private readonly Quotation[] _quotes;
    private int _quote;

    private EntityRecognizer(Document document, EntityLexicon lexicon)
    {
        _document = document;
        _lexicon = lexicon;
        _tokens = document.Tokens;
        _text = document.Text;
        _quotes = document.Quotations.Where(q => q.Depth == 0).ToArray();
    }

    [Flags]
    private enum Evidence : byte
    {
        None = 0,
        /// <summary>The lexicons or the context (a title, a given name) say it is a name.</summary>
        Confirmed = 1,
        /// <summary>Capitalised perhaps only by position: a sentence start, a heading.</summary>
        Initial = 2,
        InQuote = 4,
    }

    private sealed class Candidate(TextSpan span, EntityType type, string name, string surface, Evidence evidence)
    {
        public TextSpan Span { get; } = span;
        public EntityType Type { get; set; } = type;
        public string Name { get; set; } = name;
        /// <summary>The name as written (title and suffix excluded): what other mentions are compared by.</summary>
        public string Surface { get; } = surface;
        public Evidence Evidence { get; } = evidence;
        public bool Has(Evidence e) => (Evidence & e) != 0;
    }

    public static EntityLayer Recognize(Document document, EntityLexicon lexicon)
    {
        var recognizer = new EntityRecognizer(document, lexicon);
        recognizer.Scan();
        return new EntityLayer(recognizer.Resolve());
    }

    private void Scan()
    {
        foreach (var paragraph in _document.Paragraphs)
        {
            bool heading = IsHeading(paragraph);
            for (int s = paragraph.FirstSentence; s < paragraph.EndSentence; s++)
            {
                var sentence = _document.Sentences[s];
                int limit = sentence.EndToken;
                bool atStart = true;
                int t = sentence.FirstToken;
                while (t < limit)
                {
                    var token = _tokens[t];
                    if (token.Kind != TokenKind.Word)
                    {
                        // An opening quotation mark (glued to the word after it) or a colon starts a
                        // new sentence-like stretch: "Make no mistake: If these ...".
                        if ((token.Kind == TokenKind.QuoteMark && t + 1 < limit && _tokens[t + 1].Start == token.End)
                            || _text[token.Start] == ':')
                        {
                            atStart = true;
                        }
                        else if (token.Kind == TokenKind.Number)
                        {
                            atStart = false;
                        }
                        t++;
                        continue;
                    }
                    if (!char.IsUpper(_text[token.Start]))
                    {
                        atStart = false;
                        t++;
                        continue;
                    }
                    bool initial = atStart || heading;
                    atStart = false;
                    t = ReadAt(t, limit, initial, heading);
                }
            }
        }
    }

    /// <summary>Reads the name (or names) at capitalised token <paramref name="t"/>; returns the token after them.</summary>
    private int ReadAt(int t, int limit, bool initial, bool heading)
    {
        var first = _document.TokenText(t);
        // "D-Calif.", "R-Kan.": a legislator's party and state, not a name.
        if (_lexicon.NeverNames.Contains(first) || (first.Length <= 8 && first.Length > 2 && first[1] == '-' && first[0] is 'D' or 'R' or 'I'))
        {
            return t + 1;
        }

        int end = RunEnd(t, limit);
        // The whole run may be a known name that starts like a title or a nationality ("Justice
        // Department", "Democratic People’s Republic of Korea").
        if (end - t > 1 && Known(t, end) is { } whole)
        {
            Add(t, end, limit, whole.Type, whole.Name, initial, Evidence.Confirmed);
            return end;
        }

        int demonym = _lexicon.Demonyms.Match(_document, t, end);
        if (demonym > 0)
        {
            // "U.S." is a name as well as an adjective; "Russian" is only an adjective.
            if (Known(t, demonym) is { } country)
            {
                Add(t, demonym, limit, country.Type, country.Name, initial, Evidence.Confirmed, allowSuffix: false);
            }
            // "Republican National Committee", "Russian Defense Ministry": the adjective belongs to the body.
            if (demonym < end && end - demonym > 1 && _lexicon.OrganizationWords.Contains(_document.TokenText(end - 1)))
            {
                Add(t, end, limit, EntityType.Organization, null, initial, Evidence.Confirmed);
                return end;
            }
            return demonym < end ? ReadAt(demonym, limit, initial: false, heading) : demonym;
        }

        int title = _lexicon.Titles.Match(_document, t, limit);
        if (title > 0)
        {
            if (title < limit && StartsName(title))
            {
                int nameEnd = RunEnd(title, limit, person: true);
                Add(title, nameEnd, limit, EntityType.Person, null, initial, Evidence.Confirmed);
                return nameEnd;
            }
            if (title >= end)
            {
                return title;   // a title alone ("the President said") names no one
            }
        }

        // A title inside the run starts a person: "Nordbank Chief Economist Ines Moller".
        for (int k = t + 1; k < end; k++)
        {
            int inner = _lexicon.Titles.Match(_document, k, limit);
            if (inner > 0 && inner < limit && StartsName(inner))
            {
                Classify(t, k, limit, initial, heading);
                int nameEnd = RunEnd(inner, limit, person: true);
                Add(inner, nameEnd, limit, EntityType.Person, null, initial: false, Evidence.Confirmed);
                return nameEnd;
            }
        }

        // A given name inside the run starts a person: "Senate Intelligence Ranking Democrat Dianne Feinstein".
        for (int k = t + 1; k + 1 < end; k++)
        {
            if (_lexicon.GivenNames.ContainsKey(_document.TokenText(k)))
            {
                Classify(t, k, limit, initial, heading);
                Add(k, end, limit, EntityType.Person, null, initial: false, Evidence.Confirmed);
                return end;
            }
        }

        Classify(t, end, limit, initial, heading, checkedKnown: end - t > 1);
        return end;
    }

    /// <summary>Types the run [a, e) from its words and what follows it, and adds it.</summary>
    private void Classify(int a, int e, int limit, bool initial, bool heading, bool checkedKnown = false)
    {
        if (!checkedKnown && Known(a, e) is { } known)
        {
            Add(a, e, limit, known.Type, known.Name, initial, Evidence.Confirmed);
            return;
        }
        // A lowercase title just before the name: "foreign minister Cho Tae-yul", "spokesman John Kirby".
        if (a > 0 && _tokens[a - 1].Kind == TokenKind.Word && char.IsLower(_text[_tokens[a - 1].Start])
            && _lexicon.TitleLastWords.Contains(_document.TokenText(a - 1)))
        {
            Add(a, e, limit, EntityType.Person, null, initial, Evidence.Confirmed);
            return;
        }
        var firstWord = _document.TokenText(a);
        var lastWord = _document.TokenText(e - 1);
        bool single = e - a == 1;
        if (!single && _lexicon.PlaceWords.Contains(lastWord))
        {
            Add(a, e, limit, EntityType.Place, null, initial, Evidence.Confirmed);
            return;
        }
        if (_lexicon.OrganizationWords.Contains(lastWord) || (e - a >= 3 && _lexicon.OrganizationWords.Contains(firstWord)))
        {
            // "Finance Ministry", "Ministry of Defence"; a lone "Ministry" is a common noun.
            if (!single)
            {
                Add(a, e, limit, EntityType.Organization, null, initial, Evidence.Confirmed);
            }
            return;
        }
        if (!single && _lexicon.GivenNames.ContainsKey(firstWord))
        {
            Add(a, e, limit, EntityType.Person, null, initial, Evidence.Confirmed);
            return;
        }
        if (single && IsAcronym(firstWord))
        {
            // Most acronyms in news name organisations (NATO, IAEA); the common others are in [not-names].
            Add(a, e, limit, EntityType.Organization, null, initial, heading ? Evidence.None : Evidence.Confirmed);
            return;
        }
        if (!single && SplitAroundKnown(a, e, limit, initial, heading))
        {
            return;
        }
        if (!single && e - a <= 4 && LooksLikePersonalName(a, e))
        {
            Add(a, e, limit, EntityType.Person, null, initial, Evidence.None);
            return;
        }
        Add(a, e, limit, EntityType.Other, null, initial, Evidence.None);
    }

    /// <summary>
    /// A run that is no name as a whole may hold a known one, as headings do ("Russia Amid Fresh
    /// Warnings"): the first, longest known part is added, and the words around it typed on their own.
    /// </summary>
    private bool SplitAroundKnown(int a, int e, int limit, bool initial, bool heading)
    {
        int last = Math.Min(e, a + MaxRunToSplit);
        for (int p = a; p < last; p++)
        {
            for (int q = last; q > p; q--)
            {
                if ((p, q) != (a, e) && Known(p, q) is { } known)
                {
                    if (p > a)
                    {
                        Classify(a, p, limit, initial, heading);
                    }
                    Add(p, q, limit, known.Type, known.Name, initial && p == a, Evidence.Confirmed);
                    if (q < e)
                    {
                        Classify(q, e, limit, initial: initial || heading, heading);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Several capitalised words with nothing of a place or an institution: most often a person.</summary>
    private bool LooksLikePersonalName(int a, int e)
    {
        for (int k = a; k < e; k++)
        {
            var w = _document.TokenText(k);
            if (!char.IsUpper(w[0]) || IsAcronym(w) || w.ContainsAnyInRange('0', '9')
                || _lexicon.KnownBySpan.ContainsKey(w) || _lexicon.PlaceWords.Contains(w) || _lexicon.ThingWords.Contains(w)
                || w.EndsWith("-based", StringComparison.Ordinal) || w.EndsWith("-backed", StringComparison.Ordinal)
                || w.EndsWith("-backing", StringComparison.Ordinal) || w.EndsWith("-led", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private void Add(int a, int e, int limit, EntityType type, string? name, bool initial, Evidence evidence, bool allowSuffix = true)
    {
        string surface = NameOf(a, e);
        int spanEnd = _tokens[e - 1].End;
        // "the Kursk region", "Kherson oblast": the place word belongs to the name.
        if (allowSuffix && type != EntityType.Person && e < limit && _tokens[e].Kind == TokenKind.Word
            && char.IsLower(_text[_tokens[e].Start]) && _lexicon.PlaceWords.Contains(_document.TokenText(e)))
        {
            spanEnd = _tokens[e].End;
            type = EntityType.Place;
            surface = _text[_tokens[a].Start..spanEnd];
            name = null;
            evidence |= Evidence.Confirmed;
        }
        if (initial)
        {
            evidence |= Evidence.Initial;
        }
        if (InQuote(_tokens[a].Start))
        {
            evidence |= Evidence.InQuote;
        }
        _found.Add(new Candidate(new TextSpan(_tokens[a].Start, spanEnd), type, name ?? surface, surface, evidence));
    }

    /// <summary>
    /// The end of the run of capitalised words at <paramref name="t"/>, with the particles and
    /// joiners inside names ("Ursula von der Leyen", "Republic of Korea"). A possessive ends it.
    /// </summary>
    private int RunEnd(int t, int limit, bool person = false)
    {
        int end = t;
        while (end < limit)
        {
            var token = _tokens[end];
            if (token.Kind != TokenKind.Word)
            {
                break;
            }
            var w = _document.TokenText(end);
            if (char.IsUpper(w[0]))
            {
                if (end > t && _lexicon.NeverNames.Contains(w))
                {
                    break;
                }
                end++;
                if (end < limit && IsPossessive(end))
                {
                    // "Democratic People’s Republic": the only possessive inside a name.
                    if (w is "People" && end + 1 < limit && StartsName(end + 1))
                    {
                        end++;
                        continue;
                    }
                    break;
                }
                continue;
            }
            if (end > t && end + 1 < limit && IsJoiner(w, end, t, person) && StartsName(end + 1))
            {
                end++;
                continue;
            }
            if (end > t && w is "of" && !person && end + 2 < limit && _document.TokenText(end + 1) is "the"
                && IsJoiner(w, end, t, person) && StartsName(end + 2))
            {
                end += 2;   // "International Committee of the Red Cross"
                continue;
            }
            break;
        }
        return end;
    }

    private bool IsJoiner(ReadOnlySpan<char> w, int at, int runStart, bool person)
    {
        if (w is "de" or "von" or "van" or "der" or "den" or "bin" or "al" or "da" or "del" or "di" or "du" or "la" or "le" or "dos" or "das")
        {
            return true;
        }
        // "of" joins an institution or a place ("Bank of England"), never a person and a place
        // ("Gov. Earl Ray Tomblin of West Virginia").
        return w is "of" or "for" && !person && at > runStart && _lexicon.JoinerHeads.Contains(_document.TokenText(at - 1));
    }

    private bool IsPossessive(int t) =>
        _tokens[t].Start == _tokens[t - 1].End && _document.TokenText(t) is "’s" or "'s" or "’S" or "'S" or "’" or "'";

    private bool StartsName(int t)
    {
        if (t >= _tokens.Length || _tokens[t].Kind != TokenKind.Word)
        {
            return false;
        }
        var w = _document.TokenText(t);
        return char.IsUpper(w[0]) && !_lexicon.NeverNames.Contains(w);
    }

    private KnownName? Known(int a, int e)
    {
        if (e - a == 1)
        {
            return _lexicon.KnownBySpan.TryGetValue(_document.TokenText(a), out var k) ? k : null;
        }
        if (!_lexicon.KnownFirstWords.Contains(_document.TokenText(a)))
        {
            return null;
        }
        string name = NameOf(a, e);
        if (_lexicon.Known.TryGetValue(name, out var known))
        {
            return known;
        }
        return name.Contains('’') && _lexicon.Known.TryGetValue(name.Replace('’', '\''), out known) ? known : null;
    }

    /// <summary>The words [a, e) as one name: the text itself, unless a line break or odd space sits between words.</summary>
    private string NameOf(int a, int e)
    {
        var slice = _text.AsSpan(_tokens[a].Start, _tokens[e - 1].End - _tokens[a].Start);
        if (slice.IndexOfAny(s_oddSpace) < 0 && !slice.Contains("  ", StringComparison.Ordinal))
        {
            return slice.ToString();
        }
        return string.Join(' ', slice.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        int letters = 0;
        foreach (char c in w)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return letters >= 2;
    }

    private bool InQuote(int offset)
    {
        while (_quote < _quotes.Length && _quotes[_quote].Span.End <= offset)
        {
            _quote++;
        }
        return _quote < _quotes.Length && _quotes[_quote].Span.Contains(offset);
    }

    /// <summary>
    /// A heading, a byline or a label: a one-sentence paragraph that does not end like a sentence
    /// and whose words are mostly capitalised. Its capitals say nothing about names.
    /// </summary>
    private bool IsHeading(Paragraph paragraph)
    {
        if (paragraph.SentenceCount != 1)
        {
            return false;
        }
        var sentence = _document.Sentences[paragraph.FirstSentence];
        if (sentence.TokenCount < 2 || sentence.TokenCount > 24)
        {
            return false;
        }
        var last = _document.TokenText(sentence.EndToken - 1);
        if (last is "." or "!" or "?" or "…" or "”" or "\"" or "’" or "'")
        {
            return false;
        }
        int words = 0, capitals = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (_tokens[t].Kind != TokenKind.Word)
            {
                continue;
            }
            var w = _document.TokenText(t);
            bool capital = char.IsUpper(w[0]);
            // Short function words stay lowercase in title case ("of", "in", "the").
            if (capital || w.Length > 3)
            {
                words++;
                if (capital)
                {
                    capitals++;
                }
            }
        }
        return words >= 2 && capitals * 10 >= words * 6;
    }

    /// <summary>
    /// The pass over the names alone: a bare surname takes the fullest name the document gives (the
    /// nearest before it, else the first after), or the curated one; a name capitalised perhaps
    /// only by position is kept when the document confirms it elsewhere.
    /// </summary>
    private ImmutableArray<Entity> Resolve()
    {
        var fullNames = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var confirmedSurfaces = new HashSet<string>(StringComparer.Ordinal);
        var personSurfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var firstNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in _found)
        {
            if (c.Type == EntityType.Person && c.Surface.Contains(' ') && (c.Has(Evidence.Confirmed) || !c.Has(Evidence.Initial | Evidence.InQuote)))
            {
                string last = c.Surface[(c.Surface.LastIndexOf(' ') + 1)..];
                if (!fullNames.TryGetValue(last, out var list))
                {
                    fullNames[last] = list = new();
                }
                list.Add(c);
                string given = c.Surface[..c.Surface.IndexOf(' ')];
                if (c.Has(Evidence.Confirmed) && _lexicon.GivenNames.ContainsKey(given))
                {
                    // "Bernie" → "Bernie Sanders", unless two people share the given name.
                    firstNames[given] = firstNames.TryGetValue(given, out var other) && other != c.Surface ? "" : c.Surface;
                }
            }
            if (c.Has(Evidence.Confirmed) || !c.Has(Evidence.Initial | Evidence.InQuote))
            {
                confirmedSurfaces.Add(c.Surface);
            }
            if (c.Type == EntityType.Person && c.Has(Evidence.Confirmed) && !c.Surface.Contains(' '))
            {
                personSurfaces.TryAdd(c.Surface, c.Surface);   // "Mr. Smith", "Secretary Austin"
            }
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(_found.Count);
        foreach (var c in _found)
        {
            bool resolved = false;
            if (c.Type is EntityType.Person or EntityType.Other && !c.Surface.Contains(' '))
            {
                if (fullNames.TryGetValue(c.Surface, out var candidates))
                {
                    c.Name = Nearest(candidates, c.Span.Start).Surface;
                    c.Type = EntityType.Person;
                    resolved = true;
                }
                else if (_lexicon.People.TryGetValue(c.Surface, out var curated))
                {
                    c.Name = curated;
                    c.Type = EntityType.Person;
                    resolved = true;
                }
                else if (firstNames.TryGetValue(c.Surface, out var full) && full.Length > 0)
                {
                    c.Name = full;
                    c.Type = EntityType.Person;
                    resolved = true;
                }
                else if (personSurfaces.ContainsKey(c.Surface)
                    || (_lexicon.GivenNames.ContainsKey(c.Surface) && !c.Has(Evidence.Initial | Evidence.InQuote)))
                {
                    c.Type = EntityType.Person;
                    resolved = true;
                }
            }
            else if (c.Type == EntityType.Person && _lexicon.People.TryGetValue(c.Surface, out var curatedFull))
            {
                c.Name = curatedFull;   // "Kim Jong-un" → "Kim Jong Un"
            }

            bool doubtful = c.Has(Evidence.Initial | Evidence.InQuote) && !c.Has(Evidence.Confirmed) && !resolved;
            if (doubtful && !ConfirmedElsewhere(c, confirmedSurfaces))
            {
                continue;
            }
            entities.Add(new Entity(c.Span, c.Type, c.Name));
        }
        return entities.DrainToImmutable();
    }

    /// <summary>Another mention of the same words, capitalised where only a name would be.</summary>
    private static bool ConfirmedElsewhere(Candidate c, HashSet<string> confirmedSurfaces) =>
        confirmedSurfaces.Contains(c.Surface);

    /// <summary>
    /// The full name a surname stands for: among those the context confirms (a given name, a title)
    /// if any — "Hillary Clinton" over "Team Clinton" — the nearest before it, else the first after.
    /// </summary>
    private static Candidate Nearest(List<Candidate> candidates, int position)
    {
        bool anyConfirmed = candidates.Exists(c => c.Has(Evidence.Confirmed));
        Candidate? best = null;
        foreach (var c in candidates)
        {
            if (anyConfirmed && !c.Has(Evidence.Confirmed))
            {
                continue;
            }
            if (c.Span.Start <= position)
            {
                best = c;
            }
            else
            {
                return best ?? c;
            }
        }
        return best ?? candidates.First(c => !anyConfirmed || c.Has(Evidence.Confirmed));
    }
}

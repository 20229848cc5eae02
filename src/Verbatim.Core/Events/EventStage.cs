using System.Collections.Immutable;
using Verbatim.Pipeline;
using Verbatim.Speakers;
using Verbatim.Text;
using Verbatim.Times;

namespace Verbatim.Events;

/// <summary>
/// Finds the events an article reports from the nouns that name them ("meeting", "talks",
/// "summit", "phone call", "visit", "press conference"), and adds the <see cref="EventLayer"/>.
/// The name is the noun phrase around the noun ("The U.S.-Republic of Korea 2+2 meeting of
/// foreign and defense secretaries"); the place is what follows "in" or "at" in the same clause;
/// the date is a single-day time expression of the same sentence; participants are the people
/// the sentence names (resolved to the document's speakers where it can) and the people who
/// speak in the same paragraph.
/// </summary>
public sealed class EventStage : IDocumentStage
{
    public string Name => "events";

    private static readonly Dictionary<string, EventKind> Nouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["meeting"] = EventKind.Meeting, ["meetings"] = EventKind.Meeting, ["talks"] = EventKind.Meeting,
        ["summit"] = EventKind.Summit, ["call"] = EventKind.Call, ["visit"] = EventKind.Visit, ["trip"] = EventKind.Visit,
        ["conference"] = EventKind.PressConference, ["briefing"] = EventKind.PressConference,
        ["hearing"] = EventKind.Other, ["rally"] = EventKind.Other, ["debate"] = EventKind.Other, ["forum"] = EventKind.Other,
    };

    /// <summary>Words that, right before "call" or "conference", make it the event noun ("phone call", "press conference").</summary>
    private static readonly HashSet<string> Qualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "phone", "telephone", "video", "press", "news", "joint", "virtual",
    };

    /// <summary>Words that end a name on the right: verbs and prepositions that start what is said of it.</summary>
    private static readonly HashSet<string> NameStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "held", "in", "at", "on", "with", "that", "which", "who", "where", "when", "was", "were", "is", "are", "will", "would",
        "to", "for", "since", "after", "before", "during", "ended", "began", "took", "served", "has", "had", "between", "by",
    };

    // Looked up by the token's text in place: no string per token.
    private static readonly Dictionary<string, EventKind>.AlternateLookup<ReadOnlySpan<char>> NounLookup = Nouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> QualifierLookup = Qualifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameStopLookup = NameStops.GetAlternateLookup<ReadOnlySpan<char>>();

    public Document Process(Document document)
    {
        var tokens = document.Tokens;
        var times = document.Get<TimeLayer>() ?? new TimeLayer(ImmutableArray<TimeExpression>.Empty);
        var result = ImmutableArray.CreateBuilder<NewsEvent>();
        Dictionary<string, List<(int Order, string Name)>>? people = null;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || !NounLookup.TryGetValue(document.TokenText(t), out var kind)) continue;
            var word = document.TokenText(t);
            bool qualified = t > 0 && QualifierLookup.Contains(document.TokenText(t - 1));
            // "call" and "conference" are events only with their qualifier ("a phone call", "a press conference").
            if ((word.Equals("call", StringComparison.OrdinalIgnoreCase) || word.Equals("conference", StringComparison.OrdinalIgnoreCase)) && !qualified) continue;
            if (word.Equals("conference", StringComparison.OrdinalIgnoreCase) && t > 0 && document.TokenText(t - 1).Equals("video", StringComparison.OrdinalIgnoreCase)) kind = EventKind.Meeting;
            int sentence = document.SentenceOfToken(t);
            var s = document.Sentences[sentence];
            int from = NameStart(document, t, s.FirstToken);
            int to = NameEnd(document, t, s.EndToken);
            // A bare "the meeting" names nothing new: only a phrase that says which meeting counts.
            if (to - from < 2 && !qualified) continue;
            var span = new TextSpan(tokens[from].Start, tokens[to - 1].End);
            var place = Place(document, to, s.EndToken);
            var date = DateIn(document, times, s.Span);
            result.Add(new NewsEvent(kind, document[span], span, place, date, Participants(document, sentence, people ??= PeopleBySurname(document))));
            t = to - 1;
        }
        return document.With(new EventLayer(result.ToImmutable()));
    }

    private static int NameStart(Document document, int noun, int sentenceStart)
    {
        int from = noun;
        while (from > sentenceStart)
        {
            int previous = from - 1;
            var token = document.Tokens[previous];
            var text = document.TokenText(previous);
            bool joins = token.Kind == TokenKind.Number
                || (token.Kind == TokenKind.Word && (char.IsUpper(text[0]) || QualifierLookup.Contains(text) || text.Equals("of", StringComparison.OrdinalIgnoreCase)))
                || (token.Kind is TokenKind.Symbol or TokenKind.Punctuation && text is "+" or "-" or "–" or "/" && from - 1 > sentenceStart);
            // Determiners and sentence-initial "The" stay outside the name.
            if (!joins || text.Equals("The", StringComparison.Ordinal) || text.Equals("A", StringComparison.Ordinal)) break;
            from = previous;
        }
        // A name never starts with a joiner.
        while (from < noun && document.Tokens[from].Kind is TokenKind.Symbol or TokenKind.Punctuation) from++;
        return from;
    }

    private static int NameEnd(Document document, int noun, int sentenceEnd)
    {
        int to = noun + 1;
        // "meeting of foreign and defense secretaries": an "of" phrase belongs to the name.
        if (to < sentenceEnd && document.TokenText(to).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            int end = to + 1;
            while (end < sentenceEnd && document.Tokens[end].Kind == TokenKind.Word && !NameStopLookup.Contains(document.TokenText(end)) && end - to < 8) end++;
            if (end > to + 1) to = end;
        }
        return to;
    }

    /// <summary>"in Washington", "at the White House" after the name, before the clause ends.</summary>
    private static string? Place(Document document, int from, int sentenceEnd)
    {
        for (int t = from; t < sentenceEnd && t < from + 6; t++)
        {
            var w = document.TokenText(t);
            if (document.Tokens[t].Kind == TokenKind.Punctuation) return null;
            if (!w.Equals("in", StringComparison.OrdinalIgnoreCase) && !w.Equals("at", StringComparison.OrdinalIgnoreCase)) continue;
            int start = t + 1;
            if (start < sentenceEnd && document.TokenText(start).Equals("the", StringComparison.OrdinalIgnoreCase)) start++;
            int end = start;
            while (end < sentenceEnd && document.Tokens[end].Kind == TokenKind.Word && char.IsUpper(document.TokenText(end)[0])) end++;
            if (end > start) return document[new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End)];
        }
        return null;
    }

    /// <summary>The day of the sentence's first time expression that names a single day.</summary>
    private static DateOnly? DateIn(Document document, TimeLayer times, TextSpan sentence)
    {
        foreach (var time in times.Within(sentence))
        {
            if (time.Value is { } day) return day;
        }
        return null;
    }

    /// <summary>
    /// The document's speakers who are people and whom the event's paragraph names (by a surname
    /// token), in order of first appearance: the people the article reports at the event.
    /// </summary>
    private static ImmutableArray<string> Participants(Document document, int sentenceIndex, Dictionary<string, List<(int Order, string Name)>> bySurname)
    {
        if (bySurname.Count == 0) return [];
        var lookup = bySurname.GetAlternateLookup<ReadOnlySpan<char>>();
        var paragraph = document.Paragraphs[document.ParagraphOfSentence(sentenceIndex)];
        var found = new SortedDictionary<int, string>();
        for (int t = document.TokenAt(paragraph.Span.Start); t < document.Tokens.Length && document.Tokens[t].Start < paragraph.Span.End; t++)
        {
            if (document.Tokens[t].Kind != TokenKind.Word) continue;
            // "Holtz-Eakin" is one surname; "Clinton-Sanders debate" names two: the whole word and
            // each part of a hyphenated one are looked up.
            if (lookup.TryGetValue(document.TokenText(t), out var whole))
            {
                foreach (var (order, name) in whole) found.TryAdd(order, name);
            }
            foreach (var range in document.TokenText(t).Split('-'))
            {
                if (!lookup.TryGetValue(document.TokenText(t)[range], out var people)) continue;
                foreach (var (order, name) in people) found.TryAdd(order, name);
            }
        }
        return [.. found.Values.Distinct()];
    }

    /// <summary>The person speakers by surname, with their order of first appearance; built once per document.</summary>
    private static Dictionary<string, List<(int Order, string Name)>> PeopleBySurname(Document document)
    {
        var bySurname = new Dictionary<string, List<(int, string)>>(StringComparer.Ordinal);
        if (document.Get<SpeakerLayer>() is not { } speakers) return bySurname;
        for (int i = 0; i < speakers.Speakers.Length; i++)
        {
            var speaker = speakers.Speakers[i];
            if (speaker.Type != SpeakerType.Person) continue;
            var surname = speaker.Name[(speaker.Name.LastIndexOf(' ') + 1)..];
            if (surname.Length < 2) continue;
            if (!bySurname.TryGetValue(surname, out var list)) bySurname[surname] = list = [];
            list.Add((i, speaker.Name));
        }
        return bySurname;
    }
}

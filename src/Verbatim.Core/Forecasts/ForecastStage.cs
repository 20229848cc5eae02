using System.Collections.Immutable;
using Verbatim.Attribution;
using Verbatim.Pipeline;
using Verbatim.Speakers;
using Verbatim.Text;
using Verbatim.Times;

namespace Verbatim.Forecasts;

/// <summary>
/// Finds the statements about the future in attributed content and adds the
/// <see cref="ForecastLayer"/>. A forecast is only ever taken from the content of an attribution
/// whose speaker is resolved, so every forecast names who made it; the article's own voice makes
/// none. Each sentence of a content gives at most one forecast, named by its strongest future
/// marker, with the time expression it holds as its horizon.
/// </summary>
public sealed class ForecastStage : IDocumentStage
{
    public string Name => "forecasts";

    public Document Process(Document document)
    {
        var attributions = document.Require<AttributionLayer>().Items;
        var speakers = document.Get<SpeakerLayer>();
        var times = document.Get<TimeLayer>() ?? new TimeLayer(ImmutableArray<TimeExpression>.Empty);
        var result = ImmutableArray.CreateBuilder<Forecast>();
        foreach (var attribution in attributions)
        {
            // Nested attributions lie inside an outer content, which is read already.
            if (attribution.NestedIn is not null) continue;
            if (speakers is null || !speakers.ByAttribution.TryGetValue(attribution.Id, out var speaker)) continue;
            foreach (var part in SentenceParts(document, attribution))
            {
                if (Find(document, part, times) is not { } found) continue;
                result.Add(new Forecast(result.Count + 1, attribution.Id, speaker.Name, found.Modality, document[found.Claim], found.Claim,
                    found.Horizon, found.Horizon is { } h ? h.To ?? h.Value : null));
            }
        }
        return document.With(new ForecastLayer(result.ToImmutable()));
    }

    /// <summary>The token ranges where the attribution's content meets each sentence.</summary>
    private static IEnumerable<(int From, int To)> SentenceParts(Document document, Verbatim.Attribution.Attribution attribution)
    {
        foreach (var span in attribution.Content)
        {
            int t = document.TokenAt(span.Start);
            while (t < document.Tokens.Length && document.Tokens[t].Start < span.End)
            {
                var sentence = document.Sentences[document.SentenceOfToken(t)];
                int end = Math.Min(sentence.EndToken, document.TokenAt(span.End));
                if (end <= t) end = t + 1;
                yield return (t, end);
                t = end;
            }
        }
    }

    private sealed record Found(string Modality, TextSpan Claim, TimeExpression? Horizon);

    private static Found? Find(Document document, (int From, int To) part, TimeLayer times)
    {
        var tokens = document.Tokens;
        string? modality = null;
        int marker = -1;
        bool conditional = false;
        for (int t = part.From; t < part.To; t++)
        {
            var word = document.TokenText(t);
            if (word.Equals("if", StringComparison.OrdinalIgnoreCase) || word.Equals("unless", StringComparison.OrdinalIgnoreCase)) conditional = true;
            var next = t + 1 < part.To ? document.TokenText(t + 1) : default;
            string? found = null;
            if (FutureMarkers.ModalModality(word) is { } modal)
            {
                // "may" the month is capitalised; "would have" and "could have" look back, not ahead.
                if (word.Length > 0 && char.IsUpper(word[0]) && word.Equals("May", StringComparison.Ordinal)) continue;
                if (next.Equals("have", StringComparison.OrdinalIgnoreCase)) continue;
                found = modal;
                if (modal == FutureMarkers.Will && NextWordIsAnnounce(document, t + 1, part.To)) found = FutureMarkers.Announce;
            }
            else if (word.Equals("be", StringComparison.OrdinalIgnoreCase) && t > part.From
                     && document.TokenText(t - 1).Equals("to", StringComparison.OrdinalIgnoreCase) && NextWordIsAnnounce(document, t + 1, part.To))
            {
                found = FutureMarkers.Announce;   // "to be announced in the coming days"
            }
            else if (FutureMarkers.VerbModality(word) is { } verb)
            {
                // "as expected" reports the past.
                if (t > part.From && document.TokenText(t - 1).Equals("as", StringComparison.OrdinalIgnoreCase)) continue;
                found = verb;
            }
            else if (next.Equals("to", StringComparison.OrdinalIgnoreCase) && FutureMarkers.ToVerbModality(word) is { } toVerb)
            {
                found = toVerb;
            }
            if (found is not null && (modality is null || FutureMarkers.Strength(found) > FutureMarkers.Strength(modality)))
            {
                modality = found;
                marker = t;
            }
        }
        if (modality is null) return null;
        if (conditional && modality is FutureMarkers.Will or FutureMarkers.Could) modality = FutureMarkers.Conditional;

        var partSpan = new TextSpan(tokens[part.From].Start, tokens[part.To - 1].End);
        TimeExpression? horizon = null;
        foreach (var time in times.Within(partSpan))
        {
            if (!LooksAhead(time)) continue;
            // The first one after the marker, else the last before it.
            if (horizon is null || (horizon.Span.Start < tokens[marker].Start && time.Span.Start > horizon.Span.Start)) horizon = time;
            if (time.Span.Start > tokens[marker].Start) break;
        }
        var claim = Claim(document, part, marker, modality, horizon);
        return claim.IsEmpty ? null : new Found(modality, claim, horizon);
    }

    private static bool LooksAhead(TimeExpression time) =>
        time.Future || time.Kind is TimeKind.Window or TimeKind.Season || time.To is not null || time.Value is not null;

    private static bool NextWordIsAnnounce(Document document, int from, int to)
    {
        for (int t = from; t < to && t < from + 2; t++)
        {
            var w = document.TokenText(t);
            if (FutureMarkers.IsAnnounceVerb(w)) return true;
            if (!w.Equals("be", StringComparison.OrdinalIgnoreCase) && !w.Equals("soon", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    private static bool IsBoundary(Document document, int t)
    {
        var token = document.Tokens[t];
        if (token.Kind != TokenKind.Punctuation) return false;
        char c = document.Text[token.Start];
        return c is ',' or ';' or ':' or '—' or '–' or '―' or '.' or '?' or '!' or '(' or ')';
    }

    private static readonly HashSet<string> Perception = new(StringComparer.OrdinalIgnoreCase) { "seen", "heard", "noticed", "observed", "witnessed" };

    private static readonly HashSet<string> Leading = new(StringComparer.OrdinalIgnoreCase) { "but", "and", "so", "that", "or", "yet", "then" };

    /// <summary>
    /// The clause around the marker, without leading conjunctions or the horizon. After a verb of
    /// expecting, the claim is what is expected ("we expect that X" gives X); when that is only an
    /// anaphor ("expect that to happen"), the clause before it says what "that" is.
    /// </summary>
    private static TextSpan Claim(Document document, (int From, int To) part, int marker, string modality, TimeExpression? horizon)
    {
        var (from, to) = ClauseAround(document, part, marker);
        bool expectVerb = modality is FutureMarkers.Expect or FutureMarkers.Warn && FutureMarkers.VerbModality(document.TokenText(marker)) is not null;
        if (expectVerb && marker + 1 < to)
        {
            // "we expect that X": X is the claim; "we expect that to happen": the clause before says what "that" is.
            if (IsAnaphor(document, marker + 1, to) && PreviousClause(document, part, from) is var (pf, pt) && pt > pf) (from, to) = (pf, pt);
            else from = marker + 1;
        }
        else if (modality == FutureMarkers.Announce && document.TokenText(marker).Equals("be", StringComparison.OrdinalIgnoreCase)
                 && PreviousClause(document, part, from) is var (af, at) && at > af)
        {
            // "X, to be announced in the coming days": X is what is announced.
            (from, to) = (af, at);
        }
        else
        {
            // "all of that indicates that Russia intends to…": the claim starts at the last "that" before the marker.
            for (int t = marker - 1; t > from; t--)
            {
                if (document.TokenText(t).Equals("that", StringComparison.OrdinalIgnoreCase)) { from = t + 1; break; }
            }
        }
        // A clause cut short by a comma ("we will be, with more than 50 countries, continuing…") goes on to the next one.
        int words = 0;
        for (int t = marker + 1; t < to; t++) if (document.Tokens[t].Kind == TokenKind.Word) words++;
        if (to > marker && words < 3 && to < part.To && document.TokenText(to).SequenceEqual(","))
        {
            int limit = Math.Min(part.To, to + 30);
            int next = to + 1;
            while (next < limit && !IsSentenceBoundary(document, next)) next++;
            to = next;
        }
        // "We’ve not yet seen these troops deploy…": what is expected is what was not yet seen.
        for (int t = from; t < Math.Min(to - 1, from + 6); t++)
        {
            if (Perception.Contains(document.TokenText(t).ToString())) { from = t + 1; break; }
        }
        while (from < to && (Leading.Contains(document.TokenText(from).ToString()) || IsBoundary(document, from) || document.Tokens[from].Kind == TokenKind.QuoteMark)) from++;
        int end = to;
        if (horizon is { } h)
        {
            int horizonToken = document.TokenAt(h.Span.Start);
            if (horizonToken > from && horizonToken < end) end = horizonToken;
            // "in the coming days": the preposition belongs to the horizon, not the claim.
            while (end > from + 1 && document.TokenText(end - 1) is var w && (w.Equals("in", StringComparison.OrdinalIgnoreCase) || w.Equals("by", StringComparison.OrdinalIgnoreCase) || w.Equals("within", StringComparison.OrdinalIgnoreCase) || w.Equals("over", StringComparison.OrdinalIgnoreCase))) end--;
        }
        while (end > from && (IsBoundary(document, end - 1) || document.Tokens[end - 1].Kind == TokenKind.QuoteMark)) end--;
        if (end <= from) return default;
        return new TextSpan(document.Tokens[from].Start, document.Tokens[end - 1].End);
    }

    private static bool IsSentenceBoundary(Document document, int t)
    {
        var token = document.Tokens[t];
        return token.Kind == TokenKind.Punctuation && document.Text[token.Start] is '.' or '?' or '!' or ';' or ':';
    }

    /// <summary>"that to happen", "it to come": a pronoun standing for an event named earlier.</summary>
    private static bool IsAnaphor(Document document, int from, int to)
    {
        static bool Pronoun(ReadOnlySpan<char> w) =>
            w.Equals("that", StringComparison.OrdinalIgnoreCase) || w.Equals("it", StringComparison.OrdinalIgnoreCase) || w.Equals("this", StringComparison.OrdinalIgnoreCase);
        for (int start = from; start < Math.Min(to, from + 2); start++)
        {
            if (Pronoun(document.TokenText(start)) && start + 1 < to && document.TokenText(start + 1).Equals("to", StringComparison.OrdinalIgnoreCase)) return true;
            if (!document.TokenText(start).Equals("that", StringComparison.OrdinalIgnoreCase)) break;
        }
        return false;
    }

    private static (int From, int To) ClauseAround(Document document, (int From, int To) part, int at)
    {
        int from = at, to = at + 1;
        while (from > part.From && !IsBoundary(document, from - 1) && !IsCoordinator(document, from - 1)) from--;
        while (to < part.To && !IsBoundary(document, to)) to++;
        return (from, to);
    }

    /// <summary>The clause that ends just before <paramref name="clauseStart"/> (past its comma or conjunction).</summary>
    private static (int From, int To) PreviousClause(Document document, (int From, int To) part, int clauseStart)
    {
        int to = clauseStart;
        while (to > part.From && (IsBoundary(document, to - 1) || IsCoordinator(document, to - 1))) to--;
        int from = to;
        while (from > part.From && !IsBoundary(document, from - 1) && !IsCoordinator(document, from - 1)) from--;
        return (from, to);
    }

    /// <summary>"but" and "so" open a new clause; "and" is left to the comma before it, if any.</summary>
    private static bool IsCoordinator(Document document, int t)
    {
        var w = document.TokenText(t);
        return w.Equals("but", StringComparison.OrdinalIgnoreCase) || w.Equals("so", StringComparison.OrdinalIgnoreCase);
    }
}

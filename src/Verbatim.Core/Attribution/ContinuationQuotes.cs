using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// News style lets a quotation with no cue continue the previous speaker: `“…,” he said. “We’ve
/// not yet seen…”`, in the same paragraph or the next. Such a quotation becomes an attribution
/// with no source and no cue; the speaker stage gives it the previous speaker. Only a quotation
/// that opens a sentence, fills most of it, holds no cue or content of another attribution, and
/// directly follows a sentence with a quoted attribution qualifies, so the rule never invents a
/// speaker where the text gives none.
/// </summary>
internal static class ContinuationQuotes
{
    public static IEnumerable<Attribution> Find(Document document, TokenFacts facts, IReadOnlyList<Attribution> found, int nextId)
    {
        var sentences = document.Sentences;
        var result = new List<Attribution>();
        var coverage = new AttributionCoverage(document, facts, found);
        for (int s = 1; s < sentences.Length; s++)
        {
            int first = sentences[s].FirstToken;
            if (facts.Classes[first] != WordClass.QuoteMark || facts.QuoteOf[first] < 0) continue;
            var quote = document.Quotations[facts.QuoteOf[first]];
            if (quote.OpenToken != first) continue;
            int lastToken = quote.IsClosed ? quote.CloseToken : document.TokenAt(quote.Span.End) - 1;
            int lastSentence = facts.SentenceOf[Math.Min(lastToken, document.Tokens.Length - 1)];
            var extent = new TextSpan(quote.Span.Start, sentences[lastSentence].Span.End);
            if (quote.Span.Length * 10 < extent.Length * 7) continue;
            if (coverage.AnyContent(quote.Span) || coverage.AnyCue(extent)) continue;
            if (document.ParagraphOfSentence(s) - document.ParagraphOfSentence(s - 1) > 1) continue;
            if (coverage.LastQuotedIn(s - 1) is not { } before) continue;
            var continuation = new Attribution(nextId++, AttributionKind.Direct, null, null, ImmutableArray.Create(quote.Span), null, Math.Min(before.Confidence, 0.6), before.Id);
            result.Add(continuation);
            coverage.Add(continuation);
            s = lastSentence;
        }
        return result;
    }
}

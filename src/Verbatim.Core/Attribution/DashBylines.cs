using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// The byline-dash convention of pull quotes, letters and social-media round-ups:
/// `“Quote.” ― Krystal Correa` at the end of a paragraph. The dash is the cue and the name after
/// it the source. Rare in the training data (so the learned tagger never picks the dash), but
/// unambiguous when the whole shape is there: a closed quotation, a dash straight after it, then
/// only capitalised words to the end of the paragraph.
/// </summary>
internal static class DashBylines
{
    private const int MaxNameTokens = 6;

    public static IEnumerable<Attribution> Find(Document document, TokenFacts facts, IReadOnlyList<Attribution> found, int nextId)
    {
        var tokens = document.Tokens;
        var coverage = new AttributionCoverage(document, facts, found);
        foreach (var paragraph in document.Paragraphs)
        {
            int end = document.TokenAt(paragraph.Span.End);
            int last = end - 1;
            if (last < 0 || last >= tokens.Length) continue;
            if (facts.Classes[last] == WordClass.SentenceEnd) last--;
            int nameStart = last;
            while (nameStart > 0 && last - nameStart < MaxNameTokens && IsNamePart(document, facts, nameStart - 1)) nameStart--;
            if (nameStart > last || !IsNamePart(document, facts, nameStart)) continue;
            int dash = nameStart - 1;
            if (dash < 1 || facts.Classes[dash] != WordClass.Dash || !char.IsWhiteSpace(document.Text[tokens[dash].End])) continue;
            int close = dash - 1;
            if (facts.Classes[close] != WordClass.QuoteMark || facts.QuoteOf[close] < 0) continue;
            var quote = document.Quotations[facts.QuoteOf[close]];
            if (!quote.IsClosed || quote.CloseToken != close) continue;
            if (coverage.AnyContent(quote.Span)) continue;
            var source = new TextSpan(tokens[nameStart].Start, tokens[last].End);
            yield return new Attribution(nextId++, AttributionKind.Direct, source, tokens[dash].Span, ImmutableArray.Create(quote.Span), null, 0.8);
        }
    }

    private static bool IsNamePart(Document document, TokenFacts facts, int token) =>
        document.Tokens[token].Kind == TokenKind.Word && (facts.Classes[token] & WordClass.Capitalized) != 0;
}

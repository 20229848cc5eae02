using System.Collections.Immutable;

namespace Verbatim.Text;

/// <summary>Splits tokens into sentences and paragraphs (TEMPORARY minimal version; the text-layer work replaces it).</summary>
public static class SentenceSplitter
{
    public static (ImmutableArray<Sentence> Sentences, ImmutableArray<Paragraph> Paragraphs) Split(
        string text, ImmutableArray<Token> tokens, ImmutableArray<Quotation> quotations)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        int sentStart = 0, paraFirstSentence = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            bool lastInPara = t + 1 == tokens.Length || text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End).Contains('\n');
            char c = text[tokens[t].End - 1];
            bool end = lastInPara || ((c == '.' || c == '?' || c == '!') && tokens[t].Kind == TokenKind.Punctuation
                && t + 1 < tokens.Length && !(tokens[t + 1].Kind == TokenKind.QuoteMark && (text[tokens[t + 1].Start] == '”' || text[tokens[t + 1].Start] == '"')));
            if (!end && tokens[t].Kind == TokenKind.QuoteMark && t > 0 && text[tokens[t - 1].Start] is '.' or '?' or '!' && (text[tokens[t].Start] == '”'))
            {
                end = true;
            }
            if (end)
            {
                sentences.Add(new Sentence(new TextSpan(tokens[sentStart].Start, tokens[t].End), sentStart, t + 1 - sentStart));
                sentStart = t + 1;
            }
            if (lastInPara)
            {
                var first = sentences[paraFirstSentence];
                paragraphs.Add(new Paragraph(new TextSpan(first.Span.Start, tokens[t].End), paraFirstSentence, sentences.Count - paraFirstSentence));
                paraFirstSentence = sentences.Count;
            }
        }
        return (sentences.ToImmutable(), paragraphs.ToImmutable());
    }
}

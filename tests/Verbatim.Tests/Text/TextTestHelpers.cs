using Verbatim.Text;

namespace Verbatim.Tests.Text;

internal static class TextTestHelpers
{
    public static Document Build(string text) => DocumentBuilder.Build(text, new DocumentMetadata("test"));

    public static string[] TokenTexts(string text) => [.. Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    public static string[] QuoteTexts(Document doc) => [.. doc.Quotations.Select(q => doc[q.Span])];

    public static string[] SentenceTexts(Document doc) => [.. doc.Sentences.Select(s => doc[s.Span])];

    /// <summary>The repository root (see <see cref="Samples.Root"/>).</summary>
    public static string RepoRoot => Samples.Root;

    /// <summary>The invariants every document must keep, whatever its text.</summary>
    public static void AssertWellFormed(Document doc)
    {
        var text = doc.Text;
        int previousEnd = 0;
        foreach (var token in doc.Tokens)
        {
            Assert.True(token.Start >= previousEnd && token.End > token.Start && token.End <= text.Length, $"bad token {token}");
            Assert.False(char.IsLowSurrogate(text[token.Start]) && token.Start > 0 && char.IsHighSurrogate(text[token.Start - 1]), $"token {token} splits a surrogate pair");
            previousEnd = token.End;
        }
        int nextToken = 0;
        foreach (var sentence in doc.Sentences)
        {
            Assert.Equal(nextToken, sentence.FirstToken);
            Assert.True(sentence.TokenCount > 0);
            Assert.Equal(doc.Tokens[sentence.FirstToken].Start, sentence.Span.Start);
            Assert.Equal(doc.Tokens[sentence.EndToken - 1].End, sentence.Span.End);
            nextToken = sentence.EndToken;
        }
        Assert.Equal(doc.Tokens.Length, nextToken);
        int nextSentence = 0;
        foreach (var paragraph in doc.Paragraphs)
        {
            Assert.Equal(nextSentence, paragraph.FirstSentence);
            Assert.True(paragraph.SentenceCount > 0);
            Assert.Equal(doc.Sentences[paragraph.FirstSentence].Span.Start, paragraph.Span.Start);
            Assert.Equal(doc.Sentences[paragraph.EndSentence - 1].Span.End, paragraph.Span.End);
            Assert.False(doc.Slice(paragraph.Span).ContainsAny("\r\n\u2028\u2029"), "a paragraph spans a line break");
            nextSentence = paragraph.EndSentence;
        }
        Assert.Equal(doc.Sentences.Length, nextSentence);
        int previousStart = -1;
        foreach (var q in doc.Quotations)
        {
            Assert.True(q.Span.Start > previousStart, "quotations out of order");
            previousStart = q.Span.Start;
            Assert.Equal(TokenKind.QuoteMark, doc.Tokens[q.OpenToken].Kind);
            Assert.Equal(doc.Tokens[q.OpenToken].Start, q.Span.Start);
            Assert.True(q.Span.End > q.Span.Start && q.Span.End <= text.Length);
            if (q.IsClosed)
            {
                Assert.Equal(TokenKind.QuoteMark, doc.Tokens[q.CloseToken].Kind);
                Assert.Equal(doc.Tokens[q.CloseToken].End, q.Span.End);
            }
            else
            {
                Assert.Equal(-1, q.CloseToken);
            }
        }
    }
}

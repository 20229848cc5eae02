namespace Verbatim.Text;

/// <summary>Builds the text layer (tokens, sentences, paragraphs, quotations) of a document, in linear time.</summary>
public static class DocumentBuilder
{
    public static Document Build(string text, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var paragraphStarts = TextChars.ParagraphStarts(text, tokens);
        var quotations = QuoteFinder.Find(text, tokens, paragraphStarts);
        var (sentences, paragraphs) = SentenceSplitter.Split(text, tokens, quotations, paragraphStarts);
        return new Document(text, metadata, tokens, sentences, paragraphs, quotations);
    }
}

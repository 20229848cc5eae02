namespace Verbatim.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    /// <summary>A quotation mark: straight or curly, double or single (an apostrophe inside a word is not one).</summary>
    QuoteMark,
    Symbol,
}

/// <summary>A token: a span of the document text and what kind of thing it is. Never holds a copy of the text.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
}

namespace Verbatim.Text;

/// <summary>A sentence: its text span and the range of tokens [FirstToken, FirstToken + TokenCount).</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount)
{
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A paragraph: a block of text separated from its neighbours by a line break; sentences [FirstSentence, FirstSentence + SentenceCount).</summary>
public readonly record struct Paragraph(TextSpan Span, int FirstSentence, int SentenceCount)
{
    public int EndSentence => FirstSentence + SentenceCount;
}

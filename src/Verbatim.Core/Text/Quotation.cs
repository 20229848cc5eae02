namespace Verbatim.Text;

/// <summary>
/// A quotation: the span from its opening mark to its closing mark, both included (PolNeAR's
/// content spans include them too). <see cref="OpenToken"/> and <see cref="CloseToken"/> index
/// the mark tokens; a quote that runs over several paragraphs where only the last closes the mark
/// is one quotation. <see cref="IsClosed"/> is false for a mark that never closes: the span then
/// runs to the end of its paragraph (or to just before the mark that shows it was left open: a
/// new opening mark of its kind, or the closing mark of a quotation around it), and
/// <see cref="CloseToken"/> is −1. <see cref="Depth"/> is 0 for outer quotes, 1 for a single
/// quote nested inside a double one (more for deeper nesting). <see cref="QuoteFinder"/> gives
/// them ordered by start.
/// </summary>
public readonly record struct Quotation(TextSpan Span, int OpenToken, int CloseToken, bool IsClosed, int Depth)
{
    /// <summary>The text between the marks.</summary>
    public TextSpan Inner(IReadOnlyList<Token> tokens) =>
        new(tokens[OpenToken].End, IsClosed ? tokens[CloseToken].Start : Span.End);
}

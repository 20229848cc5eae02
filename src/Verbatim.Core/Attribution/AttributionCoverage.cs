using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Which tokens the attributions found so far cover (as content, as cue), and the last quoted
/// attribution touching each sentence: what the rules after the models ask, answered by array
/// look-ups so that a long document never costs attributions × sentences.
/// </summary>
internal sealed class AttributionCoverage
{
    private readonly Document _document;
    private readonly TokenFacts _facts;
    private readonly bool[] _content;
    private readonly bool[] _cue;
    private readonly Attribution?[] _lastQuoted;

    public AttributionCoverage(Document document, TokenFacts facts, IEnumerable<Attribution> found)
    {
        _document = document;
        _facts = facts;
        _content = new bool[document.Tokens.Length];
        _cue = new bool[document.Tokens.Length];
        _lastQuoted = new Attribution?[document.Sentences.Length];
        foreach (var a in found) Add(a);
    }

    public void Add(Attribution a)
    {
        foreach (var span in a.Content) Mark(_content, span, a);
        if (a.Cue is { } cue) Mark(_cue, cue, a);
    }

    private void Mark(bool[] marks, TextSpan span, Attribution a)
    {
        var (from, to) = Tokens(span);
        for (int t = from; t < to; t++)
        {
            marks[t] = true;
            if (a.Kind == AttributionKind.Indirect) continue;
            int s = _facts.SentenceOf[t];
            if (_lastQuoted[s] is not { } last || last.ContentExtent.Start <= a.ContentExtent.Start) _lastQuoted[s] = a;
        }
    }

    private (int From, int To) Tokens(TextSpan span)
    {
        int from = _document.TokenAt(span.Start);
        int to = from;
        while (to < _document.Tokens.Length && _document.Tokens[to].Start < span.End) to++;
        return (from, to);
    }

    public bool AnyContent(TextSpan span) => Any(_content, span);

    public bool AnyCue(TextSpan span) => Any(_cue, span);

    private bool Any(bool[] marks, TextSpan span)
    {
        var (from, to) = Tokens(span);
        for (int t = from; t < to; t++)
        {
            if (marks[t]) return true;
        }
        return false;
    }

    /// <summary>The last direct or mixed attribution whose content or cue lies in sentence <paramref name="sentence"/>.</summary>
    public Attribution? LastQuotedIn(int sentence) => _lastQuoted[sentence];
}

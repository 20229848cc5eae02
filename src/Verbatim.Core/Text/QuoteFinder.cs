using System.Collections.Immutable;

namespace Verbatim.Text;

/// <summary>Finds quotations (TEMPORARY minimal version; the text-layer work replaces it).</summary>
public static class QuoteFinder
{
    public static ImmutableArray<Quotation> Find(string text, ImmutableArray<Token> tokens)
    {
        var result = ImmutableArray.CreateBuilder<Quotation>();
        int open = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != TokenKind.QuoteMark) continue;
            char c = text[tok.Start];
            if (c == '“' || (c == '"' && open < 0)) { open = t; }
            else if ((c == '”' || c == '"') && open >= 0)
            {
                result.Add(new Quotation(new TextSpan(tokens[open].Start, tok.End), open, t, true, 0));
                open = -1;
            }
        }
        return result.ToImmutable();
    }
}

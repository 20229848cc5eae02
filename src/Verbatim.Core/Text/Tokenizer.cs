using System.Collections.Immutable;

namespace Verbatim.Text;

/// <summary>Splits text into tokens (TEMPORARY minimal version; the text-layer work replaces it).</summary>
public static class Tokenizer
{
    public static ImmutableArray<Token> Tokenize(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] == '\'' || text[i] == '’' || text[i] == '.' || text[i] == ',' || text[i] == '-') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                {
                    i++;
                }
                tokens.Add(new Token(start, i, char.IsDigit(c) ? TokenKind.Number : TokenKind.Word));
            }
            else
            {
                i++;
                var kind = c is '"' or '“' or '”' or '‘' or '’' or '\'' or '«' or '»' or '„' ? TokenKind.QuoteMark
                    : char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                tokens.Add(new Token(start, i, kind));
            }
        }
        return tokens.ToImmutable();
    }
}

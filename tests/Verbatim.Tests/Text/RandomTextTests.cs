using System.Text;
using Verbatim.Text;
using static Verbatim.Tests.Text.TextTestHelpers;

namespace Verbatim.Tests.Text;

/// <summary>Random mixes of the characters the text layer treats specially: whatever the text, the layer stays well-formed.</summary>
public class RandomTextTests
{
    private static readonly string[] Pieces =
    [
        "a", "The", "U.S.", "Mr.", "J.", " ", " ", " ", "\n", "\n\n", "\r\n", ".", "?", "!", ",", "…", "“", "”", "\"", "‘", "’", "'",
        "«", "»", "„", "—", "-", "1,200", "4.5", "n't", "’s", "😀", "\uD83D\uDC4D\uD83C\uDFFD", "\uD800", "\uDC00", "\u0301",
        "\u200D", "\u00AD", "http://x.com/a.", "a@b.co", "#tag", "@h", "(", ")", "\t", "\u2028", "\0", "\uFEFF",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomTextIsWellFormed(int seed)
    {
        var rng = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            var sb = new StringBuilder();
            int pieces = rng.Next(1, 120);
            for (int i = 0; i < pieces; i++) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            var text = sb.ToString();
            var doc = Build(text);
            AssertWellFormed(doc);
            foreach (var token in doc.Tokens)
            {
                Assert.False(char.IsWhiteSpace(text[token.Start]) || char.IsWhiteSpace(text[token.End - 1]), $"token {token} in \"{text}\" has whitespace at an edge");
            }
        }
    }
}

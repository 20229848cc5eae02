using Verbatim.Text;
using static Verbatim.Tests.Text.TextTestHelpers;

namespace Verbatim.Tests.Text;

public class TokenizerTests
{
    private static void AssertTokens(string text, params string[] expected) => Assert.Equal(expected, TokenTexts(text));

    private static TokenKind KindOf(string text, string token)
    {
        var tokens = Tokenizer.Tokenize(text);
        return Assert.Single(tokens, t => text[t.Start..t.End] == token).Kind;
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u200B\uFEFF\u0007")]
    public void EmptyOrInvisibleTextHasNoTokens(string text) => Assert.Empty(Tokenizer.Tokenize(text));

    [Fact]
    public void TokensRoundTripThroughTheText()
    {
        const string text = "  Mr. O'Brien said: \"Don’t!\" — it's 4.5% of $1,200 (U.S.A.)…\r\nNext line ";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Mr.", "O'Brien", "said", ":", "\"", "Do", "n’t", "!", "\"", "—", "it", "'s", "4.5", "%", "of", "$", "1,200", "(", "U.S.A.", ")", "…", "Next", "line"],
            tokens.Select(t => text[t.Start..t.End]));
        Assert.All(tokens, t => Assert.Equal(t.Length, text.AsSpan(t.Start, t.Length).Length));
        // Outside tokens there is only whitespace: the text is never altered, only cut.
        var covered = new bool[text.Length];
        foreach (var t in tokens) for (int i = t.Start; i < t.End; i++) covered[i] = true;
        for (int i = 0; i < text.Length; i++) Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"char {i} dropped");
    }

    [Theory]
    [InlineData("don't", "do", "n't")]
    [InlineData("wouldn’t", "would", "n’t")]
    [InlineData("can't", "ca", "n't")]
    [InlineData("Kiev’s", "Kiev", "’s")]
    [InlineData("we’ve", "we", "’ve")]
    [InlineData("they're", "they", "'re")]
    [InlineData("I'm", "I", "'m")]
    [InlineData("she'll", "she", "'ll")]
    [InlineData("he'd", "he", "'d")]
    [InlineData("IT'S", "IT", "'S")]
    [InlineData("1990's", "1990", "'s")]
    [InlineData("U.S.’s", "U.S.", "’s")]
    public void SplitsClitics(string text, string stem, string clitic)
    {
        AssertTokens(text, stem, clitic);
        Assert.Equal(TokenKind.Word, Tokenizer.Tokenize(text)[^1].Kind);
    }

    [Theory]
    [InlineData("O'Brien")]
    [InlineData("D’Amato")]
    [InlineData("rock'n'roll")]
    [InlineData("so-called")]
    [InlineData("COVID-19")]
    [InlineData("AT&T")]
    [InlineData("naïve")]
    [InlineData("Zelenskyy")]
    [InlineData("co\u00ADoperate")]
    public void KeepsWholeWords(string word) => AssertTokens(word, word);

    [Theory]
    [InlineData("’90s")]
    [InlineData("'90s")]
    [InlineData("‘90s")]
    [InlineData("’em")]
    [InlineData("'til")]
    public void ElisionsAreWordsNotQuoteMarks(string word)
    {
        AssertTokens("in the " + word + " now", "in", "the", word, "now");
        Assert.Equal(TokenKind.Word, KindOf("in the " + word + " now", word));
    }

    [Fact]
    public void PossessivePluralIsAnApostropheNotAQuoteMark()
    {
        const string text = "the Republicans’ plan and the Joneses' house";
        AssertTokens(text, "the", "Republicans", "’", "plan", "and", "the", "Joneses", "'", "house");
        Assert.DoesNotContain(Tokenizer.Tokenize(text), t => t.Kind == TokenKind.QuoteMark);
    }

    [Fact]
    public void SingleMarksAreQuoteMarksWhenTheyQuote()
    {
        const string text = "“He said ‘we’re done,’ and left,” she said. 'Yes.' ‘The Beatles’ won";
        var tokens = Tokenizer.Tokenize(text);
        var marks = tokens.Where(t => t.Kind == TokenKind.QuoteMark).Select(t => text[t.Start..t.End]);
        Assert.Equal(["“", "‘", "’", "”", "'", "'", "‘", "’"], marks);
        Assert.Contains(tokens, t => text[t.Start..t.End] == "’re" && t.Kind == TokenKind.Word);
    }

    [Theory]
    [InlineData("“", TokenKind.QuoteMark)]
    [InlineData("”", TokenKind.QuoteMark)]
    [InlineData("\"", TokenKind.QuoteMark)]
    [InlineData("«", TokenKind.QuoteMark)]
    [InlineData("»", TokenKind.QuoteMark)]
    [InlineData("„", TokenKind.QuoteMark)]
    [InlineData("—", TokenKind.Punctuation)]
    [InlineData("–", TokenKind.Punctuation)]
    [InlineData(",", TokenKind.Punctuation)]
    [InlineData("%", TokenKind.Symbol)]
    [InlineData("$", TokenKind.Symbol)]
    [InlineData("+", TokenKind.Symbol)]
    public void ClassifiesMarks(string mark, TokenKind kind) => Assert.Equal(kind, KindOf("a " + mark + " b", mark));

    [Theory]
    [InlineData("Sept.")]
    [InlineData("Gen.")]
    [InlineData("Sen.")]
    [InlineData("Dr.")]
    [InlineData("Mr.")]
    [InlineData("Mrs.")]
    [InlineData("Inc.")]
    [InlineData("Jan.")]
    [InlineData("Dec.")]
    [InlineData("St.")]
    [InlineData("Lt.")]
    [InlineData("Col.")]
    [InlineData("Gov.")]
    [InlineData("Rep.")]
    [InlineData("U.S.")]
    [InlineData("U.S.A.")]
    [InlineData("D.P.R.K.")]
    [InlineData("a.m.")]
    [InlineData("Ph.D.")]
    [InlineData("e.g.")]
    [InlineData("J.")]
    [InlineData("Calif.")]
    [InlineData("D-Mass.")]
    public void AbbreviationsKeepTheirPeriod(string abbreviation)
    {
        AssertTokens(abbreviation + " Smith", abbreviation, "Smith");
        AssertTokens("with " + abbreviation, "with", abbreviation);
    }

    [Theory]
    [InlineData("He left.", "He", "left", ".")]
    [InlineData("Washington.", "Washington", ".")]
    [InlineData("She said no. Then", "She", "said", "no", ".", "Then")]
    [InlineData("He is No. 1", "He", "is", "No.", "1")]
    [InlineData("He said No. Then", "He", "said", "No", ".", "Then")]
    [InlineData("the end.Next", "the", "end", ".", "Next")]
    [InlineData("the mr. x", "the", "mr", ".", "x")]
    public void OtherPeriodsAreTheirOwnTokens(string text, params string[] expected) => AssertTokens(text, expected);

    [Theory]
    [InlineData("John F. Kennedy", "John", "F.", "Kennedy")]
    [InlineData("J. R. R. Tolkien", "J.", "R.", "R.", "Tolkien")]
    [InlineData("Gen. Smith", "Gen.", "Smith")]
    public void InitialsAndTitlesAreOneToken(string text, params string[] expected) => AssertTokens(text, expected);

    [Theory]
    [InlineData("1,200", "1,200")]
    [InlineData("10,000,000", "10,000,000")]
    [InlineData("4.5", "4.5")]
    [InlineData("10:30", "10:30")]
    [InlineData("9/11", "9/11")]
    [InlineData("1990s", "1990s")]
    [InlineData("2nd", "2nd")]
    [InlineData("2+2", "2", "+", "2")]
    [InlineData("2020-21", "2020", "-", "21")]
    [InlineData("1,2", "1", ",", "2")]
    [InlineData("$4.5bn", "$", "4.5bn")]
    [InlineData("-5", "-", "5")]
    public void Numbers(string text, params string[] expected)
    {
        AssertTokens(text, expected);
        Assert.Equal(TokenKind.Number, Tokenizer.Tokenize(text).First(t => char.IsDigit(text[t.Start])).Kind);
    }

    [Fact]
    public void NumberWithHyphenatedWordsIsAWord()
    {
        AssertTokens("a 10-year-old boy", "a", "10-year-old", "boy");
        Assert.Equal(TokenKind.Word, KindOf("a 10-year-old boy", "10-year-old"));
    }

    [Theory]
    [InlineData("See https://example.com/a?b=c&d=e.", "See", "https://example.com/a?b=c&d=e", ".")]
    [InlineData("(www.nytimes.com)", "(", "www.nytimes.com", ")")]
    [InlineData("at https://en.wikipedia.org/wiki/Foo_(bar), and", "at", "https://en.wikipedia.org/wiki/Foo_(bar)", ",", "and")]
    [InlineData("Write to jane.doe+news@example.co.uk.", "Write", "to", "jane.doe+news@example.co.uk", ".")]
    [InlineData("“http://x.org/y”", "“", "http://x.org/y", "”")]
    public void UrlsAndEmailsAreOneSymbol(string text, params string[] expected)
    {
        AssertTokens(text, expected);
        Assert.Equal(TokenKind.Symbol, KindOf(text, expected.Single(e => e.Contains('.') && e.Length > 5)));
    }

    [Theory]
    [InlineData("via @POTUS today", "via", "@POTUS", "today")]
    [InlineData("#MeToo and #BlackLivesMatter2020", "#MeToo", "and", "#BlackLivesMatter2020")]
    [InlineData("ranked #1", "ranked", "#", "1")]
    [InlineData("user@ host", "user", "@", "host")]
    public void HashtagsAndHandles(string text, params string[] expected) => AssertTokens(text, expected);

    [Theory]
    [InlineData("Wait... what?!", "Wait", "...", "what", "?!")]
    [InlineData("a -- b", "a", "--", "b")]
    [InlineData("a—b", "a", "—", "b")]
    [InlineData("2019–2020", "2019", "–", "2020")]
    public void PunctuationRuns(string text, params string[] expected) => AssertTokens(text, expected);

    [Fact]
    public void EmojiAndSurrogatePairsStayWhole()
    {
        const string text = "Great 👍🏽 job 👨‍👩‍👧 🇺🇦 𝒳yz 😀!";
        AssertTokens(text, "Great", "👍🏽", "job", "👨‍👩‍👧", "🇺🇦", "𝒳yz", "😀", "!");
        var doc = Build(text);
        AssertWellFormed(doc);
        int bang = doc.Tokens[^1].Start;
        // Each emoji above is one code point plus modifiers; the code point index counts them.
        Assert.Equal(text.EnumerateRunes().Count() - 1, doc.ToCodePoint(bang));
        Assert.Equal(bang, doc.FromCodePoint(doc.ToCodePoint(bang)));
        Assert.Equal(6, doc.ToCodePoint(doc.Tokens[2].Start) - 3);   // "job" after "Great 👍🏽 ": 6 + 2 code points + space
    }

    [Fact]
    public void LoneSurrogateIsASymbolOfItsOwn()
    {
        string text = "a \uD800 b \uDC00c";
        AssertTokens(text, "a", "\uD800", "b", "\uDC00", "c");
    }

    [Fact]
    public void CombiningMarksStayWithTheirLetter()
    {
        string text = "Cafe\u0301 and 1\uFE0F\u20E3";
        AssertTokens(text, "Cafe\u0301", "and", "1\uFE0F\u20E3");
    }

    [Fact]
    public void NoTokenCrossesALineBreak()
    {
        const string text = "a-\nb U.\nS. http://x.com/a\nb";
        var tokens = Tokenizer.Tokenize(text);
        Assert.All(tokens, t => Assert.DoesNotContain('\n', text[t.Start..t.End]));
    }
}

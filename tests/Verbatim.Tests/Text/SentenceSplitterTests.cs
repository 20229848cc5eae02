using Verbatim.Text;
using static Verbatim.Tests.Text.TextTestHelpers;

namespace Verbatim.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = Build(text);
        AssertWellFormed(doc);
        return SentenceTexts(doc);
    }

    [Theory]
    [InlineData("He left. She stayed.", "He left.", "She stayed.")]
    [InlineData("Is it over? Yes! It is… Really.", "Is it over?", "Yes!", "It is…", "Really.")]
    [InlineData("U.S. officials said so.", "U.S. officials said so.")]
    [InlineData("He lives in the U.S. The next day he left.", "He lives in the U.S.", "The next day he left.")]
    [InlineData("It was on Sept. 11 in New York.", "It was on Sept. 11 in New York.")]
    [InlineData("Gen. Smith and Sen. Jones met Dr. Who and Mr. X.", "Gen. Smith and Sen. Jones met Dr. Who and Mr. X.")]
    [InlineData("John F. Kennedy spoke. Then he left.", "John F. Kennedy spoke.", "Then he left.")]
    [InlineData("The D.P.R.K. troops arrived.", "The D.P.R.K. troops arrived.")]
    [InlineData("Growth was 4.5 percent. It rose.", "Growth was 4.5 percent.", "It rose.")]
    [InlineData("He works for Apple Inc. He said so.", "He works for Apple Inc.", "He said so.")]
    [InlineData("He met Smith Jr. The talk went well.", "He met Smith Jr.", "The talk went well.")]
    [InlineData("It starts at 9 a.m. and ends at 5 p.m. Then we go.", "It starts at 9 a.m. and ends at 5 p.m.", "Then we go.")]
    [InlineData("They were No. 1 again.", "They were No. 1 again.")]
    [InlineData("He said No. Then he left.", "He said No.", "Then he left.")]
    [InlineData("Wait... what happened?", "Wait... what happened?")]
    [InlineData("See nytimes.com. It says so.", "See nytimes.com.", "It says so.")]
    [InlineData("Yahoo! is a company.", "Yahoo! is a company.")]
    [InlineData("Sen. Elizabeth Warren (D-Mass.) said so. It passed.", "Sen. Elizabeth Warren (D-Mass.) said so.", "It passed.")]
    [InlineData("He was born in Boston, Mass. He moved to Washington, D.C. in 1990.", "He was born in Boston, Mass.", "He moved to Washington, D.C. in 1990.")]
    [InlineData("Mr. and Mrs. Smith went to St. Louis. They liked it.", "Mr. and Mrs. Smith went to St. Louis.", "They liked it.")]
    [InlineData("I. M. Pei designed it. The building is tall.", "I. M. Pei designed it.", "The building is tall.")]
    [InlineData("Officials said... The vote is at 3 p.m. Friday.", "Officials said...", "The vote is at 3 p.m. Friday.")]
    [InlineData("The company, Acme Corp., said so. It didn't say when.", "The company, Acme Corp., said so.", "It didn't say when.")]
    public void Splits(string text, params string[] expected) => Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("“We will win.” He left.", "“We will win.”", "He left.")]
    [InlineData("“Is it over?” she asked.", "“Is it over?” she asked.")]
    [InlineData("“Is it over?” Smith asked.", "“Is it over?” Smith asked.")]
    [InlineData("“Go!” shouted Gen. Lee.", "“Go!” shouted Gen. Lee.")]
    [InlineData("\"We will win.\" He left.", "\"We will win.\"", "He left.")]
    [InlineData("He said: “Yes.” “No,” she replied.", "He said: “Yes.”", "“No,” she replied.")]
    [InlineData("“We will win,” he said. “They will lose.”", "“We will win,” he said.", "“They will lose.”")]
    [InlineData("“We won. They lost,” he said.", "“We won.", "They lost,” he said.")]
    [InlineData("(He left.) She stayed.", "(He left.)", "She stayed.")]
    [InlineData("He said ‘no.’ Then he left.", "He said ‘no.’", "Then he left.")]
    [InlineData("It came from the U.S.” He left.", "It came from the U.S.”", "He left.")]
    [InlineData("“Is it over?” He asked twice.", "“Is it over?”", "He asked twice.")]
    [InlineData("“Why?” asked Sen. Jones. “Because,” she said.", "“Why?” asked Sen. Jones.", "“Because,” she said.")]
    [InlineData("“I think,” said Mr. Smith, “that the U.S. will win. We’ll see.” He paused.", "“I think,” said Mr. Smith, “that the U.S. will win.", "We’ll see.”", "He paused.")]
    [InlineData("He said “no”. Then he left.", "He said “no”.", "Then he left.")]
    public void SplitsAroundQuotes(string text, params string[] expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void ParagraphsAreLines()
    {
        var doc = Build("First para. Two sentences.\n\nSecond para\nThird para.\r\n\r\n\r\n   Fourth.  \n");
        AssertWellFormed(doc);
        Assert.Equal(["First para. Two sentences.", "Second para", "Third para.", "Fourth."], doc.Paragraphs.Select(p => doc[p.Span]));
        Assert.Equal([2, 1, 1, 1], doc.Paragraphs.Select(p => p.SentenceCount));
        Assert.Equal(1, doc.ParagraphOfSentence(2));
        Assert.Equal(2, doc.ParagraphOfSentence(3));
    }

    [Fact]
    public void SentenceNeverCrossesAParagraph()
    {
        var doc = Build("No full stop here\nNor here, Mr.\nU.S.\nThe end");
        AssertWellFormed(doc);
        Assert.Equal(["No full stop here", "Nor here, Mr.", "U.S.", "The end"], SentenceTexts(doc));
    }

    [Fact]
    public void MultiParagraphQuoteKeepsParagraphsAndSentences()
    {
        var doc = Build("He said: “One.\n\n“Two,” he added. Done.");
        AssertWellFormed(doc);
        Assert.Single(doc.Quotations);
        Assert.Equal(["He said: “One.", "“Two,” he added.", "Done."], SentenceTexts(doc));
        Assert.Equal(2, doc.Paragraphs.Length);
    }

    [Fact]
    public void EmptyTextHasNoSentencesOrParagraphs()
    {
        var doc = Build("");
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Sentences);
        Assert.Empty(doc.Paragraphs);
        Assert.Empty(doc.Quotations);
        AssertWellFormed(Build(" \n\n \t"));
    }

    [Fact]
    public void EveryTokenIsInExactlyOneSentence()
    {
        var doc = Build("A. B? C! “D.” E… (F.) G\n\nH. i. J.\n“K");
        AssertWellFormed(doc);
        for (int t = 0; t < doc.Tokens.Length; t++)
        {
            var s = doc.Sentences[doc.SentenceOfToken(t)];
            Assert.True(t >= s.FirstToken && t < s.EndToken);
        }
    }

    // The size tests below take well under a second each in Release (about 40 MB/s measured);
    // they guard against anything quadratic, not against slowness, so they assert no times.
    [Fact]
    public void TenMegabyteSingleLineIsSane()
    {
        var sentence = "The U.S. said on Sept. 11 that “it will cost $1,200.” Mr. Smith’s team didn’t agree. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 10_000_000 / sentence.Length + 1));
        var doc = Build(text);
        Assert.Single(doc.Paragraphs);
        int repeats = text.Length / sentence.Length;
        Assert.Equal(2 * repeats, doc.Sentences.Length);
        Assert.Equal(repeats, doc.Quotations.Length);
        Assert.Equal(repeats, doc.Quotations.Count(q => q.IsClosed));
        Assert.Equal("“it will cost $1,200.”", doc[doc.Quotations[^1].Span]);
        Assert.Equal(doc.Tokens[^1].End, doc.Paragraphs[0].Span.End);
    }

    [Fact]
    public void TenMegabyteWordWithoutSpacesIsSane()
    {
        var text = new string('a', 10_000_000);
        var doc = Build(text);
        Assert.Single(doc.Tokens);
        Assert.Single(doc.Sentences);
    }

    [Fact]
    public void TenMegabytesOfPeriodsAndDotsAreSane()
    {
        var text = string.Concat(Enumerable.Repeat("abc.Def.", 1_250_000));
        var doc = Build(text);
        // "abc" "." then "Def.abc" "." over and over (a lowercase letter after a dot makes a domain-like word), then "Def" ".".
        Assert.Equal(2 * 1_250_000 + 2, doc.Tokens.Length);
        Assert.Equal(1_250_001, doc.Sentences.Length);
    }
}

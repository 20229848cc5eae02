using Verbatim.Text;

namespace Verbatim.Tests.Text;

public class SeedArticleTests
{
    private static readonly Lazy<Document> Seed = new(() =>
        TextTestHelpers.Build(File.ReadAllText(Path.Combine(TextTestHelpers.RepoRoot, "samples", "seed-2plus2.txt"))));

    [Fact]
    public void IsWellFormed() => TextTestHelpers.AssertWellFormed(Seed.Value);

    [Fact]
    public void HasFiveParagraphs() => Assert.Equal(5, Seed.Value.Paragraphs.Length);

    [Fact]
    public void KurskQuoteIsOneClosedQuotation()
    {
        var doc = Seed.Value;
        var kursk = Assert.Single(doc.Quotations, q => doc[q.Span].StartsWith("“And the most recent", StringComparison.Ordinal));
        Assert.True(kursk.IsClosed);
        Assert.Equal(0, kursk.Depth);
        Assert.EndsWith("Kursk region,”", doc[kursk.Span], StringComparison.Ordinal);
        Assert.Equal("And the most recent information indicates that as many as 8,000 of those North Korean forces have been deployed to the Kursk region,",
            doc[kursk.Inner(doc.Tokens)]);
    }

    [Fact]
    public void FindsEveryQuotation()
    {
        var doc = Seed.Value;
        Assert.Equal(7, doc.Quotations.Length);
        Assert.All(doc.Quotations, q => Assert.True(q.IsClosed));
        Assert.Contains("“very soon, to be announced in the coming days.”", TextTestHelpers.QuoteTexts(doc));
    }

    [Fact]
    public void SplitsSentencesAroundAbbreviationsAndQuotes()
    {
        var sentences = TextTestHelpers.SentenceTexts(Seed.Value);
        Assert.Equal(15, sentences.Length);
        Assert.StartsWith("The U.S.-Republic of Korea 2+2 meeting", sentences[0], StringComparison.Ordinal);
        Assert.Contains("said that the U.S. assesses that there are now 10,000 North Korean troops in Russia.", sentences[1], StringComparison.Ordinal);
        Assert.Equal("The Kremlin has also provided these D.P.R.K. troops with Russian uniforms and equipment.", sentences[9]);
        Assert.EndsWith("in the coming days.”", sentences[13], StringComparison.Ordinal);
        Assert.StartsWith("He added, “And throughout", sentences[14], StringComparison.Ordinal);
    }

    [Fact]
    public void TokenizesNumbersAbbreviationsAndClitics()
    {
        var doc = Seed.Value;
        var texts = doc.Tokens.Select(t => doc[t.Span]).ToArray();
        Assert.Equal(["The", "U.S.", "-", "Republic", "of", "Korea", "2", "+", "2", "meeting"], texts[..10]);
        Assert.Contains("10,000", texts);
        Assert.Contains("1,200", texts);
        Assert.Contains("D.P.R.K.", texts);
        Assert.Contains("n’t", texts);
        int kiev = Array.IndexOf(texts, "Kiev");
        Assert.Equal("’s", texts[kiev + 1]);
    }
}

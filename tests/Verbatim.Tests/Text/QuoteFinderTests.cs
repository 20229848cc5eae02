using Verbatim.Text;
using static Verbatim.Tests.Text.TextTestHelpers;

namespace Verbatim.Tests.Text;

public class QuoteFinderTests
{
    private static Document WellFormed(string text)
    {
        var doc = Build(text);
        AssertWellFormed(doc);
        return doc;
    }

    [Theory]
    [InlineData("He said “we will win” today.", "“we will win”")]
    [InlineData("He said \"we will win\" today.", "\"we will win\"")]
    [InlineData("\"We will win,\" he said.", "\"We will win,\"")]
    [InlineData("He said, \"We will win.\"", "\"We will win.\"")]
    [InlineData("(\"Never\")", "\"Never\"")]
    [InlineData("a — \"no\" — b", "\"no\"")]
    [InlineData("Er sagte „wir gewinnen“ heute.", "„wir gewinnen“")]
    [InlineData("Il a dit « nous gagnerons » hier.", "« nous gagnerons »")]
    [InlineData("”Vi vinner”, sa han.", "”Vi vinner”")]
    [InlineData("She said ‘no’ twice.", "‘no’")]
    public void FindsASimpleQuotation(string text, string quote)
    {
        var doc = WellFormed(text);
        var q = Assert.Single(doc.Quotations);
        Assert.Equal(quote, doc[q.Span]);
        Assert.True(q.IsClosed);
        Assert.Equal(0, q.Depth);
        Assert.Equal(quote[1..^1], doc[q.Inner(doc.Tokens)]);
    }

    [Fact]
    public void StraightMarksAlternateByContext()
    {
        var doc = WellFormed("\"A,\" he said, \"B\" and \"C.\" Then \"\"");
        Assert.Equal(["\"A,\"", "\"B\"", "\"C.\"", "\"\""], QuoteTexts(doc));
        Assert.All(doc.Quotations, q => Assert.True(q.IsClosed));
    }

    [Fact]
    public void SplitAroundACueGivesTwoQuotations()
    {
        var doc = WellFormed("“We will win,” she said, “and they know it.”");
        Assert.Equal(["“We will win,”", "“and they know it.”"], QuoteTexts(doc));
    }

    [Fact]
    public void SingleQuoteInsideDoubleIsNestedAtDepthOne()
    {
        var doc = WellFormed("“He told me ‘we’re done,’ and left,” she said.");
        Assert.Equal(2, doc.Quotations.Length);
        var outer = doc.Quotations[0];
        var inner = doc.Quotations[1];
        Assert.Equal("“He told me ‘we’re done,’ and left,”", doc[outer.Span]);
        Assert.Equal(0, outer.Depth);
        Assert.Equal("‘we’re done,’", doc[inner.Span]);
        Assert.Equal(1, inner.Depth);
        Assert.True(outer.Span.Contains(inner.Span));
    }

    [Fact]
    public void StraightSingleInsideStraightDouble()
    {
        var doc = WellFormed("\"He said 'no' to me,\" she said.");
        Assert.Equal(["\"He said 'no' to me,\"", "'no'"], QuoteTexts(doc));
        Assert.Equal([0, 1], doc.Quotations.Select(q => q.Depth));
    }

    [Fact]
    public void ApostrophesInsideAQuoteDoNotCloseIt()
    {
        var doc = WellFormed("“The Republicans’ plan won’t work in the ’90s style,” he said.");
        var q = Assert.Single(doc.Quotations);
        Assert.Equal("“The Republicans’ plan won’t work in the ’90s style,”", doc[q.Span]);
    }

    [Fact]
    public void QuoteOverSeveralParagraphsIsOneQuotation()
    {
        const string text = "He said: “First paragraph of the quote.\n\n“Second paragraph.\n\n“Third and last,” he added.\n\nAfter.";
        var doc = WellFormed(text);
        var q = Assert.Single(doc.Quotations);
        Assert.True(q.IsClosed);
        Assert.Equal(0, q.Depth);
        Assert.Equal("“First paragraph of the quote.\n\n“Second paragraph.\n\n“Third and last,”", doc[q.Span]);
        Assert.Equal(4, doc.Paragraphs.Length);
    }

    [Fact]
    public void StraightQuoteOverParagraphsWithSingleNewlines()
    {
        var doc = WellFormed("\"One.\n\"Two.\n\"Three,\" he said.");
        var q = Assert.Single(doc.Quotations);
        Assert.Equal("\"One.\n\"Two.\n\"Three,\"", doc[q.Span]);
        Assert.Equal(3, doc.Paragraphs.Length);
    }

    [Fact]
    public void NestedSingleDoesNotCarryOverAParagraph()
    {
        var doc = WellFormed("“He said ‘no.\n\n“Then more,” she said.");
        Assert.Equal(2, doc.Quotations.Length);
        var outer = doc.Quotations[0];
        var inner = doc.Quotations[1];
        Assert.True(outer.IsClosed);
        Assert.Equal("“He said ‘no.\n\n“Then more,”", doc[outer.Span]);
        Assert.False(inner.IsClosed);
        Assert.Equal("‘no.", doc[inner.Span]);
    }

    [Fact]
    public void UnclosedQuoteRunsToTheEndOfItsParagraph()
    {
        var doc = WellFormed("He said “we will win and left.\nNext paragraph here.");
        var q = Assert.Single(doc.Quotations);
        Assert.False(q.IsClosed);
        Assert.Equal(-1, q.CloseToken);
        Assert.Equal("“we will win and left.", doc[q.Span]);
        Assert.Equal("we will win and left.", doc[q.Inner(doc.Tokens)]);
    }

    [Fact]
    public void UnclosedQuoteOverParagraphsEndsWithTheLastReopenedOne()
    {
        var doc = WellFormed("“One.\n“Two.\nThree.");
        var q = Assert.Single(doc.Quotations);
        Assert.False(q.IsClosed);
        Assert.Equal("“One.\n“Two.", doc[q.Span]);
    }

    [Fact]
    public void ASecondOpeningMarkEndsAnUnclosedOne()
    {
        var doc = WellFormed("“One and “two” three.");
        Assert.Equal(2, doc.Quotations.Length);
        Assert.False(doc.Quotations[0].IsClosed);
        Assert.Equal("“One and", doc[doc.Quotations[0].Span]);
        Assert.Equal("“two”", doc[doc.Quotations[1].Span]);
        Assert.True(doc.Quotations[1].IsClosed);
    }

    [Fact]
    public void InnerQuoteLeftOpenEndsBeforeTheOuterClose()
    {
        var doc = WellFormed("“He said ‘no way, I quit,” she said.");
        Assert.Equal(2, doc.Quotations.Length);
        Assert.True(doc.Quotations[0].IsClosed);
        Assert.False(doc.Quotations[1].IsClosed);
        Assert.Equal("‘no way, I quit,", doc[doc.Quotations[1].Span]);
    }

    [Theory]
    [InlineData("He said” nothing.")]
    [InlineData("no ’ here ’")]
    [InlineData("5'10\" tall")]
    public void StrayClosingMarksMakeNoQuotation(string text) => Assert.Empty(WellFormed(text).Quotations);

    [Fact]
    public void ManyUnbalancedMarksStayLinearAndSane()
    {
        var text = string.Concat(Enumerable.Repeat("“", 50_000));
        var doc = WellFormed(text);
        Assert.Equal(50_000, doc.Tokens.Length);
        Assert.Equal(50_000, doc.Quotations.Length);
        Assert.All(doc.Quotations, q => Assert.False(q.IsClosed));
        Assert.Single(doc.Sentences);
    }

    [Fact]
    public void ManyUnbalancedMixedMarksStayLinearAndSane()
    {
        var rng = new Random(7);
        var marks = "“”\"‘’'«» \n";
        var chars = new char[50_000];
        for (int i = 0; i < chars.Length; i++) chars[i] = i % 3 == 2 ? 'x' : marks[rng.Next(marks.Length)];
        var doc = WellFormed(new string(chars));
        Assert.NotEmpty(doc.Quotations);
    }

    [Fact]
    public void DeeplyAlternatingNestingStaysLinear()
    {
        var text = string.Concat(Enumerable.Repeat("“a ‘b ", 25_000));
        var doc = WellFormed(text);
        Assert.Equal(50_000, doc.Quotations.Length);
        Assert.Equal(49_999, doc.Quotations[^1].Depth);
    }
}

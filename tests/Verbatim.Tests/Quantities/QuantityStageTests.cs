using Verbatim.Quantities;
using Verbatim.Text;

namespace Verbatim.Tests.Quantities;

public class QuantityStageTests
{
    private static List<Quantity> Find(string text)
    {
        var document = new QuantityStage().Process(DocumentBuilder.Build(text, new DocumentMetadata("t")));
        return [.. document.Require<QuantityLayer>().Items];
    }

    private static Quantity One(string text)
    {
        var found = Find(text);
        Assert.True(found.Count == 1, $"{found.Count} figures in \"{text}\": " + string.Join("; ", found));
        return found[0];
    }

    private static string SpanText(string text, Quantity q) => text[q.Span.Start..q.Span.End];

    [Theory]
    [InlineData("They counted 1,200 of them.", 1200)]
    [InlineData("It weighs 4.5 tonnes.", 4.5)]
    [InlineData("A hundred years passed.", 100)]
    [InlineData("She has two cats.", 2)]
    [InlineData("He bought a dozen eggs.", 12)]
    [InlineData("It took nine hours.", 9)]
    [InlineData("It cost twenty-five dollars.", 25)]
    [InlineData("They raised two hundred and fifty dollars.", 250)]
    [InlineData("The city has 1.2 million people.", 1200000)]
    [InlineData("The company raised $13.6M last year.", 13600000)]
    [InlineData("They ran 25k with sponsors paying $5.", 25000)]
    [InlineData("The deal is worth $4.5 billion.", 4500000000)]
    [InlineData("A third of the city was dark.", 0.333333333333)]
    [InlineData("Dozens of homes were destroyed.", 12)]
    [InlineData("It costs half a million dollars.", 500000)]
    [InlineData("It costs 3 dollars 50 cents.", 3.5)]
    [InlineData("It is 10 1/2 miles long.", 10.5)]
    public void Reads_numbers_in_digits_and_words(string text, double value)
    {
        var q = Find(text)[0];
        Assert.Equal(value, q.Value!.Value, 6);
    }

    [Theory]
    [InlineData("They fired some 1,200 shells.", QuantityBound.Approx)]
    [InlineData("They fired about 1,200 shells.", QuantityBound.Approx)]
    [InlineData("They fired roughly 1,200 shells.", QuantityBound.Approx)]
    [InlineData("They fired nearly 1,200 shells.", QuantityBound.Approx)]
    [InlineData("They fired closer to 1,200 shells.", QuantityBound.Approx)]
    [InlineData("They fired as many as 1,200 shells.", QuantityBound.Upper)]
    [InlineData("They fired up to 1,200 shells.", QuantityBound.Upper)]
    [InlineData("They fired under 1,200 shells.", QuantityBound.Upper)]
    [InlineData("They fired fewer than 1,200 shells.", QuantityBound.Upper)]
    [InlineData("They fired more than 1,200 shells.", QuantityBound.Lower)]
    [InlineData("They fired over 1,200 shells.", QuantityBound.Lower)]
    [InlineData("They fired at least 1,200 shells.", QuantityBound.Lower)]
    [InlineData("They fired 1,200 shells.", QuantityBound.Exact)]
    public void Hedges_set_the_bound(string text, QuantityBound bound)
    {
        var q = One(text);
        Assert.Equal(1200, q.Value);
        Assert.Equal(bound, q.Bound);
        Assert.StartsWith(text[q.Span.Start..q.Span.End].Split(' ')[0], text[q.Span.Start..]);
    }

    [Theory]
    [InlineData("Shares rose 6.5% on Monday.", QuantityTrend.Up)]
    [InlineData("The index fell 190 points.", QuantityTrend.Down)]
    [InlineData("The index fell by 190 points.", QuantityTrend.Down)]
    [InlineData("Sales grew about 18% last year.", QuantityTrend.Up)]
    [InlineData("Income sank 27% in the quarter.", QuantityTrend.Down)]
    [InlineData("The yen was up 0.95 against the dollar.", QuantityTrend.Up)]
    [InlineData("Onvia was down 34 cents.", QuantityTrend.Down)]
    [InlineData("The market plummeted 190 points.", QuantityTrend.Down)]
    [InlineData("Shares tumbled $2.75.", QuantityTrend.Down)]
    [InlineData("Prices jumped 3% overnight.", QuantityTrend.Up)]
    [InlineData("Output dropped 4% in May.", QuantityTrend.Down)]
    [InlineData("Prices climbed 3% overnight.", QuantityTrend.Up)]
    [InlineData("Exports declined 4% in May.", QuantityTrend.Down)]
    [InlineData("The count is now 12, up from nine.", QuantityTrend.Up)]
    [InlineData("It was an 8 percent increase.", QuantityTrend.Up)]
    public void Movements_set_the_trend(string text, QuantityTrend trend)
    {
        Assert.Contains(Find(text), q => q.Trend == trend);
    }

    [Fact]
    public void Up_to_is_a_bound_not_a_movement()
    {
        var q = One("They fired up to 500 shells.");
        Assert.Equal(QuantityBound.Upper, q.Bound);
        Assert.Equal(QuantityTrend.None, q.Trend);
    }

    [Theory]
    [InlineData("between 400 and 450 soldiers", 400, 450)]
    [InlineData("walls eight to 10 feet tall", 8, 10)]
    [InlineData("warming of 1 to 1.5 degrees", 1, 1.5)]
    [InlineData("a man 40-50 years old", 40, 50)]
    [InlineData("The price fell from $2,415 to $2,315.", 2415, 2315)]
    [InlineData("between 1 and 1.5 million people", 1000000, 1500000)]
    public void Ranges_have_two_ends(string text, double low, double high)
    {
        var q = One(text);
        Assert.Equal(QuantityBound.Range, q.Bound);
        Assert.Null(q.Value);
        Assert.Equal(low, q.Low);
        Assert.Equal(high, q.High);
    }

    [Theory]
    [InlineData("Sales rose 19% last year.", 19, "percentage")]
    [InlineData("Rates rose 0.25 percentage points.", 0.25, "percentage point")]
    [InlineData("It cost $94,000.", 94000, "dollar")]
    [InlineData("It cost C$ 16.4 million.", 16400000, "canadian dollar")]
    [InlineData("It cost 5 million yen.", 5000000, "japanese yen")]
    [InlineData("It cost €2 million.", 2000000, "euro")]
    [InlineData("It cost £8.10 million.", 8100000, "pound sterling")]
    [InlineData("It cost USD 200.", 200, "dollar")]
    [InlineData("It cost 10,000 swiss francs.", 10000, "swiss franc")]
    [InlineData("It lies 325 kilometers away.", 325, "kilometre")]
    [InlineData("It can run at 188 mph.", 188, "mile per hour")]
    [InlineData("a 3-inch thickness", 3, "inch")]
    [InlineData("He is 1.8m tall.", 1.8, "metre")]
    [InlineData("It weighs 200lbs.", 200, "pound-mass")]
    [InlineData("Water boils at 100° Celsius.", 100, "celsius")]
    [InlineData("She was five years old.", 5, "year of age")]
    public void Units_take_CQE_names(string text, double value, string unit)
    {
        var q = One(text);
        Assert.Equal(value, q.Value!.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Russia sent 10,000 North Korean troops.", "North Korean troops")]
    [InlineData("The navy sent 14 ships.", "ships")]
    [InlineData("More than 100 people fell ill.", "people")]
    [InlineData("One dealer said so.", "dealer")]
    public void Counts_name_what_they_count(string text, string counted)
    {
        var q = One(text);
        Assert.Null(q.Unit);
        Assert.Equal(counted, q.Counted);
        Assert.EndsWith(counted, SpanText(text, q));
    }

    [Theory]
    [InlineData("some 1,200 casualties a day", "day")]
    [InlineData("It pays $98 a share.", "share")]
    [InlineData("It costs $5 per month.", "month")]
    [InlineData("They earn $40,000 annually.", "year")]
    [InlineData("It pumps 500,000 barrels a day.", "day")]
    public void Rates_have_a_denominator(string text, string per)
    {
        Assert.Equal(per, One(text).Per);
    }

    [Fact]
    public void A_year_earlier_is_not_a_rate()
    {
        Assert.Null(One("Sales were $1.17 billion a year earlier.").Per);
    }

    [Theory]
    [InlineData("nearly triple the cost", 3, QuantityBound.Approx)]
    [InlineData("Sales more than doubled.", 2, QuantityBound.Lower)]
    public void Multipliers_are_factors(string text, double value, QuantityBound bound)
    {
        var q = One(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(bound, q.Bound);
    }

    [Theory]
    [InlineData("The 2+2 meeting was held yesterday.")]
    [InlineData("The G7 leaders met.")]
    [InlineData("COVID-19 spread quickly.")]
    [InlineData("The Level I alert stays.")]
    [InlineData("He recalled the Sept. 11 attacks.")]
    [InlineData("The deadline is Oct. 31.")]
    [InlineData("It happened on 1 May.")]
    [InlineData("Prices have risen since 2016.")]
    [InlineData("The law passed in 2023.")]
    [InlineData("They met at 10:30 on Monday.")]
    [InlineData("They met at 10 a.m. on Monday.")]
    [InlineData("Call 555-1234 for details.")]
    [InlineData("The 22nd amendment limits terms.")]
    [InlineData("Music of the 1990s returned.")]
    [InlineData("The Boeing 737 was grounded.")]
    [InlineData("Under Article 5 allies must help.")]
    [InlineData("After 9/11 everything changed.")]
    [InlineData("She finished second in the first half of the race.")]
    [InlineData("Take exit 436 north.")]
    public void Names_dates_times_and_labels_are_not_figures(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void Seed_figures_have_their_bounds_and_nothing_inside_2plus2()
    {
        var text = Samples.Seed;
        var found = Find(text);
        Quantity At(string s) => Assert.Single(found, q => SpanText(text, q) == s);
        Assert.Equal(QuantityBound.Exact, At("10,000 North Korean troops").Bound);
        Assert.Equal(8000, At("as many as 8,000").Value);
        Assert.Equal(QuantityBound.Upper, At("as many as 8,000").Bound);
        var casualties = At("some 1,200 casualties a day");
        Assert.Equal((1200.0, QuantityBound.Approx, "day"), (casualties.Value!.Value, casualties.Bound, casualties.Per));
        Assert.Equal(QuantityBound.Approx, At("a hundred years").Bound);
        Assert.Equal(QuantityBound.Lower, At("more than 50 countries").Bound);
        int meeting = text.IndexOf("2+2", StringComparison.Ordinal);
        Assert.DoesNotContain(found, q => q.Span.Overlaps(new TextSpan(meeting, meeting + 3)));
    }
}

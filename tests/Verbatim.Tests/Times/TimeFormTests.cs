using Verbatim.Text;
using Verbatim.Times;

namespace Verbatim.Tests.Times;

/// <summary>Each time form, resolved against a publication day (a second set of sentences beside TimeStageTests).</summary>
public class TimeFormTests
{
    private static readonly DateOnly Friday = new(2024, 11, 1);   // a Friday

    private static List<TimeExpression> Times(string text, DateOnly? published = null, DateTimeOffset? at = null)
    {
        var doc = DocumentBuilder.Build(text, new DocumentMetadata("t", Published: published ?? Friday, PublishedAt: at));
        return new TimeStage().Process(doc).Require<TimeLayer>().Items.ToList();
    }

    private static TimeExpression One(string text, string expression, DateOnly? published = null)
    {
        var doc = DocumentBuilder.Build(text, new DocumentMetadata("t", Published: published ?? Friday));
        var items = new TimeStage().Process(doc).Require<TimeLayer>().Items;
        return Assert.Single(items, t => doc[t.Span] == expression);
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("The meeting was held yesterday.", "yesterday", "2024-10-31")]
    [InlineData("The vote is today.", "today", "2024-11-01")]
    [InlineData("The vote is tomorrow.", "tomorrow", "2024-11-02")]
    [InlineData("Officials said on Tuesday that talks had stalled.", "on Tuesday", "2024-10-29")]
    [InlineData("Talks were expected to resume on Thursday.", "on Thursday", "2024-11-07")]
    [InlineData("He spoke last Monday.", "last Monday", "2024-10-28")]
    [InlineData("They meet next Monday.", "next Monday", "2024-11-04")]
    [InlineData("She said it on Friday.", "on Friday", "2024-11-01")]
    [InlineData("The deadline is Oct. 31.", "Oct. 31", "2024-10-31")]
    [InlineData("It began on Sept. 11, 2001.", "Sept. 11, 2001", "2001-09-11")]
    [InlineData("It ended on 31 October 2024.", "31 October 2024", "2024-10-31")]
    [InlineData("They promised a deal by the end of July.", "by the end of July", "2025-07-31")]
    [InlineData("The plant closes at the end of 2026.", "the end of 2026", "2026-12-31")]
    [InlineData("Sales will recover by year-end.", "by year-end", "2024-12-31")]
    public void Single_days(string text, string expression, string expected)
    {
        var time = One(text, expression.StartsWith("on ", StringComparison.Ordinal) ? expression[3..] : expression);
        Assert.Equal(D(expected), time.Value);
    }

    [Fact]
    public void A_part_of_a_day_names_that_day()
    {
        var time = One("Protesters gathered Monday night.", "Monday night");
        Assert.Equal(TimeKind.DateTime, time.Kind);
        Assert.Equal(D("2024-10-28"), time.Value);
    }

    [Fact]
    public void A_date_without_a_year_takes_the_year_nearest_publication()
    {
        var time = One("The fire started on Dec. 28.", "Dec. 28", new DateOnly(2024, 1, 3));
        Assert.Equal(D("2023-12-28"), time.Value);
    }

    [Theory]
    [InlineData("We expect it in the coming days.", "in the coming days", "2024-11-01", "2024-11-08")]
    [InlineData("A decision is due in the coming weeks.", "in the coming weeks", "2024-11-01", "2024-12-01")]
    [InlineData("Prices will fall over the next two weeks.", "over the next two weeks", "2024-11-01", "2024-11-15")]
    [InlineData("Troops must leave within 30 days.", "within 30 days", "2024-11-01", "2024-12-01")]
    [InlineData("Sales fell last week.", "last week", "2024-10-21", "2024-10-27")]
    [InlineData("Sales rose this week.", "this week", "2024-10-28", "2024-11-03")]
    [InlineData("Rates rise next month.", "next month", "2024-12-01", "2024-12-31")]
    [InlineData("Growth slowed this year.", "this year", "2024-01-01", "2024-12-31")]
    [InlineData("Prices have doubled since 2023.", "since 2023", "2023-01-01", "2024-11-01")]
    [InlineData("The plan starts next spring.", "next spring", "2025-03-01", "2025-05-31")]
    [InlineData("Elections are due in March.", "March", "2025-03-01", "2025-03-31")]
    [InlineData("It opened in October 2023.", "October 2023", "2023-10-01", "2023-10-31")]
    public void Windows_and_periods(string text, string expression, string from, string to)
    {
        var time = One(text, expression);
        Assert.Equal(D(from), time.From);
        Assert.Equal(D(to), time.To);
        Assert.Null(time.Value);
    }

    [Fact]
    public void Windows_ahead_are_future_and_the_past_is_not()
    {
        Assert.True(One("We expect it in the coming days.", "in the coming days").Future);
        Assert.False(One("The meeting was held yesterday.", "yesterday").Future);
    }

    [Fact]
    public void Durations_and_recurrences_have_no_dates()
    {
        var duration = One("He served for three years.", "for three years");
        Assert.Equal(TimeKind.Duration, duration.Kind);
        Assert.Null(duration.From);
        Assert.Equal(TimeKind.Set, One("The council meets every Monday.", "every Monday").Kind);
    }

    [Fact]
    public void The_outlets_own_time_zone_decides_the_day()
    {
        // 01:30 in New York on Nov. 1 is already Nov. 1 there (06:30 UTC); "yesterday" is Oct. 31.
        var at = new DateTimeOffset(2024, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5));
        var time = Assert.Single(Times("The meeting was held yesterday.", published: null, at: at));
        Assert.Equal(D("2024-10-31"), time.Value);
        // 23:30 in New York on Oct. 31 is Nov. 1 in UTC, but the outlet's day is still Oct. 31.
        var late = new DateTimeOffset(2024, 10, 31, 23, 30, 0, TimeSpan.FromHours(-5));
        Assert.Equal(D("2024-10-30"), Assert.Single(Times("The meeting was held yesterday.", published: null, at: late)).Value);
    }

    [Fact]
    public void Without_a_publication_date_relative_expressions_keep_no_date()
    {
        var doc = DocumentBuilder.Build("The meeting was held yesterday.", new DocumentMetadata("t"));
        var time = Assert.Single(new TimeStage().Process(doc).Require<TimeLayer>().Items);
        Assert.Null(time.Value);
    }

    [Theory]
    [InlineData("There are 10,000 troops in the region.")]
    [InlineData("The U.S.-Republic of Korea 2+2 meeting ended.")]
    [InlineData("It may rain, officials said.")]
    [InlineData("They joined a march on Washington.")]
    [InlineData("Mr. Sunday and Ms. May spoke.")]
    public void Not_times(string text) => Assert.Empty(Times(text));
}

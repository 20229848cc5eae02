using System.Globalization;
using Verbatim.Text;
using Verbatim.Times;

namespace Verbatim.Tests.Times;

/// <summary>
/// Each form of docs/times.md with its expected resolution. Unless a test says otherwise the story
/// is published on Friday 2024-11-01.
/// </summary>
public class TimeStageTests
{
    private const string Friday = "2024-11-01";

    internal static (Document Doc, TimeExpression[] Times) Run(string text, DocumentMetadata metadata)
    {
        var doc = new TimeStage().Process(DocumentBuilder.Build(text, metadata));
        return (doc, doc.Require<TimeLayer>().Items.ToArray());
    }

    internal static (Document Doc, TimeExpression[] Times) Run(string text, string? published = Friday) =>
        Run(text, new DocumentMetadata("t", Published: published is null ? null : D(published)));

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateOnly? N(string? s) => s is null ? null : D(s);

    /// <summary>The one expression of <paramref name="text"/>, checked to cover exactly <paramref name="span"/>.</summary>
    private static TimeExpression One(string text, string span, string? published = Friday)
    {
        var (doc, times) = Run(text, published);
        var t = Assert.Single(times);
        Assert.Equal(span, doc[t.Span]);
        return t;
    }

    private static void AssertTime(TimeExpression t, TimeKind kind, string? value, string? from = null, string? to = null)
    {
        Assert.Equal(kind, t.Kind);
        Assert.Equal(N(value), t.Value);
        Assert.Equal(N(from), t.From);
        Assert.Equal(N(to), t.To);
    }

    [Theory]
    [InlineData("The meeting was held yesterday.", "yesterday", "2024-10-31")]
    [InlineData("The two sides met today.", "today", "2024-11-01")]
    [InlineData("The talks resume tomorrow.", "tomorrow", "2024-11-02")]
    public void RelativeDays(string text, string span, string value) => AssertTime(One(text, span), TimeKind.Date, value);

    [Theory]
    [InlineData("He will speak tonight.", "tonight", "2024-11-01", DayPart.Night)]
    [InlineData("The strike came yesterday morning.", "yesterday morning", "2024-10-31", DayPart.Morning)]
    [InlineData("Sirens sounded last night.", "last night", "2024-10-31", DayPart.Night)]
    [InlineData("The attack came Monday night.", "Monday night", "2024-10-28", DayPart.Night)]
    [InlineData("Officials will meet Tuesday afternoon.", "Tuesday afternoon", "2024-11-05", DayPart.Afternoon)]
    public void DaysWithAPartOfTheDay(string text, string span, string value, DayPart part)
    {
        var t = One(text, span);
        AssertTime(t, TimeKind.DateTime, value);
        Assert.Equal(part, t.Part);
    }

    [Theory]
    // Past by default: the most recent such day.
    [InlineData("He said on Tuesday that the troops had arrived.", "Tuesday", "2024-10-29")]
    [InlineData("The ministers met on Wednesday in Seoul.", "Wednesday", "2024-10-30")]
    // News names the publication day by its weekday.
    [InlineData("Officials met on Friday.", "Friday", "2024-11-01")]
    // The tense points ahead: the next one.
    [InlineData("Talks were expected to resume on Thursday.", "Thursday", "2024-11-07")]
    [InlineData("The minister will travel to Paris on Monday.", "Monday", "2024-11-04")]
    [InlineData("The vote is scheduled for Tuesday.", "Tuesday", "2024-11-05")]
    [InlineData("On Thursday, the talks will resume.", "Thursday", "2024-11-07")]
    // "said Tuesday" dates the statement, whatever it says about the future.
    [InlineData("The talks will resume, he said Tuesday.", "Tuesday", "2024-10-29")]
    // last and next never mean the publication day itself.
    [InlineData("The rally took place last Friday.", "last Friday", "2024-10-25")]
    [InlineData("She will testify next Friday.", "next Friday", "2024-11-08")]
    [InlineData("They met last Tuesday.", "last Tuesday", "2024-10-29")]
    [InlineData("They meet next Tuesday.", "next Tuesday", "2024-11-05")]
    // A written date after the weekday wins.
    [InlineData("The hearing is on Tuesday, Oct. 29, 2024.", "Tuesday, Oct. 29, 2024", "2024-10-29")]
    public void Weekdays(string text, string span, string value) => AssertTime(One(text, span), TimeKind.Date, value);

    [Theory]
    [InlineData("Prices rose last week.", "last week", "2024-10-21", "2024-10-27")]
    [InlineData("Prices rose this week.", "this week", "2024-10-28", "2024-11-03")]
    [InlineData("Prices will rise next week.", "next week", "2024-11-04", "2024-11-10")]
    [InlineData("The report comes out next month.", "next month", "2024-12-01", "2024-12-31")]
    [InlineData("Sales fell last month.", "last month", "2024-10-01", "2024-10-31")]
    [InlineData("The economy grew this year.", "this year", "2024-01-01", "2024-12-31")]
    [InlineData("The economy shrank last year.", "last year", "2023-01-01", "2023-12-31")]
    [InlineData("Crowds gathered this weekend.", "this weekend", "2024-11-02", "2024-11-03")]
    [InlineData("Sales fell last March.", "last March", "2024-03-01", "2024-03-31")]
    [InlineData("Sales will rise next March.", "next March", "2025-03-01", "2025-03-31")]
    public void CalendarPeriods(string text, string span, string from, string to) => AssertTime(One(text, span), TimeKind.Window, null, from, to);

    [Theory]
    [InlineData("Prices have risen since 2023.", "since 2023", "2023-01-01")]
    [InlineData("Prices have risen since March.", "since March", "2024-03-01")]
    [InlineData("He has been detained since Monday.", "since Monday", "2024-10-28")]
    [InlineData("Fighting has raged since Oct. 7, 2023.", "since Oct. 7, 2023", "2023-10-07")]
    public void SinceRunsToPublication(string text, string span, string from) =>
        AssertTime(One(text, span), TimeKind.Window, null, from, Friday);

    [Theory]
    [InlineData("The deadline was Oct. 31.", "Oct. 31", "2024-10-31")]
    [InlineData("The attacks of Sept. 11, 2001 changed everything.", "Sept. 11, 2001", "2001-09-11")]
    [InlineData("The vote was held on 31 October 2024.", "31 October 2024", "2024-10-31")]
    [InlineData("The vote was held on the 31st of October.", "the 31st of October", "2024-10-31")]
    [InlineData("The filing is dated 2024-10-31.", "2024-10-31", "2024-10-31")]
    [InlineData("The filing is dated 10/31/2024.", "10/31/2024", "2024-10-31")]
    [InlineData("The vote was held Nov. 5, 2024.", "Nov. 5, 2024", "2024-11-05")]
    [InlineData("Results are due on December 3rd.", "December 3rd", "2024-12-03")]
    public void ExplicitDates(string text, string span, string value) => AssertTime(One(text, span), TimeKind.Date, value);

    [Theory]
    // A date without a year near the turn of the year belongs to the nearer year.
    [InlineData("The strike happened on Dec. 28.", "2024-01-03", "Dec. 28", "2023-12-28")]
    [InlineData("The court sits on Jan. 5.", "2023-12-28", "Jan. 5", "2024-01-05")]
    [InlineData("The ruling is expected on Oct. 15.", "2024-11-01", "Oct. 15", "2025-10-15")]
    public void YearRollover(string text, string published, string span, string value) =>
        AssertTime(One(text, span, published), TimeKind.Date, value);

    [Theory]
    [InlineData("Inflation peaked in October 2024.", "October 2024", "2024-10-01", "2024-10-31")]
    [InlineData("The plant closed in March.", "March", "2024-03-01", "2024-03-31")]
    [InlineData("The plant will close in March.", "March", "2025-03-01", "2025-03-31")]
    [InlineData("Elections are held in December.", "December", "2024-12-01", "2024-12-31")]
    [InlineData("The trial began in May.", "May", "2024-05-01", "2024-05-31")]
    [InlineData("Sales rose in early October.", "early October", "2024-10-01", "2024-10-10")]
    [InlineData("Sales rose in mid-October.", "mid-October", "2024-10-11", "2024-10-20")]
    [InlineData("Growth should return early next year.", "early next year", "2025-01-01", "2025-04-30")]
    [InlineData("The war began in 2022.", "2022", "2022-01-01", "2022-12-31")]
    [InlineData("The policy dates from the 1990s.", "the 1990s", "1990-01-01", "1999-12-31")]
    public void MonthsAndYears(string text, string span, string from, string to) =>
        AssertTime(One(text, span), TimeKind.Window, null, from, to);

    [Theory]
    [InlineData("The troops must leave by the end of July.", "by the end of July", "2025-07-31")]
    [InlineData("The plant will be built by the end of 2026.", "by the end of 2026", "2026-12-31")]
    [InlineData("Funds run out at the end of 2026.", "the end of 2026", "2026-12-31")]
    [InlineData("A deal is due by year-end.", "by year-end", "2024-12-31")]
    [InlineData("A deal is due by the end of the year.", "by the end of the year", "2024-12-31")]
    [InlineData("A deal is due by the end of next month.", "by the end of next month", "2024-12-31")]
    public void EndsOfPeriodsAreTheirLastDay(string text, string span, string value) =>
        AssertTime(One(text, span), TimeKind.Date, value, null, value);

    [Theory]
    [InlineData("Construction starts next spring.", "next spring", "2025-03-01", "2025-05-31")]
    [InlineData("Prices soared this summer.", "this summer", "2024-06-01", "2024-08-31")]
    [InlineData("Gas ran short last winter.", "last winter", "2023-12-01", "2024-02-29")]
    [InlineData("The election will be held in the spring.", "the spring", "2025-03-01", "2025-05-31")]
    [InlineData("Leaves turn red in the fall.", "the fall", "2024-09-01", "2024-11-30")]
    [InlineData("The offensive began in the spring.", "the spring", "2024-03-01", "2024-05-31")]
    [InlineData("The offensive began in spring 2023.", "spring 2023", "2023-03-01", "2023-05-31")]
    public void Seasons(string text, string span, string from, string to) =>
        AssertTime(One(text, span), TimeKind.Season, null, from, to);

    [Theory]
    [InlineData("Troops will deploy in the coming days.", "in the coming days", "2024-11-08")]
    [InlineData("Troops will deploy in the coming weeks.", "in the coming weeks", "2024-12-01")]
    [InlineData("Troops will deploy in the coming months.", "in the coming months", "2025-05-01")]
    [InlineData("Aid will arrive over the next two weeks.", "over the next two weeks", "2024-11-15")]
    [InlineData("Aid will arrive within 30 days.", "within 30 days", "2024-12-01")]
    [InlineData("Aid will arrive within 24 hours.", "within 24 hours", "2024-11-02")]
    [InlineData("Aid will arrive in the next few months.", "in the next few months", "2025-02-01")]
    [InlineData("Aid will arrive soon.", "soon", "2024-12-01")]
    [InlineData("Aid will arrive very soon.", "very soon", "2024-12-01")]
    [InlineData("The minister will resign shortly.", "shortly", "2024-11-08")]
    [InlineData("Talks will resume in the near future.", "in the near future", "2025-01-30")]
    public void WindowsAhead(string text, string span, string to)
    {
        var t = One(text, span);
        AssertTime(t, TimeKind.Window, null, Friday, to);
        Assert.True(t.Future);
    }

    [Theory]
    [InlineData("Prices rose over the past two weeks.", "over the past two weeks", "2024-10-18")]
    [InlineData("Prices rose in recent days.", "in recent days", "2024-10-25")]
    [InlineData("Prices rose over the past year.", "over the past year", "2023-11-01")]
    public void WindowsBack(string text, string span, string from)
    {
        var t = One(text, span);
        AssertTime(t, TimeKind.Window, null, from, Friday);
        Assert.False(t.Future);
    }

    [Fact]
    public void TheForeseeableFutureHasNoEnd() =>
        AssertTime(One("Troops will stay for the foreseeable future.", "for the foreseeable future"), TimeKind.Window, null, Friday, null);

    [Theory]
    [InlineData("He served for three years.", "for three years")]
    [InlineData("The talks lasted two weeks.", "two weeks")]
    [InlineData("It is the first time in a hundred years.", "in a hundred years")]
    [InlineData("The ceasefire held for a couple of days.", "for a couple of days")]
    [InlineData("Two days later, the troops withdrew.", "Two days")]
    [InlineData("They have waited for years.", "for years")]
    public void Durations(string text, string span) => AssertTime(One(text, span), TimeKind.Duration, null);

    [Theory]
    [InlineData("The strike hit three days ago.", "three days ago", "2024-10-29")]
    [InlineData("The results will come in two weeks.", "in two weeks", "2024-11-15")]
    public void CountedDays(string text, string span, string value) => AssertTime(One(text, span), TimeKind.Date, value);

    [Theory]
    [InlineData("Russia loses some 1,200 soldiers a day.", "a day")]
    [InlineData("The council meets every Monday.", "every Monday")]
    [InlineData("The council meets on Mondays.", "Mondays")]
    [InlineData("Ships arrive daily.", "daily")]
    [InlineData("Fees are charged per month.", "per month")]
    public void Recurrences(string text, string span) => AssertTime(One(text, span), TimeKind.Set, null);

    [Theory]
    [InlineData("There are now 10,000 North Korean troops in Russia.")]
    [InlineData("The U.S.-Republic of Korea 2+2 meeting ended.")]
    [InlineData("It may rain, and the talks may fail.")]
    [InlineData("Theresa May said the deal was dead.")]
    [InlineData("May I ask a question?")]
    [InlineData("Thousands joined a march on Washington.")]
    [InlineData("The March on Washington drew thousands.")]
    [InlineData("Mr. Monday declined to comment.")]
    [InlineData("The sun rose over Sat Nam Park.")]
    [InlineData("The fall of Kabul shocked the world.")]
    [InlineData("Prices fall in winter storms like this one.", 1)]
    [InlineData("Call back as soon as possible.")]
    [InlineData("The troops withdrew soon after the vote.")]
    [InlineData("The next day, the troops withdrew.")]
    [InlineData("August Wilson wrote plays.")]
    [InlineData("The 2024 troops were deployed.")]
    [InlineData("He met the Daily Mail reporter.")]
    [InlineData("He appeared on Fox News Sunday to defend the plan.")]
    public void NotTimes(string text, int expected = 0)
    {
        var (doc, times) = Run(text);
        Assert.True(times.Length == expected, string.Join(", ", times.Select(t => doc[t.Span])));
    }

    [Fact]
    public void WithoutPublicationDateRelativeExpressionsHaveNoDates()
    {
        var (doc, times) = Run("The meeting held yesterday agreed to meet again on Monday, in the coming days, and on Sept. 11, 2001 terms.", published: null);
        Assert.Equal(["yesterday", "Monday", "in the coming days", "Sept. 11, 2001"], times.Select(t => doc[t.Span]));
        Assert.All(times[..3], t => Assert.True(t.Value is null && t.From is null && t.To is null));
        Assert.Equal(D("2001-09-11"), times[3].Value);
        Assert.Equal(TimeKind.Window, times[2].Kind);
    }

    [Theory]
    // Late evening in New York: UTC is already the next day, the outlet is not.
    [InlineData("2024-10-31T22:30:00-05:00", "2024-10-30")]
    [InlineData("2024-11-01T01:30:00-05:00", "2024-10-31")]
    // Morning in Seoul: UTC is still the day before.
    [InlineData("2024-11-01T08:00:00+09:00", "2024-10-31")]
    public void DatesResolveInTheOutletsTimeZone(string publishedAt, string yesterday)
    {
        var at = DateTimeOffset.Parse(publishedAt, CultureInfo.InvariantCulture);
        var (_, times) = Run("The meeting was held yesterday.", new DocumentMetadata("t", PublishedAt: at));
        Assert.Equal(D(yesterday), Assert.Single(times).Value);
    }

    [Fact]
    public void ThePublicationTimestampWinsOverAUtcDate()
    {
        var at = DateTimeOffset.Parse("2024-10-31T22:30:00-05:00", CultureInfo.InvariantCulture);
        var (_, times) = Run("It happened today.", new DocumentMetadata("t", Published: D("2024-11-01"), PublishedAt: at));
        Assert.Equal(D("2024-10-31"), Assert.Single(times).Value);
    }

    [Fact]
    public void FutureFlagsWhatPointsAhead()
    {
        var (_, times) = Run("Yesterday the minister said talks will resume on Thursday and end next spring.");
        Assert.Equal([false, true, true], times.Select(t => t.Future));
    }
}

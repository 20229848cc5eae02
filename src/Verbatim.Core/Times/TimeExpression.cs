using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Times;

/// <summary>What a time expression names.</summary>
public enum TimeKind
{
    /// <summary>One day ("yesterday", "Oct. 31", "by the end of July").</summary>
    Date,
    /// <summary>One day and a part of it ("Monday night", "tonight", "yesterday morning").</summary>
    DateTime,
    /// <summary>A length of time with no anchor ("for three years", "two weeks").</summary>
    Duration,
    /// <summary>A span of days ("in the coming days", "last week", "since 2023", "in March", "October 2024").</summary>
    Window,
    /// <summary>A season of a year ("next spring", "this summer").</summary>
    Season,
    /// <summary>A recurrence ("every Monday", "daily", "1,200 casualties a day").</summary>
    Set,
}

/// <summary>The part of a day an expression names, when it names one ("Monday night").</summary>
public enum DayPart : byte
{
    None,
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>
/// A time expression of the text, resolved against the publication date (docs/times.md).
/// <see cref="Value"/> is the day when the expression names a single day ("Monday night" is that
/// Monday; "by the end of July" is July 31), else null. <see cref="From"/> and <see cref="To"/>
/// bound windows, periods and seasons, null where open or unknown; a deadline ("by the end of
/// July") has its day as <see cref="To"/> too, so that whatever reads a horizon reads <c>To</c>.
/// <see cref="Future"/> is true when the expression points after the publication date.
/// Without a publication date, relative expressions keep no dates: today's date is never guessed.
/// </summary>
public sealed record TimeExpression(TextSpan Span, TimeKind Kind, DateOnly? Value, DateOnly? From, DateOnly? To, bool Future)
{
    /// <summary>The part of the day ("night" of "Monday night"), <see cref="DayPart.None"/> when none is named.</summary>
    public DayPart Part { get; init; }
}

/// <summary>The times layer: every time expression of the document, in document order, none overlapping.</summary>
public sealed record TimeLayer(ImmutableArray<TimeExpression> Items)
{
    /// <summary>
    /// The expressions that lie inside <paramref name="span"/>, in order: a binary search into the
    /// sorted items, so stages that ask per sentence stay linear on long documents.
    /// </summary>
    public IEnumerable<TimeExpression> Within(TextSpan span)
    {
        int lo = 0, hi = Items.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Items[mid].Span.Start < span.Start) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < Items.Length && Items[i].Span.Start < span.End; i++)
        {
            if (span.Contains(Items[i].Span)) yield return Items[i];
        }
    }
}

using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Times;

public enum TimeKind
{
    /// <summary>A single day ("yesterday", "Oct. 31", "by the end of July").</summary>
    Date,
    /// <summary>A single day with a part of it ("Monday night").</summary>
    DateTime,
    /// <summary>A length of time with no anchor ("for three years").</summary>
    Duration,
    /// <summary>A span of days with ends ("in the coming days", "last week", "since 2023", "in March").</summary>
    Window,
    /// <summary>A season of a year ("next spring").</summary>
    Season,
    /// <summary>A recurrence ("every Monday", "daily").</summary>
    Set,
}

/// <summary>
/// A time expression of the text, resolved against the publication day. <see cref="Value"/> is
/// the day when the expression names a single day ("Monday night" is that Monday; "by the end of
/// July" is July 31), else null; <see cref="From"/> and <see cref="To"/> bound windows, periods and
/// seasons (null where open or unknown). <see cref="Future"/> is true when it points after
/// publication. Without a publication date, relative expressions keep no dates: today's date is
/// never guessed.
/// </summary>
public sealed record TimeExpression(TextSpan Span, TimeKind Kind, DateOnly? Value, DateOnly? From, DateOnly? To, bool Future);

/// <summary>The times layer, in document order.</summary>
public sealed record TimeLayer(ImmutableArray<TimeExpression> Items);

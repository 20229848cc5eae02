using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Events;

public enum EventKind
{
    Meeting,
    Call,
    Visit,
    Summit,
    PressConference,
    Other,
}

/// <summary>
/// A meeting, call, visit, summit or press conference the article reports: its name as the text
/// gives it (<see cref="Span"/>), the place as the text names it, the day it happened or will
/// happen, and who took part (names resolved in the document, or descriptions from the text).
/// </summary>
public sealed record NewsEvent(EventKind Kind, string Name, TextSpan Span, string? Place, DateOnly? Date, ImmutableArray<string> Participants);

/// <summary>The events layer, in document order.</summary>
public sealed record EventLayer(ImmutableArray<NewsEvent> Items);

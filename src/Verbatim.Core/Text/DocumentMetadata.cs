namespace Verbatim.Text;

/// <summary>
/// What is known about a document besides its text. All optional except the id.
/// <see cref="Published"/> is the publication day in the outlet's own time zone;
/// <see cref="PublishedAt"/> the full timestamp with its offset when the source gives one
/// (relative dates such as "yesterday" resolve against the outlet's day, not UTC's).
/// <see cref="Author"/> is the byline as the source gives it (several names joined by ", ").
/// </summary>
public sealed record DocumentMetadata(
    string Id,
    string? Title = null,
    DateOnly? Published = null,
    string? Source = null,
    string? Url = null,
    DateTimeOffset? PublishedAt = null,
    string? Author = null);

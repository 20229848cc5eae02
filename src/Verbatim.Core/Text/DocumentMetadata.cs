namespace Verbatim.Text;

/// <summary>What is known about a document besides its text. All optional except the id.</summary>
public sealed record DocumentMetadata(
    string Id,
    string? Title = null,
    DateOnly? Published = null,
    string? Source = null,
    string? Url = null);

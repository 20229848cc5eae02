using System.Collections.Immutable;
using Verbatim.Text;

namespace Verbatim.Entities;

public enum EntityType
{
    Person,
    Organization,
    Place,
    /// <summary>A name the text gives but nothing tells what it names.</summary>
    Other,
}

/// <summary>
/// One mention of a person, organisation or place: where it is in the text (the name as written,
/// without a title before it or a possessive "’s" after it) and the name it normalises to within
/// the document ("Kiev" → "Kyiv", "Blinken" → "Antony Blinken").
/// </summary>
public sealed record Entity(TextSpan Span, EntityType Type, string Name);

/// <summary>The entities layer: every mention, ordered by start.</summary>
public sealed record EntityLayer(ImmutableArray<Entity> Items);

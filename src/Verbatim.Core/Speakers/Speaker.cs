using System.Collections.Immutable;

namespace Verbatim.Speakers;

public enum SpeakerType
{
    Person,
    Organization,
    Group,
    Document,
    Anonymous,
}

/// <summary>
/// An entity that says things, resolved within one document: its fullest name, and the title and
/// affiliation the text gives it. <see cref="Id"/> is stable within the document ("s1", "s2").
/// </summary>
public sealed record Speaker(string Id, string Name, string? Title, string? Affiliation, SpeakerType Type);

/// <summary>The speakers layer: the document's speakers, and the speaker of each attribution id (absent when unresolved).</summary>
public sealed record SpeakerLayer(ImmutableArray<Speaker> Speakers, ImmutableDictionary<int, Speaker> ByAttribution);

using Verbatim.Ledger.Identity;
using Verbatim.Quantities;

namespace Verbatim.Ledger.Ingest;

/// <summary>
/// What a figure is about, as the key of its claim series: what it counts, in what unit, per
/// what. Only figures that say what they count form series: a bare "19%" or "$4 billion" could be
/// about anything, and joining such figures across articles would invent a story.
/// </summary>
internal static class ClaimSubject
{
    public static (string Key, string Text)? Of(Quantity quantity)
    {
        if (string.IsNullOrWhiteSpace(quantity.Counted)) return null;
        string counted = SpeakerMatcher.Fold(quantity.Counted);
        var text = quantity.Counted.Trim();
        var key = counted;
        if (!string.IsNullOrEmpty(quantity.Unit))
        {
            key += "|" + quantity.Unit;
            text += $" ({quantity.Unit})";
        }
        if (!string.IsNullOrEmpty(quantity.Per))
        {
            key += "|per " + quantity.Per;
            text += " per " + quantity.Per;
        }
        return (key, text);
    }
}

namespace Verbatim.Learning;

/// <summary>
/// Hashes feature names into integers without building strings: a feature is a template id plus
/// one or more text or integer parts. FNV-1a over UTF-16 units, folded to lower case where asked,
/// so the same feature always hashes the same on every machine (the committed model depends on it).
/// </summary>
public readonly struct FeatureHash
{
    private const uint Prime = 16777619;
    private readonly uint _value;

    private FeatureHash(uint value) => _value = value;

    // Integer parts are mixed in whole, one multiply each: features combine several small numbers
    // (side, distance, class) and precomputed token hashes, and the final Bucket spreads the bits.
    private const uint Golden = 0x9E3779B1;

    /// <summary>The start of a feature of template <paramref name="template"/> (a constant, folded by the JIT).</summary>
    public static FeatureHash Template(int template) => new(((uint)template + 1) * Golden ^ 2166136261u);

    public FeatureHash Add(int part)
    {
        uint h = (_value ^ (uint)part) * Golden;
        return new FeatureHash(h ^ (h >> 16));
    }

    public FeatureHash Add(ReadOnlySpan<char> text)
    {
        uint h = (_value ^ 0x1F) * Prime;   // separator, so ("ab","c") differs from ("a","bc")
        foreach (char c in text)
        {
            h = (h ^ c) * Prime;
        }
        return new FeatureHash(h);
    }

    public FeatureHash AddLower(ReadOnlySpan<char> text)
    {
        uint h = (_value ^ 0x1F) * Prime;
        foreach (char c in text)
        {
            h = (h ^ char.ToLowerInvariant(c)) * Prime;
        }
        return new FeatureHash(h);
    }

    /// <summary>A lower-cased text's hash as a number, to be combined into features with <see cref="Add(int)"/>.</summary>
    public static int Of(ReadOnlySpan<char> text) => (int)Template(0x7E57).AddLower(text)._value;

    /// <summary>The final bucket, in [0, buckets) where buckets is a power of two.</summary>
    public int Bucket(int bucketMask)
    {
        uint h = _value;
        h ^= h >> 15;
        h *= 0x2C1B3C6D;
        h ^= h >> 12;
        return (int)(h & (uint)bucketMask);
    }
}

namespace Verbatim.Learning;

/// <summary>
/// Feature buckets of every position of a sequence, in one flat array: position i owns
/// [Offsets[i], Offsets[i + 1]). Reused between sequences to keep the hot path allocation-free.
/// </summary>
public sealed class FeatureBuffer
{
    private int[] _features = new int[4096];
    private int[] _offsets = new int[257];
    private int _count;
    private int _positions;

    public FeatureBuffer(int bucketMask) => BucketMask = bucketMask;

    public int BucketMask { get; }

    /// <summary>Shrinks the arrays to what is used, for buffers kept in memory (training sets).</summary>
    public FeatureBuffer Trim()
    {
        Array.Resize(ref _features, _count);
        Array.Resize(ref _offsets, _positions + 1);
        return this;
    }
    public int Positions => _positions;

    public void Clear()
    {
        _count = 0;
        _positions = 0;
        _offsets[0] = 0;
    }

    /// <summary>Adds a feature to the position currently being built.</summary>
    public void Add(FeatureHash feature)
    {
        if (_count == _features.Length)
        {
            Array.Resize(ref _features, Math.Max(16, _features.Length * 2));
        }
        _features[_count++] = feature.Bucket(BucketMask);
    }

    /// <summary>Closes the current position; the next <see cref="Add"/> starts the next one.</summary>
    public void EndPosition()
    {
        if (_positions + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, Math.Max(4, _offsets.Length * 2));
        }
        _offsets[++_positions] = _count;
    }

    public ReadOnlySpan<int> At(int position) =>
        _features.AsSpan(_offsets[position], _offsets[position + 1] - _offsets[position]);
}

using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Verbatim.Learning;

/// <summary>
/// A first-order structured perceptron (Collins 2002) with averaged weights: per-position
/// emission weights over hashed features, label-to-label transition weights, and Viterbi decoding
/// restricted to the transitions the caller allows (BIO constraints). Used for cue tagging and for
/// labelling the source and content around a cue.
/// </summary>
public sealed class SequenceModel
{
    private readonly float[] _weights;        // [bucket * L + label]
    private readonly float[] _transitions;    // [(prev + 1) * L + label]; prev = -1 is the start
    private readonly bool[] _allowed;         // same layout as _transitions

    // Training state for averaging: the sum of (time * update) per weight.
    private float[]? _weightTotals;
    private float[]? _transitionTotals;
    private int _time = 1;
    private DecodeScratch? _trainingScratch;

    public SequenceModel(IReadOnlyList<string> labels, int bucketBits, Func<int, int, bool>? allowed = null)
    {
        Labels = labels.ToArray();
        BucketBits = bucketBits;
        int l = Labels.Count;
        // Padded by one vector past the last row: Emissions reads each row as one whole vector.
        _weights = new float[(1 << bucketBits) * l + RowPadding];
        _transitions = new float[(l + 1) * l];
        _allowed = new bool[(l + 1) * l];
        for (int prev = -1; prev < l; prev++)
        {
            for (int label = 0; label < l; label++)
            {
                _allowed[(prev + 1) * l + label] = allowed?.Invoke(prev, label) ?? true;
            }
        }
    }

    public IReadOnlyList<string> Labels { get; }
    public int BucketBits { get; }
    public int BucketMask => (1 << BucketBits) - 1;

    /// <summary>
    /// Best label sequence for the positions in <paramref name="features"/>, written to
    /// <paramref name="output"/>; the per-position label scores stay in <paramref name="scratch"/>
    /// for <see cref="Marginals"/>.
    /// </summary>
    public float Decode(FeatureBuffer features, Span<int> output, DecodeScratch scratch)
    {
        int n = features.Positions;
        int l = Labels.Count;
        if (n == 0) return 0;
        scratch.Ensure(n * l);
        var emit = scratch.Emissions;
        for (int i = 0; i < n; i++)
        {
            if (i + 2 < n) Prefetch(features.At(i + 2));
            Emissions(features.At(i), emit.AsSpan(i * l, l));
        }
        var scores = scratch.Scores;
        var back = scratch.Back;
        for (int label = 0; label < l; label++)
        {
            scores[label] = _allowed[label] ? _transitions[label] + emit[label] : float.NegativeInfinity;
            back[label] = -1;
        }
        for (int i = 1; i < n; i++)
        {
            int row = i * l, prevRow = row - l;
            for (int label = 0; label < l; label++)
            {
                float best = float.NegativeInfinity;
                int bestPrev = 0;
                for (int prev = 0; prev < l; prev++)
                {
                    int t = (prev + 1) * l + label;
                    if (!_allowed[t]) continue;
                    float v = scores[prevRow + prev] + _transitions[t];
                    if (v > best) { best = v; bestPrev = prev; }
                }
                scores[row + label] = best + emit[row + label];
                back[row + label] = bestPrev;
            }
        }
        int last = 0;
        int lastRow = (n - 1) * l;
        for (int label = 1; label < l; label++)
        {
            if (scores[lastRow + label] > scores[lastRow + last]) last = label;
        }
        float total = scores[lastRow + last];
        for (int i = n - 1; i >= 0; i--)
        {
            output[i] = last;
            last = back[i * l + last];
        }
        scratch.Positions = n;
        return total;
    }

    /// <summary>
    /// Per-position label probabilities by forward-backward over the scores of the last
    /// <see cref="Decode"/> with the same scratch, reading perceptron scores as log-potentials
    /// divided by <paramref name="temperature"/> (fitted so the marginals are roughly calibrated).
    /// Runs in probability space with per-step scaling, so it needs one exponential per score.
    /// <paramref name="marginals"/> has Positions * Labels entries.
    /// </summary>
    public void Marginals(DecodeScratch scratch, float temperature, Span<float> marginals)
    {
        int n = scratch.Positions;
        int l = Labels.Count;
        if (n == 0) return;
        var emit = scratch.Emissions;
        var alpha = scratch.Alpha;
        var beta = scratch.Beta;
        var trans = scratch.TransitionPotentials(this, temperature);
        // Shift each row by its maximum before exponentiating: only ratios within a row matter.
        for (int i = 0; i < n; i++)
        {
            int row = i * l;
            float max = float.NegativeInfinity;
            for (int k = 0; k < l; k++) max = Math.Max(max, emit[row + k]);
            for (int k = 0; k < l; k++) emit[row + k] = MathF.Exp((emit[row + k] - max) / temperature);
        }
        float sum = 0;
        for (int k = 0; k < l; k++) { alpha[k] = trans[k] * emit[k]; sum += alpha[k]; }
        for (int k = 0; k < l; k++) alpha[k] /= sum;
        for (int i = 1; i < n; i++)
        {
            int row = i * l, prevRow = row - l;
            sum = 0;
            for (int k = 0; k < l; k++)
            {
                float a = 0;
                for (int prev = 0; prev < l; prev++) a += alpha[prevRow + prev] * trans[(prev + 1) * l + k];
                a *= emit[row + k];
                alpha[row + k] = a;
                sum += a;
            }
            if (sum > 0) for (int k = 0; k < l; k++) alpha[row + k] /= sum;
        }
        int lastRow = (n - 1) * l;
        for (int k = 0; k < l; k++) beta[lastRow + k] = 1;
        for (int i = n - 2; i >= 0; i--)
        {
            int row = i * l, nextRow = row + l;
            sum = 0;
            for (int k = 0; k < l; k++)
            {
                float b = 0;
                for (int next = 0; next < l; next++) b += trans[(k + 1) * l + next] * emit[nextRow + next] * beta[nextRow + next];
                beta[row + k] = b;
                sum += b;
            }
            if (sum > 0) for (int k = 0; k < l; k++) beta[row + k] /= sum;
        }
        for (int i = 0; i < n; i++)
        {
            int row = i * l;
            float z = 0;
            for (int k = 0; k < l; k++) z += alpha[row + k] * beta[row + k];
            for (int k = 0; k < l; k++) marginals[row + k] = z > 0 ? alpha[row + k] * beta[row + k] / z : 0;
        }
    }

    /// <summary>exp(transition / temperature), zero where the transition is not allowed.</summary>
    internal float[] ComputeTransitionPotentials(float temperature)
    {
        var result = new float[_transitions.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _allowed[i] ? MathF.Exp(_transitions[i] / temperature) : 0;
        }
        return result;
    }

    /// <summary>
    /// Asks the processor to fetch the weight rows of a later position while this one is summed:
    /// the table is far larger than the caches, and each feature is otherwise a wait on memory.
    /// </summary>
    private unsafe void Prefetch(ReadOnlySpan<int> features)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        int l = Labels.Count;
        fixed (float* table = _weights)
        {
            foreach (int f in features)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(table + f * l);
            }
        }
    }

    private const int RowPadding = 8;

    private void Emissions(ReadOnlySpan<int> features, Span<float> emit)
    {
        int l = emit.Length;
        ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        // The label scores of a position stay in one register while its features' rows are added:
        // summing through memory made every feature wait on the store of the one before.
        if (l <= 4 && Vector128.IsHardwareAccelerated)
        {
            var sum = Vector128<float>.Zero;
            foreach (int f in features) sum += Vector128.LoadUnsafe(ref weights, (nuint)(f * l));
            for (int label = 0; label < l; label++) emit[label] = sum[label];
            return;
        }
        if (l <= 8 && Vector256.IsHardwareAccelerated)
        {
            var sum = Vector256<float>.Zero;
            foreach (int f in features) sum += Vector256.LoadUnsafe(ref weights, (nuint)(f * l));
            for (int label = 0; label < l; label++) emit[label] = sum[label];
            return;
        }
        emit.Clear();
        // Buckets are masked to the table by construction, so the hot loop reads through a ref
        // without per-element bounds checks.
        ref float table = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref float sums = ref MemoryMarshal.GetReference(emit);
        foreach (int f in features)
        {
            ref float row = ref Unsafe.Add(ref table, f * l);
            for (int label = 0; label < l; label++)
            {
                Unsafe.Add(ref sums, label) += Unsafe.Add(ref row, label);
            }
        }
    }

    /// <summary>One perceptron step: decode, and where the result differs from <paramref name="gold"/>, move the weights toward gold.</summary>
    public bool Train(FeatureBuffer features, ReadOnlySpan<int> gold)
    {
        _weightTotals ??= new float[_weights.Length];
        _transitionTotals ??= new float[_transitions.Length];
        int n = features.Positions;
        Span<int> predicted = n <= 1024 ? stackalloc int[n] : new int[n];
        Decode(features, predicted, _trainingScratch ??= new DecodeScratch());
        bool wrong = false;
        int l = Labels.Count;
        for (int i = 0; i < n; i++)
        {
            int g = gold[i], p = predicted[i];
            int gPrev = i == 0 ? -1 : gold[i - 1], pPrev = i == 0 ? -1 : predicted[i - 1];
            if (g != p)
            {
                wrong = true;
                foreach (int f in features.At(i))
                {
                    Update(_weights, _weightTotals, f * l + g, 1);
                    Update(_weights, _weightTotals, f * l + p, -1);
                }
            }
            if (g != p || gPrev != pPrev)
            {
                Update(_transitions, _transitionTotals, (gPrev + 1) * l + g, 1);
                Update(_transitions, _transitionTotals, (pPrev + 1) * l + p, -1);
            }
        }
        _time++;
        return wrong;
    }

    private void Update(float[] weights, float[] totals, int index, float delta)
    {
        weights[index] += delta;
        totals[index] += _time * delta;
    }

    /// <summary>Replaces the weights by their average over training (call once, after the last epoch).</summary>
    public void Average()
    {
        if (_weightTotals is null || _transitionTotals is null) return;
        for (int i = 0; i < _weights.Length; i++) _weights[i] -= _weightTotals[i] / _time;
        for (int i = 0; i < _transitions.Length; i++) _transitions[i] -= _transitionTotals[i] / _time;
        _weightTotals = null;
        _transitionTotals = null;
    }

    private const string Magic = "VBSEQ1";

    /// <summary>Writes the model: gzip of a header, the transitions and the non-zero weights (as delta-coded indices).</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(BucketBits);
        w.Write(Labels.Count);
        foreach (var label in Labels) w.Write(label);
        for (int i = 0; i < _allowed.Length; i++) w.Write(_allowed[i]);
        foreach (var t in _transitions) w.Write(t);
        var weights = _weights;
        int nonZero = weights.Count(x => (Half)x != Half.Zero);
        w.Write(nonZero);
        int last = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            var half = (Half)weights[i];
            if (half == Half.Zero) continue;
            w.Write7BitEncodedInt(i - last);
            last = i;
            w.Write(half);
        }
    }

    public static SequenceModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gzip, Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Verbatim sequence model");
        int bits = r.ReadInt32();
        var labels = new string[r.ReadInt32()];
        for (int i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        int l = labels.Length;
        var allowed = new bool[(l + 1) * l];
        for (int i = 0; i < allowed.Length; i++) allowed[i] = r.ReadBoolean();
        var model = new SequenceModel(labels, bits, (prev, label) => allowed[(prev + 1) * l + label]);
        for (int i = 0; i < model._transitions.Length; i++) model._transitions[i] = r.ReadSingle();
        int count = r.ReadInt32();
        int index = 0;
        for (int k = 0; k < count; k++)
        {
            index += r.Read7BitEncodedInt();
            model._weights[index] = (float)r.ReadHalf();
        }
        return model;
    }
}

/// <summary>
/// Reusable working memory for <see cref="SequenceModel.Decode"/> and
/// <see cref="SequenceModel.Marginals"/>: one per thread of work, never shared between threads.
/// </summary>
public sealed class DecodeScratch
{
    private float[]? _transitionPotentials;
    private SequenceModel? _potentialsModel;
    private float _potentialsTemperature;

    internal float[] Emissions = [];
    internal float[] Scores = [];
    internal int[] Back = [];
    internal float[] Alpha = [];
    internal float[] Beta = [];
    internal int Positions;

    internal void Ensure(int size)
    {
        if (Emissions.Length >= size) return;
        int capacity = Math.Max(size, Emissions.Length * 2);
        Emissions = new float[capacity];
        Scores = new float[capacity];
        Back = new int[capacity];
        Alpha = new float[capacity];
        Beta = new float[capacity];
    }

    internal float[] TransitionPotentials(SequenceModel model, float temperature)
    {
        if (_transitionPotentials is null || !ReferenceEquals(_potentialsModel, model) || _potentialsTemperature != temperature)
        {
            _transitionPotentials = model.ComputeTransitionPotentials(temperature);
            _potentialsModel = model;
            _potentialsTemperature = temperature;
        }
        return _transitionPotentials;
    }
}

using System.IO.Compression;
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

    public SequenceModel(IReadOnlyList<string> labels, int bucketBits, Func<int, int, bool>? allowed = null)
    {
        Labels = labels.ToArray();
        BucketBits = bucketBits;
        int l = Labels.Count;
        _weights = new float[(1 << bucketBits) * l];
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

    /// <summary>Best label sequence for the positions in <paramref name="features"/>, written to <paramref name="output"/>.</summary>
    public float Decode(FeatureBuffer features, Span<int> output, Span<float> margins = default)
    {
        int n = features.Positions;
        int l = Labels.Count;
        if (n == 0)
        {
            return 0;
        }
        var scores = new float[n * l];
        var back = new int[n * l];
        var emit = new float[l];
        for (int i = 0; i < n; i++)
        {
            Emissions(features.At(i), emit);
            for (int label = 0; label < l; label++)
            {
                float best = float.NegativeInfinity;
                int bestPrev = -1;
                if (i == 0)
                {
                    if (_allowed[label]) { best = _transitions[label]; }
                }
                else
                {
                    for (int prev = 0; prev < l; prev++)
                    {
                        int t = (prev + 1) * l + label;
                        if (!_allowed[t]) continue;
                        float s = scores[(i - 1) * l + prev] + _transitions[t];
                        if (s > best) { best = s; bestPrev = prev; }
                    }
                }
                scores[i * l + label] = best + emit[label];
                back[i * l + label] = bestPrev;
            }
        }
        int last = 0;
        for (int label = 1; label < l; label++)
        {
            if (scores[(n - 1) * l + label] > scores[(n - 1) * l + last]) last = label;
        }
        float total = scores[(n - 1) * l + last];
        for (int i = n - 1; i >= 0; i--)
        {
            output[i] = last;
            last = back[i * l + last];
        }
        if (!margins.IsEmpty)
        {
            // Per position: how far the chosen label's emission is above the best other label's.
            for (int i = 0; i < n; i++)
            {
                Emissions(features.At(i), emit);
                float chosen = emit[output[i]], other = float.NegativeInfinity;
                for (int label = 0; label < l; label++)
                {
                    if (label != output[i] && emit[label] > other) other = emit[label];
                }
                margins[i] = chosen - other;
            }
        }
        return total;
    }

    /// <summary>
    /// Per-position label probabilities by forward-backward, reading the perceptron scores as
    /// log-potentials divided by <paramref name="temperature"/>. Perceptron scores are not
    /// probabilities; the temperature is fitted so that these marginals are roughly calibrated.
    /// <paramref name="marginals"/> has Positions * Labels entries.
    /// </summary>
    public void Marginals(FeatureBuffer features, float temperature, Span<float> marginals)
    {
        int n = features.Positions;
        int l = Labels.Count;
        if (n == 0) return;
        var emit = new float[n * l];
        for (int i = 0; i < n; i++)
        {
            Emissions(features.At(i), emit.AsSpan(i * l, l));
        }
        var alpha = new double[n * l];
        var beta = new double[n * l];
        double Log(int prev, int label) => _allowed[(prev + 1) * l + label] ? _transitions[(prev + 1) * l + label] / temperature : double.NegativeInfinity;
        for (int label = 0; label < l; label++)
        {
            alpha[label] = Log(-1, label) + emit[label] / temperature;
        }
        Span<double> terms = stackalloc double[l];
        for (int i = 1; i < n; i++)
        {
            for (int label = 0; label < l; label++)
            {
                for (int prev = 0; prev < l; prev++) terms[prev] = alpha[(i - 1) * l + prev] + Log(prev, label);
                alpha[i * l + label] = LogSumExp(terms) + emit[i * l + label] / temperature;
            }
        }
        for (int label = 0; label < l; label++) beta[(n - 1) * l + label] = 0;
        for (int i = n - 2; i >= 0; i--)
        {
            for (int label = 0; label < l; label++)
            {
                for (int next = 0; next < l; next++) terms[next] = Log(label, next) + emit[(i + 1) * l + next] / temperature + beta[(i + 1) * l + next];
                beta[i * l + label] = LogSumExp(terms);
            }
        }
        double z = LogSumExp(alpha.AsSpan((n - 1) * l, l));
        for (int i = 0; i < n * l; i++)
        {
            marginals[i] = (float)Math.Exp(alpha[i] + beta[i] - z);
        }
    }

    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (var v in values) if (v > max) max = v;
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (var v in values) sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }

    private void Emissions(ReadOnlySpan<int> features, Span<float> emit)
    {
        int l = emit.Length;
        emit.Clear();
        foreach (int f in features)
        {
            int at = f * l;
            for (int label = 0; label < l; label++)
            {
                emit[label] += _weights[at + label];
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
        Decode(features, predicted);
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
        int nonZero = _weights.Count(x => x != 0);
        w.Write(nonZero);
        int last = 0;
        for (int i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] == 0) continue;
            w.Write7BitEncodedInt(i - last);
            last = i;
            w.Write((Half)_weights[i]);
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

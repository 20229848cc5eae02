using System.Globalization;
using System.Numerics;
using System.Text;

namespace Verbatim.Evaluation;

/// <summary>
/// The scorer's figures, and their text and JSON forms exactly as tools/score_attributions.py prints them
/// (Python's round-half-even on the exact binary value, its float repr in JSON).
/// </summary>
public sealed class ScoreReport
{
    private readonly Dictionary<string, Score> _byKey;

    public ScoreReport(IReadOnlyList<KeyValuePair<string, Score>> figures, int articles, int missingSystemFiles)
    {
        Figures = figures;
        _byKey = figures.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        Articles = articles;
        MissingSystemFiles = missingSystemFiles;
    }

    /// <summary>The figures in the order the script's --json gives them.</summary>
    public IReadOnlyList<KeyValuePair<string, Score>> Figures { get; }

    public int Articles { get; }

    public int MissingSystemFiles { get; }

    /// <summary>
    /// A figure by key. Where no article had gold the script would crash on a missing key; here the
    /// count figures are then all zero.
    /// </summary>
    public Score this[string key] => _byKey.TryGetValue(key, out var score) ? score : new Score(0, 0, 0, 0, 0, 0);

    /// <summary>What a --min bound reads: "attribution_p" a precision, any other key an F1.</summary>
    public double Figure(string boundKey) => boundKey.EndsWith("_p", StringComparison.Ordinal) ? this[boundKey[..^2]].P : this[boundKey].F1;

    /// <summary>The bounds not met, in the order given.</summary>
    public IReadOnlyList<string> Failed(IReadOnlyList<KeyValuePair<string, double>> bounds) =>
        bounds.Where(b => Figure(b.Key) < b.Value).Select(b => b.Key).ToList();

    /// <summary>The script's text output, the summary line last (with the bounds not met).</summary>
    public string ToText(IReadOnlyList<KeyValuePair<string, double>> bounds)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"articles: {Articles}  (system files missing: {MissingSystemFiles})\n");
        foreach (var key in AttributionScorer.PrintedKeys)
        {
            var m = this[key];
            text.Append(key.PadRight(16)).Append(" P ").Append(PythonFloat.Fixed(m.P * 100, 1).PadLeft(5))
                .Append("  R ").Append(PythonFloat.Fixed(m.R * 100, 1).PadLeft(5))
                .Append("  F1 ").Append(PythonFloat.Fixed(m.F1 * 100, 1).PadLeft(5)).Append('\n');
        }
        text.Append(SummaryLine(bounds)).Append('\n');
        return text.ToString();
    }

    /// <summary>The last line: the headline figures, and the bounds not met.</summary>
    public string SummaryLine(IReadOnlyList<KeyValuePair<string, double>> bounds)
    {
        var failed = Failed(bounds);
        string F(double v) => PythonFloat.Fixed(v, 3);
        var a = this["attribution"];
        return $"attribution F1 {F(a.F1)} (P {F(a.P)}) | direct F1 {F(this["direct"].F1)} | cue exact F1 {F(this["cue"].F1)} | "
            + $"source exact F1 {F(this["source"].F1)} | content overlap F1 {F(this["content_overlap"].F1)}"
            + (failed.Count > 0 ? " | below bound: " + string.Join(", ", failed) : "");
    }

    /// <summary>The script's --json output (json.dumps with indent=1: keys one space in, a figure's members two), then the summary line.</summary>
    public string ToJson(IReadOnlyList<KeyValuePair<string, double>> bounds)
    {
        var json = new StringBuilder("{\n");
        foreach (var (key, m) in Figures)
        {
            json.Append(" \"").Append(key).Append("\": {\n");
            json.Append("  \"p\": ").Append(PythonFloat.Repr(m.P)).Append(",\n");
            json.Append("  \"r\": ").Append(PythonFloat.Repr(m.R)).Append(",\n");
            json.Append("  \"f1\": ").Append(PythonFloat.Repr(m.F1));
            if (m.Tp is int tp)
            {
                json.Append(CultureInfo.InvariantCulture, $",\n  \"tp\": {tp},\n  \"fp\": {m.Fp},\n  \"fn\": {m.Fn}");
            }
            json.Append("\n },\n");
        }
        json.Append(CultureInfo.InvariantCulture, $" \"articles\": {Articles},\n \"missing_system_files\": {MissingSystemFiles}\n}}\n");
        json.Append(SummaryLine(bounds)).Append('\n');
        return json.ToString();
    }
}

/// <summary>Python's float formatting, for identical printed figures.</summary>
public static class PythonFloat
{
    /// <summary>
    /// f"{value:.{decimals}f}": the exact binary value rounded half to even. .NET rounds a tie away
    /// from zero, which differs for values such as 12.25 printed with one decimal.
    /// </summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;   // value = mantissa * 2^exponent

        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        BigInteger units;
        if (exponent >= 0)
        {
            units = scaled << exponent;
        }
        else
        {
            units = scaled >> -exponent;
            var remainder = scaled - (units << -exponent);
            var half = BigInteger.One << (-exponent - 1);
            int c = remainder.CompareTo(half);
            if (c > 0 || (c == 0 && !units.IsEven)) units += 1;
        }
        var digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var result = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return negative ? "-" + result : result;
    }

    /// <summary>repr(float): the shortest digits that round-trip, fixed notation for exponents -4 to 15, "1e-05" style outside.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = shortest.StartsWith('-');
        if (negative) shortest = shortest[1..];
        // Digits and decimal exponent of the shortest form.
        string mantissa = shortest;
        int exp10 = 0;
        int ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            mantissa = shortest[..ePos];
            exp10 = int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int pointAt = (dot < 0 ? mantissa.Length : dot) + exp10;   // decimal point position relative to digits
        int lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        pointAt -= lead;
        if (digits.Length == 0) return negative ? "-0.0" : "0.0";
        int sciExp = pointAt - 1;
        string body;
        if (sciExp >= -4 && sciExp < 16)
        {
            if (pointAt <= 0) body = "0." + new string('0', -pointAt) + digits;
            else if (pointAt >= digits.Length) body = digits + new string('0', pointAt - digits.Length) + ".0";
            else body = digits[..pointAt] + "." + digits[pointAt..];
        }
        else
        {
            body = (digits.Length == 1 ? digits : digits[..1] + "." + digits[1..])
                + "e" + (sciExp < 0 ? "-" : "+") + Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture);
        }
        return negative ? "-" + body : body;
    }
}

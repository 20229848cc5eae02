using System.Globalization;
using System.Text;

namespace Verbatim.Evaluation;

/// <summary>One attribution as the scorer sees it: the code point positions labelled with each role.</summary>
public sealed class ScoredAttribution
{
    public ScoredAttribution(HashSet<int> source, HashSet<int> cue, HashSet<int> content)
    {
        Source = source;
        Cue = cue;
        Content = content;
    }

    public HashSet<int> Source { get; }
    public HashSet<int> Cue { get; }
    public HashSet<int> Content { get; }
}

/// <summary>
/// Reads brat standoff the way tools/score_attributions.py does (its read_ann), so that the C# scorer
/// sees exactly what the Python one sees: only E lines make attributions; their Source, Cue and Content
/// arguments (a trailing number on a role name ignored, Attribution and other roles skipped) pool the
/// code point positions of the T spans they name. An E line naming none of those roles is dropped.
/// </summary>
public static class BratAnnotations
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an .ann file as Python's open(path, encoding="utf-8") would: strict UTF-8, a BOM kept.</summary>
    public static List<ScoredAttribution> ReadFile(string path) => Parse(StrictUtf8.GetString(File.ReadAllBytes(path)));

    public static List<ScoredAttribution> Parse(string ann)
    {
        var spans = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var events = new List<string[]>();
        foreach (var line in PythonText.Lines(ann))
        {
            if (line.Length == 0 || (line[0] != 'T' && line[0] != 'E')) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) continue;
            if (line[0] == 'T')
            {
                int space = parts[1].IndexOf(' ');
                if (space < 0) continue;
                var chars = new HashSet<int>();
                foreach (var fragment in parts[1][(space + 1)..].Split(';'))
                {
                    var ab = PythonText.SplitWhitespace(fragment);
                    if (ab.Length != 2)
                    {
                        throw new FormatException($"brat: a span fragment needs a start and an end: \"{fragment}\" in \"{line}\"");
                    }
                    int a = int.Parse(ab[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    int b = int.Parse(ab[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    for (int i = a; i < b; i++) chars.Add(i);
                }
                spans[parts[0]] = chars;
            }
            else
            {
                events.Add(PythonText.SplitWhitespace(parts[1]));
            }
        }
        var result = new List<ScoredAttribution>(events.Count);
        foreach (var args in events)
        {
            var attribution = new ScoredAttribution([], [], []);
            bool seen = false;
            foreach (var arg in args)
            {
                int colon = arg.IndexOf(':');
                if (colon < 0) continue;
                var role = arg[..colon].TrimEnd("0123456789".ToCharArray());
                var target = role switch
                {
                    "Source" => attribution.Source,
                    "Cue" => attribution.Cue,
                    "Content" => attribution.Content,
                    _ => null,
                };
                if (target is not null && spans.TryGetValue(arg[(colon + 1)..], out var chars))
                {
                    target.UnionWith(chars);
                    seen = true;
                }
            }
            if (seen) result.Add(attribution);
        }
        return result;
    }
}

/// <summary>The few Python text rules the scorer depends on, reproduced so the C# port gives the same numbers.</summary>
internal static class PythonText
{
    /// <summary>Python's universal newlines: "\r\n" and a lone "\r" read as "\n".</summary>
    public static string UniversalNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>Iterating a text file in Python: lines split on "\n" after newline translation, the "\n" removed.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        text = UniversalNewlines(text);
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                yield return text[start..];
                yield break;
            }
            yield return text[start..nl];
            start = nl + 1;
        }
    }

    /// <summary>str.split() with no argument: runs of whitespace separate, none at the ends.</summary>
    public static string[] SplitWhitespace(string text)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !IsSpace(text[i])) i++;
            if (i > start) parts.Add(text[start..i]);
        }
        return [.. parts];
    }

    /// <summary>str.isspace() for one code point: bidi classes WS, B, S and category Zs.</summary>
    public static bool IsSpace(int c) => c is (>= 0x09 and <= 0x0D) or (>= 0x1C and <= 0x20) or 0x85 or 0xA0 or 0x1680
        or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    /// <summary>The code points of <paramref name="text"/>, which Python strings index by. A lone surrogate counts as one, as Python's surrogateescape would not arise from strict UTF-8.</summary>
    public static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }
        return [.. result];
    }
}

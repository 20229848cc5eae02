using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verbatim.Text;

namespace Verbatim.Corpora;

/// <summary>One gold attribution: its spans per role, as UTF-16 ranges of the document text.</summary>
public sealed record GoldAttribution(ImmutableArray<TextSpan> Source, ImmutableArray<TextSpan> Cue, ImmutableArray<TextSpan> Content);

/// <summary>One annotated article: its name (file stem), text and gold attributions.</summary>
public sealed record GoldDocument(string Name, string Text, ImmutableArray<GoldAttribution> Attributions);

/// <summary>
/// Reads a PolNeAR split laid out as SPLIT/text/NAME.txt and SPLIT/attributions/NAME_ANNOTATOR.ann
/// (brat standoff). Where an article has several annotators, the first file in sorted order is the
/// gold, as the shared scorer does. Offsets in the files count code points; they are converted here.
/// </summary>
public static class PolNearCorpus
{
    public static IEnumerable<GoldDocument> Read(string splitDirectory)
    {
        var textDir = Path.Combine(splitDirectory, "text");
        var annDir = Path.Combine(splitDirectory, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new DirectoryNotFoundException($"{splitDirectory}: not a PolNeAR split (expected text/ and attributions/ folders)");
        }
        var annotations = Directory.GetFiles(annDir, "*.ann").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        foreach (var textFile in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textFile);
            var gold = annotations.FirstOrDefault(a => a.StartsWith(name + "_", StringComparison.Ordinal));
            if (gold is null) continue;
            var text = File.ReadAllText(textFile, new UTF8Encoding(false, true));
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            yield return new GoldDocument(name, text, ReadAnn(Path.Combine(annDir, gold), text));
        }
    }

    /// <summary>Reads brat T and E lines into attributions (only E lines make attributions; roles Source, Cue, Content).</summary>
    public static ImmutableArray<GoldAttribution> ReadAnn(string path, string text)
    {
        var toUtf16 = CodePointMap(text);
        var spans = new Dictionary<string, (string Label, List<TextSpan> Ranges)>();
        var events = new List<string[]>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || line.Length == 0) continue;
            if (line[0] == 'T')
            {
                var head = parts[1].Split(' ', 2);
                if (head.Length < 2) continue;
                var ranges = new List<TextSpan>();
                foreach (var fragment in head[1].Split(';'))
                {
                    var ab = fragment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (ab.Length != 2 || !int.TryParse(ab[0], CultureInfo.InvariantCulture, out var a) || !int.TryParse(ab[1], CultureInfo.InvariantCulture, out var b)) continue;
                    ranges.Add(new TextSpan(toUtf16(a), toUtf16(b)));
                }
                spans[parts[0]] = (head[0], ranges);
            }
            else if (line[0] == 'E')
            {
                events.Add(parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        var result = ImmutableArray.CreateBuilder<GoldAttribution>();
        foreach (var args in events)
        {
            var roles = new Dictionary<string, List<TextSpan>> { ["Source"] = [], ["Cue"] = [], ["Content"] = [] };
            foreach (var arg in args)
            {
                int colon = arg.IndexOf(':');
                if (colon < 0) continue;
                var role = arg[..colon].TrimEnd("0123456789".ToCharArray());
                if (roles.TryGetValue(role, out var list) && spans.TryGetValue(arg[(colon + 1)..], out var span))
                {
                    list.AddRange(span.Ranges);
                }
            }
            if (roles.Values.All(l => l.Count == 0)) continue;
            result.Add(new GoldAttribution(
                [.. roles["Source"].OrderBy(s => s.Start)],
                [.. roles["Cue"].OrderBy(s => s.Start)],
                [.. roles["Content"].OrderBy(s => s.Start)]));
        }
        return result.ToImmutable();
    }

    private static Func<int, int> CodePointMap(string text)
    {
        bool astral = false;
        foreach (char c in text) { if (char.IsSurrogate(c)) { astral = true; break; } }
        if (!astral) return cp => Math.Min(cp, text.Length);
        var map = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        map.Add(text.Length);
        return cp => cp < map.Count ? map[cp] : text.Length;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Verbatim.Attribution;
using Verbatim.Text;

namespace Verbatim.Output;

/// <summary>
/// Writes attributions as PolNeAR-style brat standoff (what tools/score_attributions.py and
/// <see cref="Evaluation.BratAnnotations"/> read): a T line per Source, Cue and Content span
/// (content fragments joined by ";"), an Attribution trigger on the cue, and an E line tying them.
/// Only outermost attributions are written: PolNeAR gives each token one label, so a nest would
/// overlap itself. A quotation that continues an earlier attribution's quote (no cue of its own)
/// is written as a further content fragment of that attribution, as PolNeAR annotates it.
/// Offsets are code points; a T line's text has line breaks and tabs as spaces.
/// </summary>
public static class BratWriter
{
    public static void Write(TextWriter output, Document document)
    {
        var attributions = document.Get<AttributionLayer>()?.Items ?? ImmutableArray<Attribution.Attribution>.Empty;
        var continuations = ContinuationsByRoot(attributions);
        int t = 0, e = 0;
        var refs = new StringBuilder();
        foreach (var a in attributions)
        {
            if (a.NestedIn is not null || a.Continues is not null) continue;
            var content = a.Content.Concat(continuations.GetValueOrDefault(a.Id) ?? []).Where(s => !s.IsEmpty).ToArray();
            var source = a.Source is { IsEmpty: false } s0 ? s0 : (TextSpan?)null;
            var cue = a.Cue is { IsEmpty: false } c0 ? c0 : (TextSpan?)null;
            if (content.Length == 0 && source is null && cue is null) continue;

            refs.Clear();
            string? sourceRef = source is TextSpan sourceSpan ? WriteT(output, document, ++t, "Source", [sourceSpan]) : null;
            string? cueRef = cue is TextSpan cueSpan ? WriteT(output, document, ++t, "Cue", [cueSpan]) : null;
            string? contentRef = content.Length > 0 ? WriteT(output, document, ++t, "Content", content) : null;
            // PolNeAR's trigger sits on the cue; without one, on the content, then the source.
            TextSpan trigger = cue ?? (content.Length > 0 ? content[0] : source!.Value);
            var label = source is null ? "Attribution-no-source" : "Attribution";
            var triggerRef = WriteT(output, document, ++t, label, [trigger]);

            refs.Append(label).Append(':').Append(triggerRef);
            if (sourceRef is not null) refs.Append(" Source:").Append(sourceRef);
            if (cueRef is not null) refs.Append(" Cue:").Append(cueRef);
            if (contentRef is not null) refs.Append(" Content:").Append(contentRef);
            output.Write('E');
            output.Write((++e).ToString(CultureInfo.InvariantCulture));
            output.Write('\t');
            output.Write(refs);
            output.Write('\n');
        }
    }

    /// <summary>The content of continuation quotes, gathered under the attribution each chain starts from.</summary>
    private static Dictionary<int, List<TextSpan>> ContinuationsByRoot(ImmutableArray<Attribution.Attribution> attributions)
    {
        var byId = attributions.ToDictionary(a => a.Id);
        var result = new Dictionary<int, List<TextSpan>>();
        foreach (var a in attributions)
        {
            if (a.Continues is null) continue;
            var root = a;
            for (int hops = 0; root.Continues is { } previous && byId.TryGetValue(previous, out var next) && hops < attributions.Length; hops++)
            {
                root = next;
            }
            if (ReferenceEquals(root, a)) continue;
            if (!result.TryGetValue(root.Id, out var list)) result[root.Id] = list = [];
            list.AddRange(a.Content);
        }
        return result;
    }

    public static string ToAnn(Document document)
    {
        var text = new StringWriter();
        Write(text, document);
        return text.ToString();
    }

    private static string WriteT(TextWriter output, Document document, int number, string label, IReadOnlyList<TextSpan> fragments)
    {
        var id = "T" + number.ToString(CultureInfo.InvariantCulture);
        output.Write(id);
        output.Write('\t');
        output.Write(label);
        output.Write(' ');
        for (int i = 0; i < fragments.Count; i++)
        {
            if (i > 0) output.Write(';');
            output.Write(document.ToCodePoint(fragments[i].Start).ToString(CultureInfo.InvariantCulture));
            output.Write(' ');
            output.Write(document.ToCodePoint(fragments[i].End).ToString(CultureInfo.InvariantCulture));
        }
        output.Write('\t');
        for (int i = 0; i < fragments.Count; i++)
        {
            // brat shows a discontinuous span's text as its fragments joined by a space.
            if (i > 0) output.Write(' ');
            foreach (var ch in document.Slice(fragments[i]))
            {
                output.Write(ch is '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029' ? ' ' : ch);
            }
        }
        output.Write('\n');
        return id;
    }
}

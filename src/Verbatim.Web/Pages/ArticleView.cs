using System.Globalization;
using System.Text;
using System.Text.Json;
using Verbatim.Web.Html;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>One attributed statement of an article as the page shows it (offsets in code points).</summary>
internal sealed record StatementView(string Id, string Kind, string? Speaker, long? SpeakerId, (int Start, int End)? Source, (int Start, int End)? Cue,
    IReadOnlyList<(int Start, int End)> Content, string Text, double Confidence);

/// <summary>An article with its layers, read from the extraction JSON (stored, or made on the fly by the paste page).</summary>
internal sealed record ArticleData(long? Id, string? Title, string? Published, string? Source, string? Url, string Text,
    IReadOnlyList<StatementView> Statements, IReadOnlyList<(int Start, int End, string Note)> Figures, IReadOnlyList<(int Start, int End, string Note)> Dates)
{
    /// <summary>Reads the extract command's JSON; <paramref name="speakerIds"/> maps attribution ids to ledger speakers (for links).</summary>
    public static ArticleData FromJson(long? id, string json, IReadOnlyDictionary<string, (long Id, string Name)>? speakerIds = null)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var meta = root.GetProperty("document");
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        (int, int)? Span(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? (v.GetProperty("start").GetInt32(), v.GetProperty("end").GetInt32()) : null;
        var statements = new List<StatementView>();
        foreach (var a in root.GetProperty("attributions").EnumerateArray())
        {
            string aid = a.GetProperty("id").GetString()!;
            string? speaker = a.TryGetProperty("speaker", out var sp) && sp.ValueKind == JsonValueKind.Object ? Str(sp, "name") : null;
            long? speakerId = null;
            if (speakerIds is not null && speakerIds.TryGetValue(aid, out var known))
            {
                speakerId = known.Id;
                speaker = known.Name;
            }
            var content = a.GetProperty("content").EnumerateArray().Select(c => (c.GetProperty("start").GetInt32(), c.GetProperty("end").GetInt32())).ToList();
            var text = string.Join(" … ", a.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
            statements.Add(new StatementView(aid, a.GetProperty("kind").GetString()!, speaker, speakerId, Span(a, "source"), Span(a, "cue"), content, text,
                a.TryGetProperty("confidence", out var conf) ? conf.GetDouble() : 0));
        }
        var figures = new List<(int, int, string)>();
        if (root.TryGetProperty("quantities", out var quantities))
        {
            foreach (var q in quantities.EnumerateArray())
            {
                string note = $"{Str(q, "bound")} {(q.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString("#,0.##", CultureInfo.InvariantCulture) : "")} {Str(q, "unit") ?? Str(q, "counted")}".Trim();
                figures.Add((q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32(), note));
            }
        }
        var dates = new List<(int, int, string)>();
        if (root.TryGetProperty("times", out var times))
        {
            foreach (var t in times.EnumerateArray())
            {
                string note = Str(t, "value") ?? (Str(t, "from") is { } from ? $"{from} to {Str(t, "to")}" : Str(t, "kind") ?? "");
                dates.Add((t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), note));
            }
        }
        return new ArticleData(id, Str(meta, "title"), Str(meta, "published"), Str(meta, "source"), Str(meta, "url"),
            root.GetProperty("text").GetString() ?? "", statements, figures, dates);
    }
}

/// <summary>
/// The article page: the text with each statement's source, cue and content marked (a colour per
/// speaker; the title of each mark names its role and speaker, for hover and for screen readers),
/// figures and dates marked, and the list of statements beside it.
/// </summary>
internal static class ArticleView
{
    public static H Render(ArticleData article, bool stored)
    {
        var colours = new Dictionary<string, int>(StringComparer.Ordinal);
        int Colour(string? speaker) => speaker is null ? 7 : colours.TryGetValue(speaker, out var c) ? c : colours[speaker] = colours.Count % 8;
        foreach (var s in article.Statements) Colour(s.Speaker);

        var side = article.Statements.Select(s => H.Of($"""
            <li data-statement="{s.Id}" tabindex="0">
              <div class="meta">{s.Kind} · {(s.SpeakerId is long sid ? H.Of($"""<a href="/speakers/{sid}" class="sp{Colour(s.Speaker)}">{s.Speaker}</a>""") : H.Of($"""<span class="sp{Colour(s.Speaker)}">{s.Speaker ?? "speaker unresolved"}</span>"""))} · confidence {s.Confidence:0.00}</div>
              <blockquote class="quote">{s.Text}</blockquote>
            </li>
            """));
        string heading = article.Title ?? (stored ? $"Article {article.Id}" : "Pasted article");
        var meta = H.Of($"""<p class="meta">{article.Source ?? "unknown outlet"} · {article.Published ?? "date unknown"}{(article.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == "https" || u.Scheme == "http") ? H.Of($""" · <a href="{url}" rel="noopener noreferrer nofollow">original</a>""") : H.Empty)}{(stored ? H.Of($""" · <a href="/api/articles/{article.Id}">JSON</a>""") : H.Empty)}</p>""");
        return H.Of($"""
            <h1>{heading}</h1>
            {meta}
            <p class="meta legend"><span><span class="source">Source</span></span><span><span class="cue">cue</span></span><span><span class="content">content</span></span><span><mark class="figure">figure</mark></span><span><mark class="date">date</mark></span></p>
            <div class="article">
              <div class="text">{Text(article, Colour)}</div>
              <aside aria-label="Statements"><h2>{article.Statements.Count} statements</h2><ul class="plain">{side}</ul></aside>
            </div>
            """);
    }

    /// <summary>
    /// The text cut at every boundary of every mark, each piece a flat span with the classes of
    /// all marks over it: nested and overlapping marks need no nesting of elements.
    /// </summary>
    private static H Text(ArticleData article, Func<string?, int> colour)
    {
        var text = article.Text;
        // Code point offsets to UTF-16 indexes.
        var index = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            index.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
        }
        index.Add(text.Length);
        int At(int codePoint) => index[Math.Clamp(codePoint, 0, index.Count - 1)];

        var marks = new List<(int Start, int End, string Class, string Title, string? Statement)>();
        foreach (var s in article.Statements)
        {
            string who = s.Speaker ?? "unresolved speaker";
            int c = colour(s.Speaker);
            foreach (var (start, end) in s.Content) marks.Add((At(start), At(end), $"content sp{c}", $"content of {s.Id} ({s.Kind}), {who}", s.Id));
            if (s.Source is { } src) marks.Add((At(src.Start), At(src.End), $"source sp{c}", $"source of {s.Id}: {who}", s.Id));
            if (s.Cue is { } cue) marks.Add((At(cue.Start), At(cue.End), "cue", $"cue of {s.Id}", s.Id));
        }
        foreach (var (start, end, note) in article.Figures) marks.Add((At(start), At(end), "figure", "figure: " + note, null));
        foreach (var (start, end, note) in article.Dates) marks.Add((At(start), At(end), "date", "date: " + note, null));

        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var m in marks) { cuts.Add(m.Start); cuts.Add(m.End); }
        // One sweep over the cuts with the marks open at each: marks join when the sweep reaches
        // their start and leave at their end, so a text with tens of thousands of figures stays linear.
        marks.RemoveAll(m => m.End <= m.Start);
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var open = new List<(int Start, int End, string Class, string Title, string? Statement)>();
        int next = 0;
        var sb = new StringBuilder("<p>");
        int previous = -1;
        foreach (int cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                while (next < marks.Count && marks[next].Start <= previous) open.Add(marks[next++]);
                open.RemoveAll(m => m.End <= previous);
                AppendPiece(sb, text[previous..cut], open);
            }
            previous = cut;
        }
        sb.Append("</p>");
        return H.Raw(sb.ToString().Replace("<p></p>", ""));
    }

    private static void AppendPiece(StringBuilder sb, string piece, List<(int Start, int End, string Class, string Title, string? Statement)> over)
    {
        // Paragraph breaks close and reopen the paragraph; marks are reopened on the other side.
        var paragraphs = System.Text.RegularExpressions.Regex.Split(piece, @"\n[ \t]*\n\s*");
        for (int i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0) sb.Append("</p><p>");
            if (paragraphs[i].Length == 0) continue;
            // Encode line by line: the encoder writes a newline as an entity, which no <br> would replace.
            string encoded = string.Join("<br>", paragraphs[i].Split('\n').Select(H.Encode));
            if (over.Count == 0)
            {
                sb.Append(encoded);
                continue;
            }
            bool figure = over.Any(m => m.Class == "figure"), date = over.Any(m => m.Class == "date");
            var spans = over.Where(m => m.Class is not ("figure" or "date")).ToList();
            string classes = string.Join(' ', spans.Select(m => m.Class).Distinct());
            string title = string.Join("; ", over.Select(m => m.Title));
            string statements = string.Join(' ', spans.Select(m => m.Statement).OfType<string>().Distinct());
            string inner = encoded;
            if (figure) inner = "<mark class=\"figure\">" + inner + "</mark>";
            if (date) inner = "<mark class=\"date\">" + inner + "</mark>";
            sb.Append("<span");
            if (classes.Length > 0) sb.Append(" class=\"").Append(H.Encode(classes)).Append('"');
            if (statements.Length > 0) sb.Append(" data-a=\"").Append(H.Encode(statements)).Append('"');
            sb.Append(" title=\"").Append(H.Encode(title)).Append("\">").Append(inner).Append("</span>");
        }
    }
}

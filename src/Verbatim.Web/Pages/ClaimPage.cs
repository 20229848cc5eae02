using System.Globalization;
using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>
/// Claim series: the list, and one series as a chart over time. Bounds are drawn as bounds: an
/// "as many as" is a bar up to its value, an "at least" a bar up from it, a range a bar between its
/// ends, an approximate figure a point with a ±10% bar; disputed points are red.
/// </summary>
internal static class ClaimPage
{
    public static H List(IReadOnlyList<ClaimSeries> series, string? about) => H.Of($"""
        <h1>Figures over time</h1>
        <form class="inline" action="/claims" method="get"><label>What is counted<input type="search" name="about" value="{about ?? ""}"></label><button type="submit">Find</button></form>
        <table><thead><tr><th>Subject</th><th>Figures</th><th>From</th><th>To</th></tr></thead>
        <tbody>{series.Select(c => H.Of($"""<tr><td><a href="/claims/{c.Id}">{c.Subject}</a>{(c.Points.Any(p => p.Disputed) ? H.Of($""" <span class="disputed">disputed</span>""") : H.Empty)}</td><td>{c.Points.Count}</td><td>{c.Points[0].Date}</td><td>{c.Points[^1].Date}</td></tr>"""))}</tbody></table>
        """);

    public static string Reading(ClaimPoint p)
    {
        static string N(double? d) => d is { } x ? x.ToString("#,0.##", CultureInfo.InvariantCulture) : "?";
        return p.Bound switch
        {
            "upper" => "at most " + N(p.Value),
            "lower" => "at least " + N(p.Value),
            "approx" => "about " + N(p.Value),
            "range" => N(p.Low) + " to " + N(p.High),
            _ => N(p.Value),
        };
    }

    public static H Render(ClaimSeries series) => H.Of($"""
        <h1>{series.Subject}</h1>
        <p class="meta">{series.Points.Count} figures · <a href="/api/claims/{series.Id}">JSON</a></p>
        {Chart(series)}
        <table><thead><tr><th>Date</th><th>Figure</th><th>Speaker</th><th>Source</th><th>In the text</th></tr></thead>
        <tbody>{series.Points.Select(p => H.Of($"""<tr><td>{p.Date}</td><td>{Reading(p)}{(p.Disputed ? H.Of($""" <span class="disputed">disputed</span>""") : H.Empty)}</td><td>{p.Speaker ?? "the article"}</td><td><a href="/articles/{p.Document.Id}">{p.Document.Source ?? p.Document.Title ?? "article"}</a></td><td>{p.Text}</td></tr>"""))}</tbody></table>
        """);

    private static H Chart(ClaimSeries series)
    {
        const int width = 720, height = 300, left = 60, right = 20, top = 20, bottom = 40;
        var points = series.Points;
        var days = points.Select(p => p.Date is { } d && DateOnly.TryParse(d, CultureInfo.InvariantCulture, out var day) ? day.DayNumber : (int?)null).ToList();
        var known = days.OfType<int>().ToList();
        if (known.Count == 0) return H.Empty;
        int first = known.Min(), last = Math.Max(known.Max(), first + 1);
        double high = points.Select(p => p.High ?? p.Value ?? 0).DefaultIfEmpty(1).Max() * 1.15;
        if (high <= 0) high = 1;
        double X(int day) => left + (double)(day - first) / (last - first) * (width - left - right);
        double Y(double v) => height - bottom - v / high * (height - top - bottom);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var marks = new List<H>();
        for (int i = 0; i < points.Count; i++)
        {
            if (days[i] is not int day) continue;
            var p = points[i];
            // Points of the same day side by side, so a disagreement is visible.
            double x = X(day) + (points.Take(i).Count(o => o.Date == p.Date) * 10);
            string bad = p.Disputed ? " bad" : "";
            string label = $"{p.Date}: {Reading(p)} ({p.Speaker ?? "article"})";
            double v = p.Value ?? 0;
            H shape = p.Bound switch
            {
                "upper" => H.Of($"""<line class="bound{bad}" x1="{F(x)}" x2="{F(x)}" y1="{F(Y(0))}" y2="{F(Y(v))}"><title>{label}</title></line>"""),
                "lower" => H.Of($"""<line class="bound{bad}" x1="{F(x)}" x2="{F(x)}" y1="{F(Y(v))}" y2="{F(top)}"><title>{label}</title></line>"""),
                "range" => H.Of($"""<line class="bound{bad}" x1="{F(x)}" x2="{F(x)}" y1="{F(Y(p.Low ?? 0))}" y2="{F(Y(p.High ?? 0))}"><title>{label}</title></line>"""),
                "approx" => H.Of($"""<line class="bound{bad}" x1="{F(x)}" x2="{F(x)}" y1="{F(Y(v * 0.9))}" y2="{F(Y(v * 1.1))}"><title>{label}</title></line><circle class="point{bad}" cx="{F(x)}" cy="{F(Y(v))}" r="4"><title>{label}</title></circle>"""),
                _ => H.Of($"""<circle class="point{bad}" cx="{F(x)}" cy="{F(Y(v))}" r="5"><title>{label}</title></circle>"""),
            };
            marks.Add(shape);
            marks.Add(H.Of($"""<text x="{F(x + 6)}" y="{F(Y(v) - 6)}">{Reading(p)}</text>"""));
        }
        var axis = H.Of($"""
            <line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#888"/>
            <line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#888"/>
            <text x="{left}" y="{height - 12}">{DateOnly.FromDayNumber(first):yyyy-MM-dd}</text>
            <text x="{width - right - 70}" y="{height - 12}">{DateOnly.FromDayNumber(last):yyyy-MM-dd}</text>
            <text x="4" y="{top + 10}">{F(high)}</text><text x="4" y="{height - bottom}">0</text>
            """);
        return H.Of($"""<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{series.Subject} over time">{axis}{marks}</svg>""");
    }
}

using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>Speakers: the list, and one speaker's page (titles over time, statements, figures, forecasts).</summary>
internal static class SpeakerPage
{
    public const int PageSize = 50;

    public static H List(IReadOnlyList<SpeakerRow> speakers, string? search) => H.Of($"""
        <h1>Speakers</h1>
        <form class="inline" action="/speakers" method="get"><label>Name, title or affiliation<input type="search" name="q" value="{search ?? ""}"></label><button type="submit">Find</button></form>
        <table><thead><tr><th>Name</th><th>Titles and affiliations</th><th>Quotes</th><th>First seen</th><th>Last seen</th></tr></thead>
        <tbody>{speakers.Select(s => H.Of($"""<tr><td><a href="/speakers/{s.Id}">{s.Name}</a></td><td>{string.Join("; ", s.Titles.Concat(s.Affiliations))}</td><td>{s.Quotes}</td><td>{s.FirstSeen}</td><td>{s.LastSeen}</td></tr>"""))}</tbody></table>
        """);

    public static H Render(SpeakerProfile profile, IReadOnlyList<(string? Title, string? Affiliation, string? Date)> titles,
        IReadOnlyList<(ClaimSeries Series, ClaimPoint Point)> figures, string? search, int page)
    {
        var s = profile.Speaker;
        var quotes = profile.Quotes.Take(PageSize).ToList();
        bool more = profile.Quotes.Count > PageSize;
        string PageUrl(int n) => Layout.Url($"/speakers/{s.Id}", ("q", search), ("page", n > 1 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
        var pager = H.Of($"""<nav class="pager" aria-label="Pages">{(page > 1 ? H.Of($"""<a href="{PageUrl(page - 1)}" rel="prev">Earlier</a>""") : H.Empty)}{(more ? H.Of($"""<a href="{PageUrl(page + 1)}" rel="next">Later</a>""") : H.Empty)}</nav>""");
        return H.Of($"""
            <h1>{s.Name}</h1>
            <p class="meta">{s.Type} · {s.Quotes} quotes · {s.FirstSeen} to {s.LastSeen} · <a href="/api/speakers/{s.Id}">JSON</a></p>
            <h2>Titles and affiliations over time</h2>
            <ul class="plain">{titles.Select(t => H.Of($"""<li><span class="meta">{t.Date ?? "undated"}</span> {t.Title}{(t.Title is not null && t.Affiliation is not null ? ", " : "")}{t.Affiliation}</li>"""))}</ul>
            <h2>Statements</h2>
            <form class="inline" action="/speakers/{s.Id}" method="get"><label>Words in the statement<input type="search" name="q" value="{search ?? ""}"></label><button type="submit">Filter</button></form>
            {QuoteList.Render(quotes)}
            {pager}
            <h2>Figures given</h2>
            <table><thead><tr><th>Date</th><th>Figure</th><th>About</th></tr></thead>
            <tbody>{figures.Select(f => H.Of($"""<tr><td>{f.Point.Date}</td><td>{ClaimPage.Reading(f.Point)}</td><td><a href="/claims/{f.Series.Id}">{f.Series.Subject}</a></td></tr>"""))}</tbody></table>
            <h2>Forecasts</h2>
            <ul class="plain">{profile.Forecasts.Select(f => H.Of($"""<li>{Layout.Status(f.Status)} <span class="meta">due {f.Due ?? "—"}</span> {f.Claim} <span class="meta"><a href="/articles/{f.Document.Id}">{f.Document.Source ?? "article"}, {f.Document.Published}</a></span></li>"""))}</ul>
            """);
    }
}

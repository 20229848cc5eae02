using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>Search parameters as the URL carries them (/search?q=…&amp;speaker=…&amp;outlet=…&amp;since=…&amp;until=…&amp;kind=…&amp;page=…).</summary>
internal sealed record SearchQuery(string? Q, string? Speaker, string? Outlet, string? Since, string? Until, string? Kind, int Page)
{
    public const int PageSize = 20;

    public string Url(int page) => Layout.Url("/search", ("q", Q), ("speaker", Speaker), ("outlet", Outlet), ("since", Since), ("until", Until), ("kind", Kind),
        ("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));

    public string With(string name, string? value) => this with
    {
        Speaker = name == "speaker" ? value : Speaker,
        Outlet = name == "outlet" ? value : Outlet,
        Kind = name == "kind" ? value : Kind,
        Page = 1,
    } is var next ? next.Url(1) : "";
}

/// <summary>Full-text search with facets (speaker, outlet, kind) and a date range, paginated.</summary>
internal static class SearchPage
{
    public static H Render(SearchQuery query, IReadOnlyList<QuoteRow> results, bool more, IReadOnlyList<(string Facet, string Value, int Count)> facets)
    {
        H Facet(string name, string title) => H.Of($"""
            <div><strong>{title}</strong><ul class="plain">{facets.Where(f => f.Facet == name).Select(f => H.Of($"""<li><a href="{query.With(name, f.Value)}">{f.Value}</a> ({f.Count})</li>"""))}</ul></div>
            """);
        return H.Of($"""
            <h1>Search</h1>
            <form class="inline" action="/search" method="get">
              <label>Words<input type="search" name="q" value="{query.Q ?? ""}"></label>
              <label>Speaker<input name="speaker" value="{query.Speaker ?? ""}"></label>
              <label>Outlet<input name="outlet" value="{query.Outlet ?? ""}"></label>
              <label>Since<input type="date" name="since" value="{query.Since ?? ""}"></label>
              <label>Until<input type="date" name="until" value="{query.Until ?? ""}"></label>
              <label>Kind<select name="kind"><option value="">any</option>{new[] { "direct", "indirect", "mixed" }.Select(k => k == query.Kind ? H.Of($"""<option selected>{k}</option>""") : H.Of($"""<option>{k}</option>"""))}</select></label>
              <button type="submit">Search</button>
            </form>
            <div class="facets">{Facet("speaker", "Speakers")}{Facet("outlet", "Outlets")}{Facet("kind", "Kinds")}</div>
            <h2>{(results.Count == 0 ? "No statements found" : $"Statements, page {query.Page}")}</h2>
            {QuoteList.Render(results)}
            <nav class="pager" aria-label="Pages">{(query.Page > 1 ? H.Of($"""<a href="{query.Url(query.Page - 1)}" rel="prev">Previous</a>""") : H.Empty)}{(more ? H.Of($"""<a href="{query.Url(query.Page + 1)}" rel="next">Next</a>""") : H.Empty)}</nav>
            """);
    }
}

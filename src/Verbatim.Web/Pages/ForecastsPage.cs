using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>The forecasts board: open, due and resolved, with a form to resolve one when writes are allowed.</summary>
internal static class ForecastsPage
{
    public static H Render(IReadOnlyList<ForecastRow> forecasts, DateOnly today, bool writes, string? message)
    {
        H Section(string title, IEnumerable<ForecastRow> rows) => H.Of($"""
            <section><h2>{title}</h2><ul class="plain">{rows.Select(f => Item(f, writes))}</ul></section>
            """);
        return H.Of($"""
            <h1>Forecasts</h1>
            <p class="meta">Status as of {today:yyyy-MM-dd}. <a href="/api/forecasts">JSON</a> · <a href="/api/forecasts?format=csv">CSV</a></p>
            {(message is null ? H.Empty : H.Of($"""<p role="status" class="badge">{message}</p>"""))}
            {Section("Due, awaiting an outcome", forecasts.Where(f => f.Status == "due"))}
            {Section("Open", forecasts.Where(f => f.Status == "open"))}
            {Section("Resolved", forecasts.Where(f => ForecastStatus.Outcomes.Contains(f.Status)))}
            """);
    }

    private static H Item(ForecastRow f, bool writes)
    {
        var form = writes && !ForecastStatus.Outcomes.Contains(f.Status) ? H.Of($"""
            <form class="inline" method="post" action="/forecasts/{f.Id}/resolve">
              <label>Outcome<select name="outcome">{ForecastStatus.Outcomes.Select(o => H.Of($"""<option value="{o}">{o.Replace('_', ' ')}</option>"""))}</select></label>
              <label>Evidence (document id or URL)<input name="evidence" required></label>
              <label>Write token<input name="token" type="password" required autocomplete="off"></label>
              <button type="submit">Resolve</button>
            </form>
            """) : H.Empty;
        var evidence = f.Evidence is null ? H.Empty
            : long.TryParse(f.Evidence, out var doc) ? H.Of($""" · evidence <a href="/articles/{doc}">article {doc}</a>""")
            : Uri.TryCreate(f.Evidence, UriKind.Absolute, out var url) && (url.Scheme == "https" || url.Scheme == "http")
                ? H.Of($""" · evidence <a href="{f.Evidence}" rel="noopener noreferrer nofollow">{url.Host}</a>""") : H.Of($""" · evidence {f.Evidence}""");
        return H.Of($"""
            <li id="forecast-{f.Id}">{Layout.Status(f.Status)} <strong>{f.Speaker}</strong>: {f.Claim}
            <div class="meta">due {f.Due ?? "—"}{(f.Horizon is null ? H.Empty : H.Of($""" ("{f.Horizon}")"""))} · <a href="/articles/{f.Document.Id}">{f.Document.Source ?? "article"}, {f.Document.Published}</a>{evidence}</div>
            {form}</li>
            """);
    }
}

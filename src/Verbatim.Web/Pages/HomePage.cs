using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>The home page: latest statements, most quoted speakers, forecasts falling due, figures that moved.</summary>
internal static class HomePage
{
    public static H Render(IReadOnlyList<QuoteRow> latest, IReadOnlyList<SpeakerRow> speakers, IReadOnlyList<ForecastRow> due, IReadOnlyList<ClaimSeries> moved, DateOnly today) => H.Of($"""
        <h1>Who said what</h1>
        <div class="grid">
          <section><h2>Latest statements</h2>{QuoteList.Render(latest)}</section>
          <section>
            <h2>Most quoted</h2>
            <ul class="plain">{speakers.Select(s => H.Of($"""<li><a href="/speakers/{s.Id}">{s.Name}</a> <span class="meta">{string.Join("; ", s.Titles)} · {s.Quotes} quotes</span></li>"""))}</ul>
            <h2>Forecasts falling due</h2>
            <ul class="plain">{due.Select(f => H.Of($"""<li>{Layout.Status(f.Status)} <span class="meta">due {f.Due}</span> {f.Speaker}: {f.Claim}</li>"""))}</ul>
            <p class="meta"><a href="/forecasts">All forecasts</a> (as of {today:yyyy-MM-dd})</p>
            <h2>Figures that moved</h2>
            <ul class="plain">{moved.Select(c => H.Of($"""<li><a href="/claims/{c.Id}">{c.Subject}</a> <span class="meta">{c.Points.Count} figures, {c.Points[0].Date} to {c.Points[^1].Date}{(c.Points.Any(p => p.Disputed) ? H.Of($""" · <span class="disputed">disputed</span>""") : H.Empty)}</span></li>"""))}</ul>
          </section>
        </div>
        """);
}

using Verbatim.Ledger.Queries;
using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>A list of quotes with their speaker, sightings and the documents that printed them.</summary>
internal static class QuoteList
{
    public static H Render(IEnumerable<QuoteRow> quotes) => H.Of($"""
        <ul class="plain">{quotes.Select(Item)}</ul>
        """);

    private static H Item(QuoteRow q)
    {
        var first = q.Documents.FirstOrDefault();
        var speaker = q.Speaker is { } s ? H.Of($"""<a href="/speakers/{s.Id}">{s.Name}</a>""") : H.Of($"""<span>speaker unresolved</span>""");
        var where = first is null ? H.Empty : H.Of($"""<a href="/articles/{first.Id}">{first.Source ?? first.Title ?? "article"}</a>""");
        var more = q.Sightings > 1 ? H.Of($""" and {q.Sightings - 1} more""") : H.Empty;
        return H.Of($"""
            <li><blockquote class="quote">{q.Text}</blockquote>
            <div class="meta">{speaker} · {q.Kind} · {q.FirstSeen ?? "undated"} · {where}{more}</div></li>
            """);
    }
}

using Verbatim.Web.Html;

namespace Verbatim.Web.Pages;

/// <summary>The page shell: header with navigation and search, main content, footer; assets from this server only.</summary>
internal static class Layout
{
    public static Html.Html Page(string title, Html.Html body, string? query = null) => Html.Html.Of($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title} · Verbatim</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/site.css">
        <script src="/assets/site.js" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <a class="brand" href="/">Verbatim</a>
          <nav aria-label="Main">
            <a href="/">Home</a>
            <a href="/speakers">Speakers</a>
            <a href="/claims">Figures</a>
            <a href="/forecasts">Forecasts</a>
            <a href="/paste">Paste an article</a>
          </nav>
          <form action="/search" method="get" role="search">
            <input type="search" id="q" name="q" value="{query ?? ""}" placeholder="Search statements" aria-label="Search statements">
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main">
        {body}
        </main>
        <footer>Verbatim: who said what, with the evidence one click away. <a href="/openapi.json">API</a></footer>
        </body>
        </html>
        """);

    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => q.Name + "=" + Uri.EscapeDataString(q.Value!)).ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    public static Html.Html Status(string status) => Html.Html.Of($"""<span class="badge status-{status}">{status.Replace('_', ' ')}</span>""");
}

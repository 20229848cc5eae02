using H = Verbatim.Web.Html.Html;

namespace Verbatim.Web.Pages;

/// <summary>Paste an article: extracted on the fly, shown as the article page shows it, never stored.</summary>
internal static class PastePage
{
    public static H Form(string? text, string? published, string? error, int maxChars) => H.Of($"""
        <h1>Paste an article</h1>
        <p class="meta">The text is extracted here and now and shown with its statements; nothing is stored. Up to {maxChars:N0} characters.</p>
        {(error is null ? H.Empty : H.Of($"""<p role="alert" class="disputed">{error}</p>"""))}
        <form method="post" action="/paste">
          <label>Publication date (for "yesterday", "on Tuesday")<input type="date" name="published" value="{published ?? ""}"></label>
          <label>Article text<textarea name="text" required>{text ?? ""}</textarea></label>
          <p><button type="submit">Extract</button></p>
        </form>
        """);
}

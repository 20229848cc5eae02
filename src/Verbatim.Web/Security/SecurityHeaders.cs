namespace Verbatim.Web.Security;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy (scripts and styles only from this
/// server, no inline script, no plugins, no framing), no MIME sniffing, no referrer leaks.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

    public static void Apply(Microsoft.AspNetCore.Http.HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}

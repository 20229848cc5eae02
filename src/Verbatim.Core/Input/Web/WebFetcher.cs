using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Verbatim.Input.Warc;

namespace Verbatim.Input.Web;

/// <summary>A page fetched from the web: the address it came from after redirects, its media type and body.</summary>
public sealed record WebResponse(Uri Url, string? MediaType, string? Charset, byte[] Body);

/// <summary>A fetch that failed, with the reason a user sees ("HTTP 404 Not Found", "timed out after 20 s").</summary>
public sealed class WebFetchException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>
/// Fetches pages politely: one request at a time per host, a pause between requests to the same host,
/// a User-Agent that names the tool, a timeout for the whole fetch and a cap on the body. One fetcher
/// is meant to be shared by all URL inputs of a run so that the per-host rules hold across them.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    public const string UserAgent = "Verbatim/1.0 (+https://github.com/verbatim-news/verbatim)";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan DefaultMinDelayPerHost = TimeSpan.FromSeconds(1);

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _minDelayPerHost;
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="timeout">For the whole fetch, body included (default 20 s).</param>
    /// <param name="minDelayPerHost">Between the end of one request to a host and the start of the next (default 1 s).</param>
    /// <param name="handler">The HTTP handler to use; a fresh one (following redirects, decompressing) when null.</param>
    public WebFetcher(TimeSpan? timeout = null, TimeSpan? minDelayPerHost = null, HttpMessageHandler? handler = null)
    {
        _timeout = timeout ?? DefaultTimeout;
        _minDelayPerHost = minDelayPerHost ?? DefaultMinDelayPerHost;
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }, disposeHandler: true)
        {
            // The fetch's own cancellation token times it out, body included.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5");
    }

    /// <summary>Fetches <paramref name="url"/>; a body over <paramref name="maxBytes"/> is cut off and refused.</summary>
    /// <exception cref="WebFetchException">Unreachable, an HTTP error status, a timeout, or too large.</exception>
    public WebResponse Fetch(Uri url, long maxBytes)
    {
        var gate = GateFor(url);
        gate.Lock.Wait();
        try
        {
            var wait = _minDelayPerHost - gate.SinceLast.Elapsed;
            if (gate.Used && wait > TimeSpan.Zero) Thread.Sleep(wait);
            // Synchronous because sources are plain enumerables; there is no synchronization context to deadlock on.
            return FetchAsync(url, maxBytes).GetAwaiter().GetResult();
        }
        finally
        {
            gate.Used = true;
            gate.SinceLast.Restart();
            gate.Lock.Release();
        }
    }

    private async Task<WebResponse> FetchAsync(Uri url, long maxBytes)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebFetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());
            }
            if (response.Content.Headers.ContentLength is long announced && announced > maxBytes)
            {
                throw new WebFetchException(InputLimits.TooLarge(announced, maxBytes));
            }
            var body = await ReadAtMostAsync(response.Content, maxBytes, timeout.Token).ConfigureAwait(false)
                ?? throw new WebFetchException(InputLimits.TooLarge(null, maxBytes));
            var (mediaType, charset) = HttpPayload.ParseContentType(response.Content.Headers.ContentType?.ToString());
            return new WebResponse(response.RequestMessage?.RequestUri ?? url, mediaType, charset, body);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new WebFetchException($"timed out after {_timeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new WebFetchException("unreachable: " + (e.InnerException?.Message ?? e.Message), e);
        }
        catch (IOException e)
        {
            throw new WebFetchException("connection failed: " + e.Message, e);
        }
    }

    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, long max, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            // Stop at the limit instead of downloading the rest of an endless or huge body.
            if (copy.Length + read > max) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private HostGate GateFor(Uri url)
    {
        lock (_hosts)
        {
            var key = url.Authority;
            if (!_hosts.TryGetValue(key, out var gate)) _hosts[key] = gate = new HostGate();
            return gate;
        }
    }

    public void Dispose() => _client.Dispose();

    private sealed class HostGate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public Stopwatch SinceLast { get; } = new();
        public bool Used { get; set; }
    }
}

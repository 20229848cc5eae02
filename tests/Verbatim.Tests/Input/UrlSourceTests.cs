using System.Net;
using System.Net.Sockets;
using System.Text;
using Verbatim.Input;
using Verbatim.Input.Web;

namespace Verbatim.Tests.Input;

/// <summary>Fetches from a server on 127.0.0.1 that this test starts; nothing leaves the machine.</summary>
public sealed class UrlSourceTests : IDisposable
{
    private readonly LocalServer _server = new();
    private readonly WebFetcher _fetcher = new(timeout: TimeSpan.FromSeconds(5), minDelayPerHost: TimeSpan.Zero);

    public void Dispose()
    {
        _fetcher.Dispose();
        _server.Dispose();
    }

    private List<ArticleItem> Fetch(string path, long maxBytes = InputLimits.DefaultMaxBytes) =>
        new UrlSource(_server.Url(path), _fetcher, maxBytes: maxBytes).Read().ToList();

    [Fact]
    public void An_html_page_is_fetched_with_the_user_agent_and_read_as_an_article()
    {
        _server.Serve("/news/bridge", "text/html; charset=utf-8", $"<html><head><title>Bridge</title></head><body>{HtmlArticleReaderTests.Story}</body></html>");
        var item = Assert.Single(Fetch("/news/bridge"));
        Assert.True(item.Succeeded, item.FailureReason);
        Assert.Equal(_server.Url("/news/bridge"), item.InputName);
        Assert.Equal(_server.Url("/news/bridge"), item.Article!.Metadata.Id);
        Assert.Equal("Bridge", item.Article.Metadata.Title);
        Assert.Contains("It was worth the wait.", item.Article.Text);
        Assert.Equal(WebFetcher.UserAgent, _server.LastUserAgent);
    }

    [Fact]
    public void Feeds_and_plain_text_are_dispatched_by_content_type()
    {
        _server.Serve("/feed", "application/rss+xml", FeedSourceTests.Rss);
        _server.Serve("/story.txt", "text/plain; charset=utf-8", "Plain story.");
        Assert.Equal(2, Fetch("/feed").Count(i => i.Succeeded));
        Assert.Equal("Plain story.", Assert.Single(Fetch("/story.txt")).Article!.Text);
    }

    [Fact]
    public void Http_errors_unreachable_hosts_and_oversized_bodies_are_failed_items()
    {
        var missing = Assert.Single(Fetch("/missing"));
        Assert.Equal(_server.Url("/missing"), missing.InputName);
        Assert.Equal("HTTP 404 Not Found", missing.FailureReason);

        var closedPort = $"http://127.0.0.1:{LoopbackPorts.Free()}/";
        var unreachable = Assert.Single(new UrlSource(closedPort, _fetcher).Read());
        Assert.Equal(closedPort, unreachable.InputName);
        Assert.StartsWith("unreachable: ", unreachable.FailureReason);

        _server.Serve("/big", "text/html", "<p>" + new string('a', 5000) + "</p>");
        Assert.StartsWith("too large", Assert.Single(Fetch("/big", maxBytes: 1000)).FailureReason);

        // No Content-Length to refuse up front: the read stops at the limit.
        _server.Serve("/endless", "text/html", "<p>" + new string('a', 200_000) + "</p>", chunked: true);
        Assert.Equal("too large (more than the limit of 1000 bytes)", Assert.Single(Fetch("/endless", maxBytes: 1000)).FailureReason);
    }

    [Fact]
    public void A_slow_server_times_out()
    {
        _server.Serve("/slow", "text/html", "<p>Late.</p>", delay: TimeSpan.FromSeconds(3));
        using var impatient = new WebFetcher(timeout: TimeSpan.FromMilliseconds(300), minDelayPerHost: TimeSpan.Zero);
        var item = Assert.Single(new UrlSource(_server.Url("/slow"), impatient).Read());
        Assert.Equal("timed out after 0.3 s", item.FailureReason);
    }

    [Fact]
    public void Requests_to_one_host_are_spaced_by_the_minimum_delay()
    {
        _server.Serve("/a.txt", "text/plain", "A.");
        using var polite = new WebFetcher(minDelayPerHost: TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var items = new ArticleSources([_server.Url("/a.txt"), _server.Url("/a.txt")], InputFormat.Auto, web: polite).Read().ToList();
        Assert.All(items, i => Assert.True(i.Succeeded, i.FailureReason));
        Assert.True(clock.ElapsedMilliseconds >= 300, $"{clock.ElapsedMilliseconds} ms");
    }

    /// <summary>A tiny HTTP server on a free loopback port: fixed answers by path, 404 for the rest.</summary>
    private sealed class LocalServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Dictionary<string, (string ContentType, byte[] Body, TimeSpan Delay, bool Chunked)> _pages = [];
        private readonly int _port = LoopbackPorts.Free();

        public LocalServer()
        {
            _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
            _listener.Start();
            _ = Task.Run(Loop);
        }

        public string? LastUserAgent { get; private set; }

        public string Url(string path) => $"http://127.0.0.1:{_port}{path}";

        public void Serve(string path, string contentType, string body, TimeSpan delay = default, bool chunked = false)
        {
            lock (_pages) _pages[path] = (contentType, Encoding.UTF8.GetBytes(body), delay, chunked);
        }

        private async Task Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                _ = Task.Run(() => Answer(context));
            }
        }

        private async Task Answer(HttpListenerContext context)
        {
            try
            {
                LastUserAgent = context.Request.UserAgent;
                (string ContentType, byte[] Body, TimeSpan Delay, bool Chunked) page;
                bool found;
                lock (_pages) found = _pages.TryGetValue(context.Request.Url!.AbsolutePath, out page);
                if (!found)
                {
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    return;
                }
                if (page.Delay > TimeSpan.Zero) await Task.Delay(page.Delay);
                context.Response.ContentType = page.ContentType;
                if (page.Chunked) context.Response.SendChunked = true;
                else context.Response.ContentLength64 = page.Body.Length;
                await context.Response.OutputStream.WriteAsync(page.Body);
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client gave up (a timeout test); nothing to answer.
            }
        }

        public void Dispose() => _listener.Close();
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Verbatim.Cli;
using Verbatim.Web;

namespace Verbatim.Tests.Web;

/// <summary>
/// A ledger built from the bundled samples plus one hostile article, served by the explorer on a
/// free loopback port, with writes allowed under a token. The browser is Debian's chromium driven
/// by its chromedriver; without them the browser tests skip with the reason, unless
/// VERBATIM_REQUIRE_SERVICES=1 (CI), where a missing browser is a failure.
/// </summary>
public sealed class ExplorerFixture : IDisposable
{
    public const string Token = "test-write-token";
    public static readonly DateOnly Today = new(2025, 4, 12);
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>Script that would set window.__pwned if it ever ran, in every form an article can carry it.</summary>
    public const string HostileText = """
        City hall said on Monday that the <script>window.__pwned = 1</script> budget would be cut.

        “We will not accept <img src=x onerror="window.__pwned = 2"> this,” said Mayor Ada Quill. “Click <a href="javascript:window.__pwned=3">here</a> and </textarea></title><script>window.__pwned = 4</script> see.”

        The council, according to a statement, will vote on Friday "><svg onload="window.__pwned=5">.
        """;

    private readonly WebApplication _app;
    private readonly string _folder;

    public ExplorerFixture()
    {
        _folder = Path.Combine(Path.GetTempPath(), "verbatim-explorer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Db = Path.Combine(_folder, "ledger.db");
        var hostile = Path.Combine(_folder, "hostile.jsonl");
        File.WriteAllText(hostile, new JsonObject
        {
            ["id"] = "hostile", ["title"] = "<script>window.__pwned = 6</script>Budget row", ["published"] = "2025-04-10",
            ["url"] = "javascript:window.__pwned=7", ["source"] = "<b>The Hostile Times</b>", ["text"] = HostileText,
        }.ToJsonString() + "\n");
        foreach (var args in new[]
        {
            new[] { "ingest", Path.Combine(Samples.Root, "samples"), "--db", Db, "--published", "2024-11-01", "--quiet" },
            ["ingest", hostile, "--db", Db, "--input-format", "jsonl", "--quiet"],
        })
        {
            var error = new StringWriter();
            int code = CliApp.Run(args, new StringWriter(), error);
            if (code != 0) throw new InvalidOperationException($"ingest failed ({code}): {error}");
        }
        BaseUrl = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        _app = ExplorerApp.Build(new ExplorerOptions { Db = Db, Urls = BaseUrl, WriteToken = Token, Today = Today });
        _app.StartAsync().GetAwaiter().GetResult();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Screenshots = Path.Combine(Samples.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(Screenshots);
    }

    public string Db { get; }
    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public string Screenshots { get; }

    /// <summary>A fresh headless chromium, or a skip (a failure under VERBATIM_REQUIRE_SERVICES=1) when there is none.</summary>
    public ChromeDriver Browser()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            if (Environment.GetEnvironmentVariable("VERBATIM_REQUIRE_SERVICES") == "1")
            {
                throw new InvalidOperationException($"VERBATIM_REQUIRE_SERVICES=1 but {Chromium} or {ChromeDriver} is missing (apt-get install chromium chromium-driver)");
            }
            Skip.If(true, $"no browser: {Chromium} and {ChromeDriver} (Debian packages chromium, chromium-driver) are needed");
        }
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return driver;
    }

    public void Screenshot(IWebDriver driver, string name) =>
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(Screenshots, name + ".png"));

    public void Dispose()
    {
        Http.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IAsyncDisposable)_app).DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFixture>
{
    public const string Name = "explorer";
}

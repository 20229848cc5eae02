using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verbatim.Cli;

namespace Verbatim.Tests.Web;

/// <summary>
/// The explorer's HTTP side: the API gives the same JSON as the CLI for the same question,
/// lists come as CSV on request, the OpenAPI document describes the API, every response carries
/// the security headers, errors show no internals, and writes need --allow-writes and the token.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerApiTests(ExplorerFixture explorer)
{
    private JsonNode Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run([.. args, "--db", explorer.Db, "--format", "json"], output, error);
        Assert.True(code == 0, error.ToString());
        return JsonNode.Parse(output.ToString())!;
    }

    private async Task<JsonNode> Api(string path) => JsonNode.Parse(await explorer.Http.GetStringAsync(path))!;

    [Theory]
    [InlineData("/api/quotes?speaker=Helena%20Varga", new[] { "quotes", "--speaker", "Helena Varga" })]
    [InlineData("/api/quotes?search=worst%20flood&since=2025-04-08", new[] { "quotes", "--search", "worst flood", "--since", "2025-04-08" })]
    [InlineData("/api/quotes?outlet=Meridian%20News&limit=5", new[] { "quotes", "--outlet", "Meridian News", "--limit", "5" })]
    [InlineData("/api/speakers?search=varga", new[] { "speakers", "--search", "varga" })]
    [InlineData("/api/claims?about=people", new[] { "claims", "--about", "people" })]
    [InlineData("/api/forecasts?status=due", new[] { "forecasts", "--status", "due", "--today", "2025-04-12" })]
    [InlineData("/api/forecasts?due=2025-04-01..2025-04-30", new[] { "forecasts", "--due", "2025-04-01..2025-04-30", "--today", "2025-04-12" })]
    public async Task The_api_answers_as_the_cli_does(string path, string[] cli)
    {
        var api = await Api(path);
        var expected = Cli(cli);
        Assert.NotEmpty(expected.AsArray());
        Assert.True(JsonNode.DeepEquals(expected, api), $"{path} differs from verbatim {string.Join(' ', cli)}:\n{expected.ToJsonString()}\n{api.ToJsonString()}");
    }

    [Fact]
    public async Task One_speaker_and_one_article_come_as_json()
    {
        var speakers = Cli("speakers", "--search", "Tomas Varga").AsArray();
        long id = speakers[0]!["id"]!.GetValue<long>();
        var profile = await Api($"/api/speakers/{id}");
        Assert.Equal("Tomas Varga", profile["speaker"]!["name"]!.GetValue<string>());
        var cliProfile = Cli("speaker", id.ToString()).AsArray()[0]!;
        Assert.Equal(cliProfile["speaker"]!.ToJsonString(), profile["speaker"]!.ToJsonString());
        long article = profile["quotes"]!.AsArray()[0]!["documents"]!.AsArray()[0]!["id"]!.GetValue<long>();
        var extraction = await Api($"/api/articles/{article}");
        Assert.True(extraction["attributions"]!.AsArray().Count > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await explorer.Http.GetAsync("/api/articles/999999")).StatusCode);
    }

    [Fact]
    public async Task Lists_come_as_csv_and_the_api_is_described()
    {
        var csv = (await explorer.Http.GetStringAsync("/api/speakers?format=csv")).Split('\n');
        Assert.StartsWith("id,name,type,titles,affiliations,quotes,first_seen,last_seen", csv[0]);
        Assert.Contains(csv, line => line.Contains("Helena Varga"));
        var openapi = await Api("/openapi.json");
        Assert.StartsWith("3.", openapi["openapi"]!.GetValue<string>());
        var paths = openapi["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/quotes", "/api/search", "/api/speakers", "/api/speakers/{id}", "/api/claims", "/api/claims/{id}", "/api/forecasts", "/api/articles/{id}", "/api/paste" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/1")]
    [InlineData("/search?q=flood")]
    [InlineData("/api/quotes")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var response = await explorer.Http.GetAsync(path);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Errors_and_limits_show_no_internals()
    {
        using var missing = await explorer.Http.GetAsync("/articles/abc");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await missing.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);

        // A paste over the limit is refused with a message, not extracted.
        var huge = new string('x', 250_000);
        using var paste = await explorer.Http.PostAsync("/api/paste", new StringContent(huge, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.BadRequest, paste.StatusCode);
        Assert.Contains("longer than", await paste.Content.ReadAsStringAsync());
        using var tooLarge = await explorer.Http.PostAsync("/api/paste", new ByteArrayContent(new byte[2_000_000]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.DoesNotContain("Exception", await tooLarge.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Writes_need_the_token()
    {
        var forecast = Cli("forecasts", "--status", "open", "--today", "2025-04-12").AsArray()[0]!;
        long id = forecast["id"]!.GetValue<long>();
        var body = new StringContent("""{"outcome":"partly","evidence":"https://example.test/x"}""", Encoding.UTF8, "application/json");
        using var anonymous = await explorer.Http.PostAsync($"/api/forecasts/{id}/resolve", body);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        using var form = await explorer.Http.PostAsync($"/forecasts/{id}/resolve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["outcome"] = "partly", ["evidence"] = "https://example.test/x", ["token"] = "wrong",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/forecasts/{id}/resolve")
        {
            Content = new StringContent("""{"outcome":"partly","evidence":"https://example.test/x"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExplorerFixture.Token);
        using var allowed = await explorer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Contains(Cli("forecasts", "--status", "partly", "--today", "2025-04-12").AsArray(), f => f!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task Paste_extracts_without_storing()
    {
        long before = Cli("documents").AsArray().Count;
        using var response = await explorer.Http.PostAsync("/api/paste?published=2025-05-06",
            new StringContent("“We are ready,” said Mayor Ada Quill on Tuesday.", Encoding.UTF8, "text/plain"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Ada Quill", json["attributions"]!.AsArray()[0]!["speaker"]!["name"]!.GetValue<string>());
        Assert.Equal(before, Cli("documents").AsArray().Count);
    }

    [Fact]
    public async Task Ingest_and_merge_over_http_need_the_token_and_take_effect()
    {
        string lines = string.Join("\n",
            """{"id":"http-1","url":"https://example.test/harbour-1","published":"2025-04-20","source":"Harbour Post","text":"“The pier stays shut,” said Pia Nemeth, the harbour master."}""",
            """{"id":"http-2","url":"https://example.test/harbour-2","published":"2025-04-21","source":"Harbour Post","text":"“We reopen on Monday,” said Ilona Varkonyi, the port spokeswoman."}""",
            """{"id":"http-3","text":""}""") + "\n";
        using var anonymous = await explorer.Http.PostAsync("/api/ingest", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);

        using var ingest = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(lines, Encoding.UTF8, "application/x-ndjson") };
        ingest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExplorerFixture.Token);
        using var ingested = await explorer.Http.SendAsync(ingest);
        var summary = JsonNode.Parse(await ingested.Content.ReadAsStringAsync())!;
        Assert.Equal(2, summary["added"]!.GetValue<int>());
        Assert.Single(summary["failed"]!.AsArray());

        var speakers = Cli("speakers", "--search", "Nemeth").AsArray().Concat(Cli("speakers", "--search", "Varkonyi").AsArray()).ToList();
        long pia = speakers.First(x => x!["name"]!.GetValue<string>() == "Pia Nemeth")!["id"]!.GetValue<long>();
        long ilona = speakers.First(x => x!["name"]!.GetValue<string>() == "Ilona Varkonyi")!["id"]!.GetValue<long>();
        using var merge = new HttpRequestMessage(HttpMethod.Post, "/api/speakers/merge") { Content = new StringContent($$"""{"into":{{pia}},"from":{{ilona}}}""", Encoding.UTF8, "application/json") };
        merge.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ExplorerFixture.Token);
        Assert.Equal(HttpStatusCode.NoContent, (await explorer.Http.SendAsync(merge)).StatusCode);
        var profile = await Api($"/api/speakers/{pia}");
        Assert.Equal(2, profile["quotes"]!.AsArray().Count);
    }
}

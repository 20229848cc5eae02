using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Verbatim.Tests.Web;

/// <summary>
/// The explorer in a real browser (Debian's chromium): a person's walk through the pages of the
/// sample ledger, what they see on each, a forecast resolved through the form, and hostile article
/// text that must render as text without any of its script running. Screenshots of each page go
/// to TestResults/screenshots.
/// </summary>
[Collection(ExplorerCollection.Name)]
public sealed class ExplorerBrowserTests(ExplorerFixture explorer)
{
    private static IWebElement Link(IWebDriver driver, string text) => driver.FindElement(By.LinkText(text));

    /// <summary>
    /// Clicks a link or button that loads a new page and waits until the old page is gone: a
    /// click returns before the navigation ends, and reading the page at once could read the old one.
    /// </summary>
    private static void Go(IWebDriver driver, IWebElement element)
    {
        var html = driver.FindElement(By.TagName("html"));
        element.Click();
        new OpenQA.Selenium.Support.UI.WebDriverWait(driver, TimeSpan.FromSeconds(20)).Until(d =>
        {
            try
            {
                _ = html.TagName;   // throws once the old page is gone
                return false;
            }
            catch (StaleElementReferenceException)
            {
                return ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete";
            }
        });
    }

    [SkippableFact]
    public void A_reader_clicks_from_home_to_speaker_article_figures_and_forecasts()
    {
        using var driver = explorer.Browser();
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/");
        Assert.Equal("Who said what", driver.FindElement(By.TagName("h1")).Text);
        Assert.Contains("Helena Varga", driver.FindElement(By.TagName("main")).Text);
        explorer.Screenshot(driver, "home");

        // Speaker page: titles over time, statements, figures, forecasts.
        Go(driver, driver.FindElements(By.LinkText("Helena Varga")).First());
        Assert.Equal("Helena Varga", driver.FindElement(By.TagName("h1")).Text);
        var main = driver.FindElement(By.TagName("main")).Text;
        Assert.Contains("Interior Minister", main);
        Assert.Contains("worst flood this valley has seen", main);
        Assert.Contains("at most 27", main);
        explorer.Screenshot(driver, "speaker");

        // The statement filter on the speaker page works without script.
        var filter = driver.FindElement(By.CssSelector("main form input[name=q]"));
        filter.SendKeys("bridge");
        Go(driver, driver.FindElement(By.CssSelector("main form button")));
        Assert.DoesNotContain("worst flood this valley", driver.FindElement(By.TagName("main")).Text);

        // Article page: the text with marked roles and the statements beside it.
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/speakers");
        Go(driver, Link(driver, "Helena Varga"));
        Go(driver, driver.FindElements(By.CssSelector("main ul.plain li .meta a[href^='/articles/']")).First());
        Assert.NotEmpty(driver.FindElements(By.CssSelector(".text span.content")));
        Assert.NotEmpty(driver.FindElements(By.CssSelector(".text span.source")));
        Assert.NotEmpty(driver.FindElements(By.CssSelector(".text mark.figure")));
        var firstStatement = driver.FindElement(By.CssSelector("aside li[data-statement]"));
        var id = firstStatement.GetAttribute("data-statement");
        var marked = driver.FindElement(By.CssSelector($".text span[data-a~='{id}']"));
        Assert.Matches($"(content|source) of {id}", marked.GetAttribute("title"));
        // Keyboard: focusing a statement outlines its words (the script's enhancement).
        new OpenQA.Selenium.Interactions.Actions(driver).MoveToElement(firstStatement).Perform();
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].focus()", firstStatement);
        Assert.Contains("active", marked.GetAttribute("class"));
        explorer.Screenshot(driver, "article");

        // Figures: the death toll's chart, the "as many as" drawn as a bar, the disagreement in red.
        Go(driver, Link(driver, "Figures"));
        Go(driver, Link(driver, "people"));
        Assert.Equal("people", driver.FindElement(By.TagName("h1")).Text);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("svg.chart line.bound")));
        Assert.Equal(2, driver.FindElements(By.CssSelector("svg.chart .bad")).Count(e => e.TagName == "circle" || e.TagName == "line"));
        Assert.Contains("disputed", driver.FindElement(By.TagName("table")).Text);
        explorer.Screenshot(driver, "claim");

        // Search with facets and a facet click.
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/search?q=flood");
        Assert.Contains("worst flood", driver.FindElement(By.TagName("main")).Text);
        Go(driver, Link(driver, "direct"));
        Assert.Contains("kind=direct", driver.Url);
        explorer.Screenshot(driver, "search");
    }

    [SkippableFact]
    public void A_forecast_is_resolved_through_the_form_with_the_token()
    {
        using var driver = explorer.Browser();
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/forecasts");
        Assert.Contains("Due, awaiting an outcome", driver.FindElement(By.TagName("main")).Text);
        explorer.Screenshot(driver, "forecasts");
        var item = driver.FindElements(By.CssSelector("li[id^='forecast-']")).First(li => li.Text.Contains("bridge") && li.FindElements(By.TagName("form")).Count > 0);
        string itemId = item.GetAttribute("id")!;
        var form = item.FindElement(By.TagName("form"));
        new OpenQA.Selenium.Support.UI.SelectElement(form.FindElement(By.Name("outcome"))).SelectByValue("did_not");
        form.FindElement(By.Name("evidence")).SendKeys("https://brenniskherald.example/local/2025/04/12/bridge-still-closed");
        form.FindElement(By.Name("token")).SendKeys(ExplorerFixture.Token);
        Go(driver, form.FindElement(By.TagName("button")));
        var resolved = driver.FindElement(By.Id(itemId));
        Assert.Contains("did not", resolved.Text);
        Assert.Contains("brenniskherald.example", resolved.Text);
    }

    [SkippableFact]
    public void Hostile_article_text_renders_as_text_and_no_script_runs()
    {
        using var driver = explorer.Browser();
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/search?q=council");
        var source = driver.FindElement(By.CssSelector("main ul.plain .meta a[href^='/articles/']"));
        Assert.Equal("<b>The Hostile Times</b>", source.Text);
        Go(driver, source);
        var text = driver.FindElement(By.CssSelector(".text")).Text;
        Assert.Contains("<script>window.__pwned = 1</script>", text);
        Assert.Contains("<img src=x onerror=\"window.__pwned = 2\">", driver.FindElement(By.TagName("main")).Text);
        Assert.Contains("<script>window.__pwned = 6</script>Budget row", driver.FindElement(By.TagName("h1")).Text);
        // The outlet's "javascript:" URL is not made a link.
        Assert.Empty(driver.FindElements(By.CssSelector("a[href^='javascript']")));
        explorer.Screenshot(driver, "hostile-article");
        AssertNoScriptRan(driver);

        // The same text through the search box and the paste page.
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/search?q=" + Uri.EscapeDataString("\"><script>window.__pwned=8</script>"));
        AssertNoScriptRan(driver);
        driver.Navigate().GoToUrl(explorer.BaseUrl + "/paste");
        var box = driver.FindElement(By.Name("text"));
        ((IJavaScriptExecutor)driver).ExecuteScript("arguments[0].value = arguments[1]", box, ExplorerFixture.HostileText);
        Go(driver, driver.FindElement(By.CssSelector("main form button")));
        Assert.Contains("Pasted article", driver.FindElement(By.TagName("h1")).Text);
        Assert.Contains("<script>window.__pwned = 1</script>", driver.FindElement(By.CssSelector(".text")).Text);
        Assert.Contains("Ada Quill", driver.FindElement(By.TagName("aside")).Text);
        explorer.Screenshot(driver, "paste");
        AssertNoScriptRan(driver);
    }

    [SkippableFact]
    public void Pages_work_at_phone_width()
    {
        using var driver = explorer.Browser();
        driver.Manage().Window.Size = new System.Drawing.Size(390, 844);
        foreach (var (path, name) in new[] { ("/", "phone-home"), ("/speakers", "phone-speakers"), ("/claims/1", "phone-claim"), ("/paste", "phone-paste") })
        {
            driver.Navigate().GoToUrl(explorer.BaseUrl + path);
            long overflow = (long)((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollWidth - window.innerWidth")!;
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at phone width");
            explorer.Screenshot(driver, name);
        }
    }

    private static void AssertNoScriptRan(ChromeDriver driver)
    {
        var pwned = ((IJavaScriptExecutor)driver).ExecuteScript("return typeof window.__pwned === 'undefined' ? null : String(window.__pwned)");
        Assert.Null(pwned);
    }
}

using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Verbatim.Ledger.Storage;
using Verbatim.Web;

namespace Verbatim.Cli.Commands;

/// <summary>
/// <c>verbatim serve [--db DB] [--urls http://127.0.0.1:5080] [--allow-writes --token TOKEN]</c>:
/// the web explorer over the ledger (docs/explorer.md), on loopback unless told otherwise.
/// </summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var db = new Option<string?>("--db") { Description = "The ledger: a SQLite file (default verbatim.db, or $VERBATIM_DB) or a postgres:// URL", HelpName = "DB" };
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback by default)", DefaultValueFactory = _ => DefaultUrls };
        var allowWrites = new Option<bool>("--allow-writes") { Description = "Allow resolving forecasts from the browser and the API (needs --token or $VERBATIM_WRITE_TOKEN)" };
        var token = new Option<string?>("--token") { Description = "The write token that forms and API calls must give" };
        var cache = new Option<int>("--cache-seconds") { Description = "Serve the same URL from memory for this long (0: off); writes empty the cache", DefaultValueFactory = _ => 10 };
        var command = new Command("serve", "Serve the web explorer over the ledger") { db, urls, allowWrites, token, cache };
        command.SetAction(result => Serve(context, LedgerStore.Resolve(result.GetValue(db)), result.GetRequiredValue(urls),
            result.GetValue(allowWrites), result.GetValue(token) ?? Environment.GetEnvironmentVariable("VERBATIM_WRITE_TOKEN"), Math.Max(0, result.GetValue(cache))));
        return command;
    }

    /// <summary>Runs the explorer until Ctrl+C; also the end of `ingest --serve`.</summary>
    public static int Serve(CliContext context, string db, string urls, bool allowWrites, string? token, int cacheSeconds = 10)
    {
        if (allowWrites && string.IsNullOrWhiteSpace(token))
        {
            throw new UsageException("serve: --allow-writes needs a token (--token or VERBATIM_WRITE_TOKEN)");
        }
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ExplorerApp.Build(new ExplorerOptions { Db = db, Urls = urls, WriteToken = allowWrites ? token : null, CacheSeconds = cacheSeconds });
        }
        catch (LedgerException e)
        {
            context.Error(e.Message);
            return ExitCodes.Usage;
        }
        app.Start();
        foreach (var url in app.Urls) context.Out.WriteLine($"Verbatim explorer on {url}/ (ledger {db}){(allowWrites ? ", writes allowed with the token" : ", read-only")}. Ctrl+C stops it.");
        context.Out.Flush();
        app.WaitForShutdown();
        return ExitCodes.Ok;
    }
}

using Npgsql;
using Verbatim.Ledger.Storage;

namespace Verbatim.Tests.Ledger;

/// <summary>
/// A fresh, empty ledger on the engine a test asks for: a temporary SQLite file, or a new
/// database on the PostgreSQL server named by VERBATIM_TEST_POSTGRES (tools/services/postgres.sh
/// starts one). Without that server the PostgreSQL runs skip with the reason, unless
/// VERBATIM_REQUIRE_SERVICES=1 (CI), where a missing server is a failure.
/// </summary>
internal sealed class LedgerTarget : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _dropDatabase;
    private readonly string? _adminUrl;
    private readonly string? _folder;

    private LedgerTarget(string db, string? folder, string? adminUrl, string? dropDatabase)
    {
        Db = db;
        _folder = folder;
        _adminUrl = adminUrl;
        _dropDatabase = dropDatabase;
    }

    /// <summary>What --db takes: a file path or a postgres:// URL.</summary>
    public string Db { get; }

    public static bool RequireServices => Environment.GetEnvironmentVariable("VERBATIM_REQUIRE_SERVICES") == "1";

    public static LedgerTarget Create(string engine)
    {
        if (engine == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "verbatim-ledger-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new LedgerTarget(Path.Combine(folder, "ledger.db"), folder, null, null);
        }
        var url = Environment.GetEnvironmentVariable("VERBATIM_TEST_POSTGRES");
        if (string.IsNullOrEmpty(url))
        {
            if (RequireServices) throw new InvalidOperationException("VERBATIM_REQUIRE_SERVICES=1 but VERBATIM_TEST_POSTGRES is not set: start tools/services/postgres.sh");
            Skip.If(true, "no PostgreSQL server: set VERBATIM_TEST_POSTGRES (eval \"$(tools/services/postgres.sh start)\")");
        }
        var name = "verbatim_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = new NpgsqlConnection(LedgerStore.PostgresConnectionString(url!).ConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }
        var uri = new UriBuilder(url!) { Path = "/" + name };
        return new LedgerTarget(uri.Uri.ToString(), null, url, name);
    }

    public LedgerStore Open() => LedgerStore.Open(Db);

    public void Dispose()
    {
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_dropDatabase is not null && _adminUrl is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(LedgerStore.PostgresConnectionString(_adminUrl).ConnectionString);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {_dropDatabase} WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
    }
}

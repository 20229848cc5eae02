using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Verbatim.Ledger.Storage;

/// <summary>Which database engine a ledger lives in; the SQL differs only where the engines do.</summary>
public enum LedgerEngine
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// An open ledger: one connection to SQLite (a file, WAL mode) or PostgreSQL, with the schema
/// migrated to the current version. Everything above it speaks through <see cref="Command"/> with
/// @-named parameters, which both providers accept, so one SQL text serves both engines except
/// where <see cref="Sql"/> says otherwise.
/// </summary>
public sealed class LedgerStore : IDisposable
{
    /// <summary>The file a ledger uses when neither --db nor VERBATIM_DB names one.</summary>
    public const string DefaultFile = "verbatim.db";

    private LedgerStore(DbConnection connection, LedgerEngine engine, string displayName)
    {
        Connection = connection;
        Engine = engine;
        DisplayName = displayName;
    }

    public DbConnection Connection { get; }
    public LedgerEngine Engine { get; }

    /// <summary>The database as a person would name it (a path, or the URL without its password).</summary>
    public string DisplayName { get; }

    public SqlDialect Sql => Engine == LedgerEngine.Sqlite ? SqlDialect.Sqlite : SqlDialect.PostgreSql;

    /// <summary>The database the user chose: <paramref name="db"/>, else VERBATIM_DB, else verbatim.db.</summary>
    public static string Resolve(string? db) =>
        !string.IsNullOrWhiteSpace(db) ? db
        : Environment.GetEnvironmentVariable("VERBATIM_DB") is { Length: > 0 } env ? env
        : DefaultFile;

    public static bool IsPostgresUrl(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens (creating when absent) and migrates the ledger at <paramref name="db"/>: a file path or
    /// a postgres:// URL. A server that opens a connection per request migrates once at start-up
    /// and passes <paramref name="migrate"/> false afterwards.
    /// </summary>
    public static LedgerStore Open(string db, bool migrate = true)
    {
        LedgerStore store;
        if (IsPostgresUrl(db))
        {
            var (connectionString, display) = PostgresConnectionString(db);
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                connection.Open();
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                connection.Dispose();
                throw new LedgerException($"{display}: cannot connect to PostgreSQL: {e.Message}", e);
            }
            store = new LedgerStore(connection, LedgerEngine.PostgreSql, display);
        }
        else
        {
            var full = Path.GetFullPath(db);
            if (Directory.Exists(full)) throw new LedgerException($"{db}: is a folder, not a database file");
            var dir = Path.GetDirectoryName(full);
            if (dir is not null && !Directory.Exists(dir)) throw new LedgerException($"{db}: folder {dir} does not exist");
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            try
            {
                connection.Open();
                store = new LedgerStore(connection, LedgerEngine.Sqlite, db);
                // WAL: readers (the web explorer) never block the ingest, and a killed writer leaves
                // the last committed transaction intact. NORMAL sync is durable against a process
                // crash, which is what a batch meets; only power loss can drop the last commits.
                store.Execute("PRAGMA journal_mode=WAL");
                store.Execute("PRAGMA synchronous=NORMAL");
                store.Execute("PRAGMA foreign_keys=ON");
                store.Execute("PRAGMA busy_timeout=10000");
                // A ledger's indexes take random inserts (hashed quote keys, FTS terms): a page
                // cache of 32 MB keeps their hot pages in memory instead of the default 2 MB.
                store.Execute("PRAGMA cache_size=-32768");
                store.Execute("PRAGMA temp_store=MEMORY");
            }
            catch (SqliteException e)
            {
                connection.Dispose();
                throw new LedgerException($"{db}: not a usable SQLite database: {e.Message}", e);
            }
        }
        try
        {
            if (migrate) Migrations.Apply(store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>postgres://user:password@host:port/database?sslmode=… as an Npgsql connection string.</summary>
    internal static (string ConnectionString, string Display) PostgresConnectionString(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new LedgerException($"{url}: not a PostgreSQL URL (postgres://user:password@host:port/database)");
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } database ? Uri.UnescapeDataString(database) : "postgres",
            Timeout = 10,
            MaxAutoPrepare = 64,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SslMode>(kv[1], true, out var ssl))
            {
                builder.SslMode = ssl;
            }
        }
        var display = $"postgres://{(builder.Username is { } user ? user + "@" : "")}{builder.Host}:{builder.Port}/{builder.Database}";
        return (builder.ToString(), display);
    }

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        return command;
    }

    private static void Bind(DbCommand command, (string Name, object? Value)[] parameters)
    {
        // A reused command has its parameters already: set the values (names come in the same order).
        if (command.Parameters.Count == parameters.Length && parameters.Length > 0 && command.Parameters[0].ParameterName == parameters[0].Name)
        {
            for (int i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            return;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
    }

    // The ingest runs the same few dozen statements for every document: keeping their commands
    // keeps them prepared, instead of parsing and planning each SQL text again for every row.
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

    private DbCommand Reused(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            if (_prepared.Count >= 256)
            {
                // Queries with inlined id lists make new texts; keep the cache for the recurring ones.
                foreach (var old in _prepared.Values) old.Dispose();
                _prepared.Clear();
            }
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Transaction = _transaction;
        Bind(command, parameters);
        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Reused(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        var value = Reused(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public long? ScalarLong(string sql, params (string Name, object? Value)[] parameters) =>
        Scalar(sql, parameters) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Runs an INSERT written with a final "RETURNING id" and gives the new row's id. On SQLite the
    /// clause is dropped for last_insert_rowid(): the provider reads RETURNING rows through a data
    /// reader, which made each insert several times slower than the insert itself.
    /// </summary>
    public long Insert(string sql, params (string Name, object? Value)[] parameters)
    {
        if (Engine != LedgerEngine.Sqlite) return ScalarLong(sql, parameters)!.Value;
        var trimmed = sql.TrimEnd();
        if (!trimmed.EndsWith("RETURNING id", StringComparison.Ordinal)) throw new ArgumentException("Insert expects SQL ending with RETURNING id", nameof(sql));
        Execute(trimmed[..^"RETURNING id".Length], parameters);
        return LastInsertRowId();
    }

    /// <summary>SQLite's id of the row the last INSERT added, asked of the connection itself rather than with another statement.</summary>
    public long LastInsertRowId() => SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)Connection).Handle);

    /// <summary>Runs a query and maps each row; the rows are read before returning.</summary>
    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        var command = Reused(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none of it.</summary>
    private DbTransaction? _transaction;
    private int _savepoints;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: all of it lands, or none of it. Inside a
    /// group (<see cref="BeginGroup"/>) it is a savepoint of the group's transaction, so one
    /// document that fails rolls back alone and the group goes on.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        if (_transaction is not null)
        {
            string name = "work" + (++_savepoints).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Execute("SAVEPOINT " + name);
            try
            {
                var inner = work();
                Execute("RELEASE SAVEPOINT " + name);
                return inner;
            }
            catch
            {
                Execute("ROLLBACK TO SAVEPOINT " + name);
                Execute("RELEASE SAVEPOINT " + name);
                throw;
            }
            finally
            {
                _savepoints--;
            }
        }
        using var transaction = Connection.BeginTransaction();
        _transaction = transaction;
        try
        {
            var result = work();
            transaction.Commit();
            return result;
        }
        catch
        {
            transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// Starts a group: later work shares one transaction until <see cref="CommitGroup"/>. A batch
    /// commits every few documents instead of after each, since a commit costs more than storing a
    /// document; a kill loses at most the open group, which the next run redoes.
    /// </summary>
    public void BeginGroup()
    {
        if (_transaction is not null) throw new InvalidOperationException("a transaction is already open");
        _transaction = Connection.BeginTransaction();
    }

    /// <summary>Commits the open group, if any.</summary>
    public void CommitGroup()
    {
        if (_transaction is null) return;
        var transaction = _transaction;
        _transaction = null;
        try
        {
            transaction.Commit();
        }
        catch
        {
            // A commit that fails leaves nothing open behind it: roll back what remains.
            try { transaction.Rollback(); } catch (InvalidOperationException) { } catch (System.Data.Common.DbException) { }
            throw;
        }
        finally
        {
            transaction.Dispose();
        }
    }

    /// <summary>Rolls back the open group, if any (the batch stops on an error it cannot report per document).</summary>
    public void AbandonGroup()
    {
        if (_transaction is null) return;
        var transaction = _transaction;
        _transaction = null;
        transaction.Rollback();
        transaction.Dispose();
    }

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });

    public void Dispose()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        Connection.Dispose();
    }
}

/// <summary>A ledger that cannot be opened or used, with the reason in words.</summary>
public sealed class LedgerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The few places where SQLite and PostgreSQL need different SQL.</summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(
        IdColumn: "INTEGER PRIMARY KEY",
        Real: "REAL",
        BigInt: "INTEGER",
        Blob: "BLOB");

    public static readonly SqlDialect PostgreSql = new(
        IdColumn: "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
        Real: "DOUBLE PRECISION",
        BigInt: "BIGINT",
        Blob: "BYTEA");

    private SqlDialect(string IdColumn, string Real, string BigInt, string Blob)
    {
        this.IdColumn = IdColumn;
        this.Real = Real;
        this.BigInt = BigInt;
        this.Blob = Blob;
    }

    public string Blob { get; }

    public string IdColumn { get; }
    public string Real { get; }
    public string BigInt { get; }

    /// <summary>Fills the {id}, {real}, {bigint} and {blob} placeholders of a schema statement.</summary>
    public string Expand(string sql) => sql.Replace("{id}", IdColumn).Replace("{real}", Real).Replace("{bigint}", BigInt).Replace("{blob}", Blob);
}

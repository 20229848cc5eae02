using System.Collections.Concurrent;
using Verbatim.Ledger.Storage;

namespace Verbatim.Web;

/// <summary>
/// Open ledgers for requests to borrow: each keeps its connection, its page cache and its prepared
/// statements between requests, which opening a ledger per request threw away every time.
/// </summary>
internal sealed class LedgerPool(ExplorerOptions options) : IDisposable
{
    private readonly ConcurrentBag<LedgerStore> _idle = new();
    private readonly int _keep = Math.Max(4, Environment.ProcessorCount * 4);

    public Lease Rent() => new(this, _idle.TryTake(out var store) ? store : LedgerStore.Open(options.Db, migrate: false));

    private void Return(LedgerStore store)
    {
        if (_idle.Count < _keep && store.Connection.State == System.Data.ConnectionState.Open) _idle.Add(store);
        else store.Dispose();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store)) store.Dispose();
    }

    /// <summary>A borrowed ledger; disposing it gives it back.</summary>
    public readonly struct Lease(LedgerPool pool, LedgerStore store) : IDisposable
    {
        public LedgerStore Store => store;

        public static implicit operator LedgerStore(Lease lease) => lease.Store;

        public void Dispose() => pool.Return(store);
    }
}

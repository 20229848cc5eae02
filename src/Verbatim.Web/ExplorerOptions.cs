namespace Verbatim.Web;

/// <summary>How `verbatim serve` runs the explorer.</summary>
public sealed record ExplorerOptions
{
    /// <summary>The ledger: a SQLite file or a postgres:// URL.</summary>
    public required string Db { get; init; }

    /// <summary>Where to listen; loopback unless told otherwise.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Writes (resolving forecasts, merging speakers) need this token; null means read-only.</summary>
    public string? WriteToken { get; init; }

    public bool AllowWrites => !string.IsNullOrEmpty(WriteToken);

    /// <summary>The largest request body accepted (a pasted article, a form).</summary>
    public long MaxRequestBytes { get; init; } = 1_000_000;

    /// <summary>The largest article text the paste page extracts.</summary>
    public int MaxPasteChars { get; init; } = 200_000;

    /// <summary>
    /// How long an answer (a page, an API response) is served again from memory for the same URL;
    /// zero turns the cache off. Writes through the explorer empty it at once; an ingest in
    /// another process shows after at most this long.
    /// </summary>
    public int CacheSeconds { get; init; } = 10;

    /// <summary>"Today" for forecast statuses; null means the server's date.</summary>
    public DateOnly? Today { get; init; }
}

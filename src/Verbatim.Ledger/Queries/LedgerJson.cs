using System.Text.Json;

namespace Verbatim.Ledger.Queries;

/// <summary>
/// The JSON of ledger answers, shared by the CLI (--format json) and the explorer's API so that
/// both give the same bytes for the same question: snake_case names, as docs/ledger.md lists them.
/// </summary>
public static class LedgerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>One speaker in full: identity, titles over time, statements and forecasts.</summary>
public sealed record SpeakerProfile(SpeakerRow Speaker, IReadOnlyList<QuoteRow> Quotes, IReadOnlyList<ForecastRow> Forecasts);

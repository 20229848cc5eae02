using System.Text.Json;

namespace Verbatim.Ledger.Queries;

/// <summary>Ledger answers as CSV: one row per item, the JSON fields as columns, nested values as JSON text.</summary>
public static class LedgerCsv
{
    public static void Write<T>(TextWriter output, IReadOnlyList<T> rows)
    {
        var elements = rows.Select(r => JsonSerializer.SerializeToElement(r, LedgerJson.Options)).ToList();
        var columns = elements.SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        if (columns.Count == 0) return;
        output.WriteLine(string.Join(',', columns.Select(Quote)));
        foreach (var e in elements)
        {
            output.WriteLine(string.Join(',', columns.Select(c => Quote(e.TryGetProperty(c, out var v) ? Cell(v) : ""))));
        }
    }

    private static string Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => v.GetRawText(),
    };

    // Quoted when needed; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a formula.
    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' && !double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            s = "'" + s;
        }
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}

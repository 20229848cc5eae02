using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Verbatim.Cli.Commands;

/// <summary>
/// How ledger queries print: a table for a person, or json (one array), jsonl (one object per
/// line) or csv (nested values as JSON text) for programs. Field names are snake_case, as
/// docs/ledger.md lists them.
/// </summary>
internal static class LedgerOutput
{
    public static readonly string[] Formats = ["table", "json", "jsonl", "csv"];

    public static JsonSerializerOptions Json => Verbatim.Ledger.Queries.LedgerJson.Options;

    public static void Write<T>(CliContext context, string format, IReadOnlyList<T> rows, string[] headers, Func<T, string[]> cells)
    {
        switch (format)
        {
            case "json":
                context.Out.WriteLine(JsonSerializer.Serialize(rows, Json));
                break;
            case "jsonl":
                foreach (var row in rows) context.Out.WriteLine(JsonSerializer.Serialize(row, Json));
                break;
            case "csv":
                WriteCsv(context.Out, rows);
                break;
            default:
                var console = CliContext.SpectreOver(context.Out, styled: context.ColorOut);
                if (rows.Count == 0)
                {
                    console.WriteLine("(none)");
                    return;
                }
                var table = new Table().Border(TableBorder.Simple);
                foreach (var h in headers) table.AddColumn(new TableColumn(h));
                foreach (var row in rows) table.AddRow(cells(row).Select(c => new Spectre.Console.Text(c)).ToArray<Spectre.Console.Rendering.IRenderable>());
                console.Write(table);
                break;
        }
    }

    private static void WriteCsv<T>(TextWriter output, IReadOnlyList<T> rows) => Verbatim.Ledger.Queries.LedgerCsv.Write(output, rows);

    /// <summary>A stored figure as the text report writes figures: "≤ 27", "≥ 12", "≈ 1200", "400–450".</summary>
    public static string Figure(double? value, double? low, double? high, string bound) =>
        Verbatim.Quantities.QuantityNotes.Number(value, low, high, Enum.Parse<Verbatim.Quantities.QuantityBound>(bound, ignoreCase: true));

    public static string Clip(string text, int max)
    {
        if (text.Length <= max) return text;
        var sb = new StringBuilder(text, 0, max - 1, max);
        return sb.Append('…').ToString();
    }
}

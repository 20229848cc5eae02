using System.Globalization;
using System.Text.RegularExpressions;

namespace Verbatim.Input;

/// <summary>
/// A publication time as pages and feeds write it: ISO 8601 ("2024-11-01T09:30:00+01:00", or a bare
/// date) or RFC 822 ("Fri, 01 Nov 2024 09:30:00 +0100", "… GMT", "… EST"). The day is the one in the
/// writer's own offset, since relative dates in the article ("yesterday") are the outlet's days.
/// </summary>
public readonly record struct PublicationTime(DateOnly Date, DateTimeOffset? At)
{
    // RFC 822 names its zones; these are the ones the RFC defines (military letters are too rare to matter).
    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
    ];

    private static readonly Regex ExplicitOffset = new(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Reads <paramref name="value"/>; null when it is not a date in either form.</summary>
    public static PublicationTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        return ParseIso(value) ?? ParseRfc822(value);
    }

    private static PublicationTime? ParseIso(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new PublicationTime(date, null);
        }
        if (value.Length < 11 || !char.IsAsciiDigit(value[0]) || value[4] != '-')
        {
            return null;
        }
        if (!ExplicitOffset.IsMatch(value))
        {
            // A local time with no offset: its day is known, its instant is not.
            return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new PublicationTime(DateOnly.FromDateTime(local), null)
                : null;
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new PublicationTime(DateOnly.FromDateTime(time.DateTime), time)
            : null;
    }

    private static PublicationTime? ParseRfc822(string value)
    {
        // The day name is optional and redundant; drop it so the formats stay few.
        int comma = value.IndexOf(',');
        if (comma >= 0) value = value[(comma + 1)..].Trim();
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4) return null;
        var zone = parts.Length >= 5 ? parts[^1] : "GMT";
        if (ZoneNames.TryGetValue(zone, out var offset))
        {
            zone = offset;
        }
        else if (zone.Length == 5 && zone[0] is '+' or '-')
        {
            zone = zone[..3] + ":" + zone[3..];
        }
        var normalized = string.Join(' ', parts.Take(4)) + " " + zone;
        return DateTimeOffset.TryParseExact(normalized, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new PublicationTime(DateOnly.FromDateTime(time.DateTime), time)
            : null;
    }
}

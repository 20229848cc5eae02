using System.Globalization;
using System.Text;
using Verbatim.Ledger.Storage;
using Verbatim.Speakers;

namespace Verbatim.Ledger.Identity;

/// <summary>
/// Gives each speaker a document names one identity across the ledger (docs/ledger.md, "Speakers").
/// In order:
/// 1. A name the ledger has seen (its key, or a correction someone pinned with speakers merge/split)
///    keeps the identity it had.
/// 2. A person's full name joins a known person with the same surname and a compatible given name
///    ("Tony Blinken" and "Antony Blinken"; "A. Blinken"), when exactly one such person exists.
/// 3. A surname alone ("Varga") joins the one known person with that surname; where several
///    share it, the one whose titles or affiliations agree with what this document says, or that
///    the same document names in full; otherwise it stays its own identity rather than a guess.
/// 4. Otherwise a new identity. Unnamed sources ("a senior official") and groups ("analysts")
///    are never merged across documents: two articles' officials are not known to be one person.
/// </summary>
internal sealed class SpeakerMatcher(LedgerStore store)
{
    public sealed record Match(long SpeakerId, string NameKey);

    /// <summary>The identity of <paramref name="speaker"/> as document <paramref name="documentId"/> names it.</summary>
    public Match Resolve(Speaker speaker, long documentId, IReadOnlyList<Speaker> sameDocument)
    {
        string key = KeyOf(speaker, documentId);
        if (store.ScalarLong("SELECT speaker_id FROM speaker_names WHERE name_key = @k", ("@k", key)) is { } known)
        {
            return new Match(known, key);
        }
        long? found = null;
        if (speaker.Type == SpeakerType.Person)
        {
            var words = Words(speaker.Name);
            if (words.Length >= 2)
            {
                found = FullNameMatch(words);
            }
            else if (words.Length == 1)
            {
                found = SurnameMatch(words[0], speaker, sameDocument);
            }
        }
        long id = found ?? Create(speaker);
        store.Execute("INSERT INTO speaker_names (name_key, speaker_id, pinned) VALUES (@k, @s, 0) ON CONFLICT (name_key) DO NOTHING",
            ("@k", key), ("@s", id));
        return new Match(id, key);
    }

    /// <summary>The ledger-wide key of a speaker's name: type and folded name; unnamed sources are keyed per document.</summary>
    public static string KeyOf(Speaker speaker, long documentId)
    {
        string type = TypeName(speaker.Type);
        return speaker.Type is SpeakerType.Anonymous or SpeakerType.Group
            ? $"{type}:{documentId}:{Fold(speaker.Name)}"
            : $"{type}:{Fold(speaker.Name)}";
    }

    public static string TypeName(SpeakerType type) => type.ToString().ToLowerInvariant();

    /// <summary>Lower case, accents and periods dropped, spaces collapsed: "Antony J. Blinken" and "antony j blinken" agree.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            if (char.IsWhiteSpace(c) || c == '\u2019' || c == '\'')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string[] Words(string name) =>
        Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("jr" or "sr" or "ii" or "iii")).ToArray();

    private long? FullNameMatch(string[] words)
    {
        string surname = words[^1], given = words[0];
        var candidates = store.Query("SELECT id, given FROM speakers WHERE type = 'person' AND surname = @s AND given IS NOT NULL",
            r => (Id: r.GetInt64(0), Given: r.GetString(1)), ("@s", surname));
        var compatible = candidates.Where(c => GivenNamesAgree(c.Given, given)).ToList();
        return compatible.Count == 1 ? compatible[0].Id : null;
    }

    private long? SurnameMatch(string surname, Speaker speaker, IReadOnlyList<Speaker> sameDocument)
    {
        var candidates = store.Query("SELECT id, name FROM speakers WHERE type = 'person' AND surname = @s AND given IS NOT NULL",
            r => (Id: r.GetInt64(0), Name: r.GetString(1)), ("@s", surname));
        if (candidates.Count == 1) return candidates[0].Id;
        if (candidates.Count == 0) return null;
        // The document names one of them in full: "Helena Varga … Varga said".
        var named = candidates.Where(c => sameDocument.Any(s => s.Type == SpeakerType.Person && Fold(s.Name) == Fold(c.Name))).ToList();
        if (named.Count == 1) return named[0].Id;
        // Titles or affiliations that agree: "Minister Varga" is the minister, not the fire chief.
        var hints = new[] { speaker.Title, speaker.Affiliation }.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => Fold(h!)).ToList();
        if (hints.Count == 0) return null;
        var agreeing = candidates.Where(c => store.Query(
                "SELECT title, affiliation FROM speaker_mentions WHERE speaker_id = @id",
                r => (Title: r.IsDBNull(0) ? null : r.GetString(0), Affiliation: r.IsDBNull(1) ? null : r.GetString(1)), ("@id", c.Id))
            .Any(m => hints.Any(h => Overlaps(h, m.Title) || Overlaps(h, m.Affiliation))))
            .ToList();
        return agreeing.Count == 1 ? agreeing[0].Id : null;
    }

    private static bool Overlaps(string hint, string? known)
    {
        if (string.IsNullOrWhiteSpace(known)) return false;
        var a = hint.Split(' ');
        var b = Fold(known).Split(' ');
        return a.Any(w => w.Length > 3 && b.Contains(w));
    }

    /// <summary>Two given names that can be one person's: equal, an initial, one a short form of the other, or a known nickname.</summary>
    internal static bool GivenNamesAgree(string a, string b)
    {
        if (a == b) return true;
        if (a.Length == 1 || b.Length == 1) return a[0] == b[0];
        if (a.Length >= 3 && b.Length >= 3 && (a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal))) return true;
        if (a.Length >= 3 && b.Length >= 3 && (a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal))) return true;   // Tony / Antony
        return Nicknames.Agree(a, b);
    }

    private long Create(Speaker speaker)
    {
        var words = Words(speaker.Name);
        bool person = speaker.Type == SpeakerType.Person;
        return store.Insert("""
            INSERT INTO speakers (name, type, surname, given, created_at) VALUES (@n, @t, @s, @g, @c) RETURNING id
            """,
            ("@n", speaker.Name), ("@t", TypeName(speaker.Type)),
            ("@s", person && words.Length > 0 ? words[^1] : null),
            ("@g", person && words.Length > 1 ? words[0] : null),
            ("@c", DateTimeOffset.UtcNow.ToString("O")));
    }
}

/// <summary>Common English nicknames of given names (both directions).</summary>
internal static class Nicknames
{
    private static readonly Dictionary<string, string[]> s_forms = new(StringComparer.Ordinal)
    {
        ["william"] = ["bill", "will", "billy", "liam"],
        ["robert"] = ["bob", "rob", "bobby"],
        ["richard"] = ["dick", "rick", "rich"],
        ["james"] = ["jim", "jimmy", "jamie"],
        ["joseph"] = ["joe", "joey"],
        ["michael"] = ["mike", "mick"],
        ["elizabeth"] = ["liz", "beth", "betty", "eliza", "lisa"],
        ["margaret"] = ["maggie", "peggy", "meg"],
        ["katherine"] = ["kate", "kathy", "katie"],
        ["catherine"] = ["kate", "cathy"],
        ["edward"] = ["ed", "ted", "eddie"],
        ["thomas"] = ["tom", "tommy"],
        ["tomas"] = ["tom"],
        ["anthony"] = ["tony"],
        ["antony"] = ["tony"],
        ["charles"] = ["charlie", "chuck"],
        ["christopher"] = ["chris"],
        ["daniel"] = ["dan", "danny"],
        ["david"] = ["dave"],
        ["jennifer"] = ["jen", "jenny"],
        ["nicholas"] = ["nick"],
        ["alexander"] = ["alex", "sasha"],
        ["alexandra"] = ["alex", "sasha"],
        ["benjamin"] = ["ben"],
        ["samuel"] = ["sam"],
        ["steven"] = ["steve"],
        ["stephen"] = ["steve"],
        ["patricia"] = ["pat", "patty"],
        ["susan"] = ["sue"],
        ["helena"] = ["lena"],
        ["john"] = ["jack", "johnny"],
        ["henry"] = ["harry", "hank"],
        ["theodore"] = ["ted", "teddy"],
        ["lawrence"] = ["larry"],
        ["gregory"] = ["greg"],
        ["jeffrey"] = ["jeff"],
        ["kenneth"] = ["ken"],
        ["ronald"] = ["ron"],
        ["donald"] = ["don"],
        ["gerald"] = ["gerry", "jerry"],
        ["frederick"] = ["fred"],
        ["vladimir"] = ["vlad"],
        ["volodymyr"] = ["volodya"],
    };

    public static bool Agree(string a, string b) =>
        (s_forms.TryGetValue(a, out var fa) && fa.Contains(b)) || (s_forms.TryGetValue(b, out var fb) && fb.Contains(a));
}

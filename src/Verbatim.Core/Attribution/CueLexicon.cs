
namespace Verbatim.Attribution;

/// <summary>
/// The reporting and attitude verbs of Lexicons/cue-verbs.txt with their inflected forms. A feature
/// of the cue tagger, so that verbs rare in the training data still look like cues.
/// </summary>
internal static class CueLexicon
{
    public const int None = 0, Speech = 1, Belief = 2, Source = 3;

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Forms = Load();

    public static int Of(ReadOnlySpan<char> word)
    {
        if (word.Length > 32) return None;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Forms.TryGetValue(lower, out int group) ? group : None;
    }

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (section, line) in Lexicons.LexiconFile.Read("cue-verbs.txt"))
        {
            int group = section switch { "speech" => Speech, "belief" => Belief, _ => Source };
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in Inflect(words[0]).Concat(words.Skip(1)))
            {
                forms.TryAdd(form, group);
            }
        }
        return forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static IEnumerable<string> Inflect(string lemma)
    {
        yield return lemma;
        bool e = lemma.EndsWith('e');
        bool y = lemma.EndsWith('y') && lemma.Length > 2 && !"aeiou".Contains(lemma[^2]);
        yield return y ? lemma[..^1] + "ies" : lemma.EndsWith('s') || lemma.EndsWith("sh") || lemma.EndsWith("ch") || lemma.EndsWith('x') ? lemma + "es" : lemma + "s";
        yield return e ? lemma + "d" : y ? lemma[..^1] + "ied" : lemma + "ed";
        yield return e && !lemma.EndsWith("ee") ? lemma[..^1] + "ing" : lemma + "ing";
        // Doubled final consonant (admit, commit, regret): admitted, admitting.
        if (lemma.Length > 2 && "bdgmnprt".Contains(lemma[^1]) && "aeiou".Contains(lemma[^2]) && !"aeiou".Contains(lemma[^3]))
        {
            yield return lemma + lemma[^1] + "ed";
            yield return lemma + lemma[^1] + "ing";
        }
    }
}

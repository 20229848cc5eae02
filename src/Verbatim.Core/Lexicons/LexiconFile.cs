namespace Verbatim.Lexicons;

/// <summary>
/// Reads the word lists embedded from Lexicons/*.txt: one entry per line, blank lines and
/// comments skipped, optional "[section]" headers. Every stage's lexicon goes through here, so
/// the files share one format and one error for a missing resource.
/// </summary>
internal static class LexiconFile
{
    /// <summary>
    /// The entries of Lexicons/<paramref name="file"/> with the section each stands in ("" before
    /// the first header), trimmed. A line starting with '#' is a comment; with
    /// <paramref name="inlineComments"/>, so is everything after a '#' anywhere on a line.
    /// </summary>
    public static IEnumerable<(string Section, string Line)> Read(string file, bool inlineComments = false)
    {
        string resource = "Verbatim.Lexicons." + file;
        using var stream = typeof(LexiconFile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The lexicon {resource} is not embedded in {typeof(LexiconFile).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        string section = "";
        while (reader.ReadLine() is { } raw)
        {
            int hash = inlineComments ? raw.IndexOf('#') : -1;
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                continue;
            }
            yield return (section, line);
        }
    }
}

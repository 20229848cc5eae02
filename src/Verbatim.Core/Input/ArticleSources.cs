namespace Verbatim.Input;

/// <summary>
/// Turns what a user names (files, folders, "-" for stdin) into one stream of items, in order.
/// A folder gives its *.txt files (or *.jsonl for JSON Lines), recursively, sorted by path, so a
/// batch runs in the same order everywhere. A path that does not exist is a failed item, not an error
/// that stops the batch.
/// </summary>
public sealed class ArticleSources : IArticleSource
{
    /// <summary>The name stdin has in arguments and messages.</summary>
    public const string StdinName = "-";

    private readonly IReadOnlyList<string> _paths;
    private readonly InputFormat _format;
    private readonly DateOnly? _published;
    private readonly Func<Stream> _stdin;
    private readonly long _maxBytes;

    public ArticleSources(IReadOnlyList<string> paths, InputFormat format, DateOnly? published = null, Func<Stream>? stdin = null,
        long maxBytes = InputLimits.DefaultMaxBytes)
    {
        _maxBytes = maxBytes;
        _paths = paths;
        _format = format;
        _published = published;
        _stdin = stdin ?? Console.OpenStandardInput;
    }

    /// <summary>The file extension a folder is searched for under <paramref name="format"/>.</summary>
    public static string Extension(InputFormat format) => format == InputFormat.JsonLines ? ".jsonl" : ".txt";

    /// <summary>
    /// The sources in order, one per file; folders are listed here (names only, so a large folder costs
    /// little) and their files read later, one at a time.
    /// </summary>
    public IEnumerable<IArticleSource> Expand()
    {
        foreach (var path in _paths)
        {
            if (path == StdinName)
            {
                yield return _format == InputFormat.JsonLines
                    ? new JsonLinesSource(_stdin, "stdin", _published, _maxBytes)
                    : new TextFileSource(_stdin, "stdin", "stdin", _published, _maxBytes);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in ListFolder(path, _format))
                {
                    yield return ForFile(file);
                }
            }
            else
            {
                yield return ForFile(path);
            }
        }
    }

    public IEnumerable<ArticleItem> Read() => Expand().SelectMany(source => source.Read());

    /// <summary>The files of a folder that hold articles in <paramref name="format"/>, sorted by path (ordinal).</summary>
    public static IEnumerable<string> ListFolder(string folder, InputFormat format)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseSensitive };
        return Directory.EnumerateFiles(folder, "*" + Extension(format), options).Order(StringComparer.Ordinal);
    }

    private IArticleSource ForFile(string path) => _format == InputFormat.JsonLines
        ? new JsonLinesSource(path, _published, _maxBytes)
        : new TextFileSource(path, _published, _maxBytes);
}

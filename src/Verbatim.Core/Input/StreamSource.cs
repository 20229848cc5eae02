namespace Verbatim.Input;

/// <summary>
/// A source read from one stream (a file, stdin, an HTTP body): it holds what every such source
/// needs (how to open the stream, the input's name for messages, the default publication date and
/// the size limit), and turns a stream that cannot be opened into one failed item, so each format
/// only says how to read its items.
/// </summary>
public abstract class StreamSource : IArticleSource
{
    private readonly Func<Stream> _open;

    protected StreamSource(Func<Stream> open, string inputName, DateOnly? published, long maxBytes)
    {
        _open = open;
        InputName = inputName;
        Published = published;
        MaxBytes = maxBytes;
    }

    /// <summary>The input's name in messages and item names.</summary>
    protected string InputName { get; }

    /// <summary>The publication date of items that give none.</summary>
    protected DateOnly? Published { get; }

    protected long MaxBytes { get; }

    /// <summary>Opens <paramref name="path"/> for one sequential read.</summary>
    protected static Func<Stream> OpenFile(string path) =>
        () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    public IEnumerable<ArticleItem> Read()
    {
        Stream stream;
        try
        {
            stream = Open(_open);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ArticleItem.Failed(InputName, InputErrors.Describe(e))];
        }
        return ReadFrom(stream);
    }

    /// <summary>The stream to read; a format wraps it here (WARC: gunzip).</summary>
    protected virtual Stream Open(Func<Stream> open) => open();

    /// <summary>The items of the opened stream, which this method disposes.</summary>
    protected abstract IEnumerable<ArticleItem> ReadFrom(Stream stream);
}

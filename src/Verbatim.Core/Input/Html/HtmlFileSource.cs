using Verbatim.Text;

namespace Verbatim.Input.Html;

/// <summary>
/// One saved news page (a file, or stdin) holding one article. The id is the page's canonical
/// address when it declares one, else the file name without extension.
/// </summary>
public sealed class HtmlFileSource : IArticleSource
{
    private readonly Func<Stream> _open;
    private readonly string _inputName;
    private readonly DocumentMetadata _fallback;
    private readonly long _maxBytes;

    /// <param name="published">The publication date to record when the page gives none.</param>
    public HtmlFileSource(string path, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
        : this(() => File.OpenRead(path), path, Path.GetFileNameWithoutExtension(path), published, maxBytes)
    {
    }

    /// <summary>Reads from a stream opened on demand (stdin); <paramref name="id"/> names the document unless the page does.</summary>
    public HtmlFileSource(Func<Stream> open, string inputName, string id, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
    {
        _open = open;
        _inputName = inputName;
        _fallback = new DocumentMetadata(id, Published: published);
        _maxBytes = maxBytes;
    }

    public IEnumerable<ArticleItem> Read()
    {
        yield return ReadOne();
    }

    private ArticleItem ReadOne()
    {
        byte[]? bytes;
        try
        {
            using var stream = _open();
            bytes = InputLimits.ReadAtMost(stream, _maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArticleItem.Failed(_inputName, InputErrors.Describe(e));
        }
        return bytes is null
            ? ArticleItem.Failed(_inputName, InputLimits.TooLarge(null, _maxBytes))
            : HtmlArticleReader.Read(_inputName, bytes, null, _fallback);
    }
}

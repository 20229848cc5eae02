using Verbatim.Text;

namespace Verbatim.Input;

/// <summary>One UTF-8 text file (or stdin) holding one article. The document id defaults to the file name without extension.</summary>
public sealed class TextFileSource : IArticleSource
{
    private readonly string _path;
    private readonly string _inputName;
    private readonly Func<Stream>? _open;
    private readonly DateOnly? _published;

    /// <param name="path">The file to read.</param>
    /// <param name="published">The publication date to record, when the caller knows it.</param>
    public TextFileSource(string path, DateOnly? published = null)
    {
        _path = path;
        _inputName = path;
        _published = published;
    }

    /// <summary>Reads from a stream opened on demand (stdin); <paramref name="id"/> names the document.</summary>
    public TextFileSource(Func<Stream> open, string inputName, string id, DateOnly? published = null)
    {
        _open = open;
        _path = id;
        _inputName = inputName;
        _published = published;
    }

    public IEnumerable<ArticleItem> Read()
    {
        yield return ReadOne();
    }

    private ArticleItem ReadOne()
    {
        string text;
        try
        {
            if (_open is null)
            {
                text = TextDecoder.Decode(File.ReadAllBytes(_path), _inputName);
            }
            else
            {
                using var stream = _open();
                text = TextDecoder.Decode(stream, _inputName);
            }
        }
        catch (InvalidInputException e)
        {
            return ArticleItem.Failed(_inputName, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ArticleItem.Failed(_inputName, InputErrors.Describe(e));
        }
        if (text.Length == 0)
        {
            return ArticleItem.Failed(_inputName, "empty file");
        }
        var id = _open is null ? Path.GetFileNameWithoutExtension(_path) : _path;
        return ArticleItem.Read(_inputName, new Article(new DocumentMetadata(id, Published: _published), text));
    }
}

/// <summary>Turns file-system exceptions into the short reasons a user sees ("no such file or directory").</summary>
internal static class InputErrors
{
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };
}

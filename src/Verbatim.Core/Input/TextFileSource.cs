using Verbatim.Text;

namespace Verbatim.Input;

/// <summary>One UTF-8 text file (or stdin) holding one article. The document id defaults to the file name without extension.</summary>
public sealed class TextFileSource : IArticleSource
{
    private readonly string _path;
    private readonly string _inputName;
    private readonly Func<Stream>? _open;
    private readonly DateOnly? _published;
    private readonly long _maxBytes;

    /// <param name="path">The file to read.</param>
    /// <param name="published">The publication date to record, when the caller knows it.</param>
    /// <param name="maxBytes">Larger files are refused unread (see <see cref="InputLimits"/>).</param>
    public TextFileSource(string path, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
    {
        _path = path;
        _inputName = path;
        _published = published;
        _maxBytes = maxBytes;
    }

    /// <summary>Reads from a stream opened on demand (stdin); <paramref name="id"/> names the document.</summary>
    public TextFileSource(Func<Stream> open, string inputName, string id, DateOnly? published = null, long maxBytes = InputLimits.DefaultMaxBytes)
    {
        _open = open;
        _path = id;
        _inputName = inputName;
        _published = published;
        _maxBytes = maxBytes;
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
                long length = new FileInfo(_path).Length;
                if (length > _maxBytes)
                {
                    return ArticleItem.Failed(_inputName, InputLimits.TooLarge(length, _maxBytes));
                }
                text = TextDecoder.Decode(File.ReadAllBytes(_path), _inputName);
            }
            else
            {
                using var stream = _open();
                var bytes = InputLimits.ReadAtMost(stream, _maxBytes);
                if (bytes is null)
                {
                    return ArticleItem.Failed(_inputName, InputLimits.TooLarge(null, _maxBytes));
                }
                text = TextDecoder.Decode(bytes, _inputName);
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

/// <summary>
/// How large an article may be. News articles run to tens of kilobytes; extraction is linear in the
/// text (a 10 MB article takes a few seconds), but memory grows with it (about 60 bytes per
/// character at the peak), so inputs beyond 16 MB are refused up front with a reason rather than
/// risk a batch. `--max-size` raises the limit.
/// </summary>
public static class InputLimits
{
    public const long DefaultMaxBytes = 16_000_000;

    public static string TooLarge(long? bytes, long max) =>
        bytes is long b ? $"too large ({b} bytes; the limit is {max})" : $"too large (more than the limit of {max} bytes)";

    /// <summary>The stream's bytes, or null when there are more than <paramref name="max"/>.</summary>
    public static byte[]? ReadAtMost(Stream stream, long max)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > max) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
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

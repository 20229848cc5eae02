namespace Verbatim.Input;

/// <summary>
/// Something that yields articles one at a time: a text file, a folder, a JSON Lines feed, stdin.
/// Sources are lazy: nothing is read until enumerated, and an item is dropped by the source as soon
/// as the next is requested, so a batch of any size runs in bounded memory.
/// </summary>
public interface IArticleSource
{
    IEnumerable<ArticleItem> Read();
}

/// <summary>How an input's bytes are laid out.</summary>
public enum InputFormat
{
    /// <summary>One article per file, UTF-8 text.</summary>
    Text,
    /// <summary>One article per line: a JSON object {id, text, title?, published?, url?, source?}.</summary>
    JsonLines,
}

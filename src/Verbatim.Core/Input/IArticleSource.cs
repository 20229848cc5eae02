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
    /// <summary>One article per line: a JSON object {id, text or html, title?, published?, url?, source?}.</summary>
    JsonLines,
    /// <summary>Each input's format from its name (.html, .xml, .warc.gz, .jsonl, .txt…) or its first bytes.</summary>
    Auto,
    /// <summary>One news page per file; its article text and metadata are extracted.</summary>
    Html,
    /// <summary>An RSS 2.0 or Atom feed: one article per item or entry.</summary>
    Rss,
    /// <summary>A web archive (WARC 1.0/1.1, plain or gzipped): one article per HTML response record.</summary>
    Warc,
}

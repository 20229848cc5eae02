using Verbatim.Text;

namespace Verbatim.Input;

/// <summary>One article read from an input: what is known about it and its exact text.</summary>
public sealed record Article(DocumentMetadata Metadata, string Text);

/// <summary>
/// One item of a batch: either an article or the reason it could not be read. A failed item never
/// stops a batch; the caller reports it (<see cref="InputName"/>: <see cref="FailureReason"/>) and
/// goes on with the rest.
/// </summary>
public sealed class ArticleItem
{
    private ArticleItem(string inputName, Article? article, string? failureReason)
    {
        InputName = inputName;
        Article = article;
        FailureReason = failureReason;
    }

    /// <summary>Where the item came from, as the user would name it: "dir/a.txt", "feed.jsonl:12", "-".</summary>
    public string InputName { get; }

    public Article? Article { get; }

    /// <summary>Why the item could not be read; null when it was.</summary>
    public string? FailureReason { get; }

    public bool Succeeded => Article is not null;

    public static ArticleItem Read(string inputName, Article article) => new(inputName, article, null);

    public static ArticleItem Failed(string inputName, string reason) => new(inputName, null, reason);
}

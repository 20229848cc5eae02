using System.Collections.Immutable;

namespace Verbatim.Text;

/// <summary>
/// One article: its exact text (never altered after decoding) and the text layer built over it:
/// tokens, sentences, paragraphs and quotations. Pipeline stages never re-read raw text to find
/// structure; each adds a layer (attributions, speakers, ...) with <see cref="With{T}"/>, which
/// returns a new document and leaves this one untouched.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<Type, object> _layers;
    private int[]? _surrogateLows;

    public Document(
        string text,
        DocumentMetadata metadata,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<Quotation> quotations)
        : this(text, metadata, tokens, sentences, paragraphs, quotations, ImmutableDictionary<Type, object>.Empty)
    {
    }

    private Document(
        string text,
        DocumentMetadata metadata,
        ImmutableArray<Token> tokens,
        ImmutableArray<Sentence> sentences,
        ImmutableArray<Paragraph> paragraphs,
        ImmutableArray<Quotation> quotations,
        ImmutableDictionary<Type, object> layers)
    {
        Text = text;
        Metadata = metadata;
        Tokens = tokens;
        Sentences = sentences;
        Paragraphs = paragraphs;
        Quotations = quotations;
        _layers = layers;
    }

    public string Text { get; }
    public DocumentMetadata Metadata { get; }
    public ImmutableArray<Token> Tokens { get; }
    public ImmutableArray<Sentence> Sentences { get; }
    public ImmutableArray<Paragraph> Paragraphs { get; }
    public ImmutableArray<Quotation> Quotations { get; }

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);
    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);
    public ReadOnlySpan<char> TokenText(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    /// <summary>Returns a copy of this document with <paramref name="layer"/> added (or replaced).</summary>
    public Document With<T>(T layer) where T : class =>
        new(Text, Metadata, Tokens, Sentences, Paragraphs, Quotations, _layers.SetItem(typeof(T), layer))
        { _surrogateLows = _surrogateLows };

    /// <summary>The layer of type <typeparamref name="T"/>, or null when no stage has added it.</summary>
    public T? Get<T>() where T : class => _layers.TryGetValue(typeof(T), out var layer) ? (T)layer : null;

    /// <summary>The layer of type <typeparamref name="T"/>; throws when the stage that adds it has not run.</summary>
    public T Require<T>() where T : class =>
        Get<T>() ?? throw new InvalidOperationException($"The document has no {typeof(T).Name} layer: run the stage that adds it first.");

    /// <summary>
    /// Converts a UTF-16 index into the Unicode code point offset that outputs use (they count code
    /// points, as PolNeAR and the scorers do). O(log n) after a one-time scan for surrogate pairs.
    /// </summary>
    public int ToCodePoint(int utf16Index)
    {
        var lows = _surrogateLows ??= FindSurrogateLows(Text);
        if (lows.Length == 0)
        {
            return utf16Index;
        }
        int i = Array.BinarySearch(lows, utf16Index);
        int before = i >= 0 ? i : ~i;   // low surrogates strictly before utf16Index
        return utf16Index - before;
    }

    /// <summary>The inverse of <see cref="ToCodePoint"/>.</summary>
    public int FromCodePoint(int codePoint)
    {
        var lows = _surrogateLows ??= FindSurrogateLows(Text);
        int index = codePoint;
        foreach (var low in lows)
        {
            if (low < index + 1) { index++; } else { break; }
        }
        return index;
    }

    private static int[] FindSurrogateLows(string text)
    {
        List<int>? lows = null;
        for (int i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                (lows ??= new()).Add(i);
            }
        }
        return lows?.ToArray() ?? [];
    }

    /// <summary>Index of the token that contains or starts at or after <paramref name="index"/>.</summary>
    public int TokenAt(int index)
    {
        int lo = 0, hi = Tokens.Length - 1, found = Tokens.Length;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].End > index) { found = mid; hi = mid - 1; } else { lo = mid + 1; }
        }
        return found;
    }

    /// <summary>Index of the sentence containing token <paramref name="token"/>.</summary>
    public int SentenceOfToken(int token)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (Sentences[mid].FirstToken <= token) { lo = mid; } else { hi = mid - 1; }
        }
        return lo;
    }

    /// <summary>Index of the paragraph containing sentence <paramref name="sentence"/>.</summary>
    public int ParagraphOfSentence(int sentence)
    {
        int lo = 0, hi = Paragraphs.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (Paragraphs[mid].FirstSentence <= sentence) { lo = mid; } else { hi = mid - 1; }
        }
        return lo;
    }
}

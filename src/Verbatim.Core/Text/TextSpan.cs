namespace Verbatim.Text;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in a <see cref="Document"/>'s text.
/// Everything inside the engine works in UTF-16 indices (what .NET strings use); writers convert
/// to Unicode code points at the edge with <see cref="Document.ToCodePoint"/>.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public bool Contains(int index) => index >= Start && index < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public static TextSpan Cover(TextSpan a, TextSpan b) => new(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    public override string ToString() => $"[{Start},{End})";
}

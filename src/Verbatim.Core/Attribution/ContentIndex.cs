using Verbatim.Text;

namespace Verbatim.Attribution;

/// <summary>
/// Finds the attribution whose content holds a span, for the layers that tie their facts to the
/// statement that carries them (figures, dates). The content pieces are sorted by start, and no
/// piece is longer than the longest one, so a lookup is a binary search and a short backward
/// scan: a long article with thousands of figures and attributions never compares every pair.
/// </summary>
public sealed class ContentIndex
{
    private readonly int[] _starts;
    private readonly TextSpan[] _pieces;
    private readonly int[] _ids;
    private readonly int[] _order;
    private readonly int _longest;

    public ContentIndex(IReadOnlyList<Attribution> attributions)
    {
        var pieces = new List<(TextSpan Piece, int Id, int Order)>();
        for (int i = 0; i < attributions.Count; i++)
        {
            foreach (var piece in attributions[i].Content) pieces.Add((piece, attributions[i].Id, i));
        }
        pieces.Sort((a, b) => a.Piece.Start.CompareTo(b.Piece.Start));
        _starts = pieces.Select(p => p.Piece.Start).ToArray();
        _pieces = pieces.Select(p => p.Piece).ToArray();
        _ids = pieces.Select(p => p.Id).ToArray();
        _order = pieces.Select(p => p.Order).ToArray();
        _longest = pieces.Count == 0 ? 0 : pieces.Max(p => p.Piece.Length);
    }

    /// <summary>
    /// The id of the innermost attribution holding <paramref name="span"/> (the shortest content
    /// piece that contains it; on a tie, the attribution first in the layer), or null.
    /// </summary>
    public int? Innermost(TextSpan span)
    {
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] <= span.Start) lo = mid + 1; else hi = mid;
        }
        int best = -1;
        for (int j = lo - 1; j >= 0 && _starts[j] >= span.Start - _longest; j--)
        {
            if (!_pieces[j].Contains(span)) continue;
            if (best < 0 || _pieces[j].Length < _pieces[best].Length
                || (_pieces[j].Length == _pieces[best].Length && _order[j] < _order[best]))
            {
                best = j;
            }
        }
        return best < 0 ? null : _ids[best];
    }
}

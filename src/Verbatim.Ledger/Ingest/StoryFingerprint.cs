using System.Globalization;
using Verbatim.Text;

namespace Verbatim.Ledger.Ingest;

/// <summary>
/// Near-copies (one wire story in several outlets, lightly edited) by MinHash over five-word
/// shingles: 64 minimums whose agreement estimates the shingle sets' Jaccard similarity, split into
/// 16 bands of 4 so that the ledger finds candidates with an index look-up per band instead of
/// comparing every pair of documents.
/// </summary>
internal static class StoryFingerprint
{
    public const int Hashes = 64;
    private const int BandRows = 4;
    private const int ShingleWords = 5;

    /// <summary>Estimated Jaccard similarity at or above which two documents carry the same story.</summary>
    public const double SameStory = 0.6;

    public static ulong[] Signature(Document document)
    {
        var words = new List<ulong>();
        for (int t = 0; t < document.Tokens.Length; t++)
        {
            if (document.Tokens[t].Kind is not (TokenKind.Word or TokenKind.Number)) continue;
            ulong h = 14695981039346656037UL;
            foreach (char c in document.TokenText(t))
            {
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
            words.Add(h);
        }
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        for (int i = 0; i + ShingleWords <= Math.Max(words.Count, ShingleWords); i++)
        {
            ulong shingle = 0;
            for (int k = 0; k < ShingleWords && i + k < words.Count; k++) shingle = Mix(shingle * 31 + words[i + k]);
            for (int j = 0; j < Hashes; j++)
            {
                ulong v = Mix(shingle ^ Seeds[j]);
                if (v < signature[j]) signature[j] = v;
            }
        }
        return signature;
    }

    private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    public static IEnumerable<string> Bands(ulong[] signature)
    {
        for (int b = 0; b < Hashes / BandRows; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < BandRows; r++) h = Mix(h ^ signature[b * BandRows + r]);
            yield return b.ToString(CultureInfo.InvariantCulture) + ":" + h.ToString("x16", CultureInfo.InvariantCulture);
        }
    }

    public static double Similarity(ulong[] a, ulong[] b)
    {
        int same = 0;
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++) if (a[i] == b[i]) same++;
        return (double)same / Hashes;
    }

    public static string Encode(ulong[] signature) => string.Join(',', signature.Select(v => v.ToString("x", CultureInfo.InvariantCulture)));

    public static ulong[] Decode(string text) =>
        text.Split(',').Select(v => ulong.Parse(v, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
}

using System.IO.Compression;
using System.Text;

namespace Verbatim.Ledger.Storage;

/// <summary>
/// The extraction JSON as the ledger keeps it: gzip of its UTF-8, about a fifth of the size. The
/// whole document's JSON repeats the text and every layer, and writing it uncompressed was a
/// sixth of the ingest writer's time; compressing happens on the extraction threads.
/// </summary>
public static class StoredJson
{
    public static byte[] Pack(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return output.ToArray();
    }

    public static string Unpack(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The JSON of a stored extraction value (a BLOB/bytea), or null.</summary>
    public static string? Read(object? value) => value is byte[] bytes ? Unpack(bytes) : null;
}

using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Verbatim.Input;

namespace Verbatim.Text;

/// <summary>
/// Turns input bytes into the text a <see cref="Document"/> is built over. Strict: offsets in
/// every output point into this text, so nothing may be silently replaced or guessed. A UTF-8
/// byte order mark is dropped; anything that is not UTF-8 text is refused with a message that
/// says where.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
    private static readonly SearchValues<byte> BinaryControls = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
         0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    /// <summary>Above this share of control bytes an input is taken for binary data, not text with a few stray controls.</summary>
    private const double MaxControlShare = 0.05;

    /// <summary>Decodes strict UTF-8. An empty input gives an empty string: whether that is an error is the caller's call.</summary>
    /// <exception cref="InvalidInputException">The bytes are not UTF-8, or look like binary data.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        int bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InvalidInputException(inputName, "looks like UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        var body = bytes[bom..];
        CheckNotBinary(body, inputName);

        if (!Utf8.IsValid(body))
        {
            int offset = FirstInvalidOffset(body);
            throw new InvalidInputException(inputName, $"not valid UTF-8 (invalid byte 0x{body[offset]:X2} at offset {offset + bom})");
        }
        return Utf8Strict.GetString(body);
    }

    /// <summary>Reads the whole stream and decodes it as <see cref="Decode(ReadOnlySpan{byte}, string)"/> does.</summary>
    public static string Decode(Stream stream, string inputName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining > Array.MaxLength)
            {
                throw new InvalidInputException(inputName, $"too large ({remaining} bytes)");
            }
            var buffer = new byte[remaining];
            stream.ReadExactly(buffer);
            return Decode(buffer, inputName);
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Decode(copy.GetBuffer().AsSpan(0, (int)copy.Length), inputName);
    }

    private static void CheckNotBinary(ReadOnlySpan<byte> bytes, string inputName)
    {
        if (bytes.IndexOf((byte)0) is int nul and >= 0)
        {
            throw new InvalidInputException(inputName, $"looks like binary data (NUL byte at offset {nul})");
        }
        int controls = 0;
        for (var rest = bytes; rest.IndexOfAny(BinaryControls) is int i and >= 0; rest = rest[(i + 1)..])
        {
            controls++;
        }
        if (controls > 0 && controls >= bytes.Length * MaxControlShare)
        {
            throw new InvalidInputException(inputName, $"looks like binary data ({controls} control bytes in {bytes.Length})");
        }
    }

    private static int FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return offset;
    }
}

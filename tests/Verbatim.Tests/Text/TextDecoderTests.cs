using System.Text;
using Verbatim.Input;
using Verbatim.Text;

namespace Verbatim.Tests.Text;

public class TextDecoderTests
{
    [Fact]
    public void DecodesUtf8()
    {
        const string text = "Kiev’s “quote” — naïve 😀\r\n";
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text), "a.txt"));
    }

    [Fact]
    public void StripsTheByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Hello"u8];
        Assert.Equal("Hello", TextDecoder.Decode(bytes, "a.txt"));
    }

    [Fact]
    public void KeepsAByteOrderMarkThatIsNotAtTheStart()
    {
        byte[] bytes = [.. "a"u8, 0xEF, 0xBB, 0xBF, .. "b"u8];
        Assert.Equal("a\uFEFFb", TextDecoder.Decode(bytes, "a.txt"));
    }

    [Fact]
    public void EmptyInputIsEmptyText()
    {
        Assert.Equal("", TextDecoder.Decode([], "empty.txt"));
        Assert.Equal("", TextDecoder.Decode([0xEF, 0xBB, 0xBF], "bom-only.txt"));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x62, 0xFF, 0x63 }, 0xFF, 2)]
    [InlineData(new byte[] { 0x61, 0xC3 }, 0xC3, 1)]                 // truncated sequence at the end
    [InlineData(new byte[] { 0xC0, 0xAF }, 0xC0, 0)]                 // overlong "/"
    [InlineData(new byte[] { 0x61, 0xED, 0xA0, 0x80 }, 0xED, 1)]     // an encoded surrogate
    [InlineData(new byte[] { 0x61, 0x80 }, 0x80, 1)]                 // a lone continuation byte
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xFE }, 0xFE, 4)] // the offset counts the BOM
    public void RefusesInvalidUtf8AndSaysWhere(byte[] bytes, int badByte, int offset)
    {
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(bytes, "story.txt"));
        Assert.Equal("story.txt", e.InputName);
        Assert.Equal($"not valid UTF-8 (invalid byte 0x{badByte:X2} at offset {offset})", e.Reason);
        Assert.Equal($"story.txt: {e.Reason}", e.Message);
    }

    [Fact]
    public void RefusesLatin1WithTheOffsetOfTheFirstBadByte()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 ol\u00e9");
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(bytes, "latin1.txt"));
        Assert.Equal("latin1.txt: not valid UTF-8 (invalid byte 0xE9 at offset 3)", e.Message);
    }

    [Fact]
    public void RefusesNulBytesAsBinary()
    {
        byte[] bytes = [.. "Hello"u8, 0x00, .. "world"u8];
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(bytes, "x.bin"));
        Assert.StartsWith("looks like binary data", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesManyControlBytesAsBinary()
    {
        var bytes = new byte[1000];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i % 10 == 0 ? 0x01 : 'a');
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(bytes, "x.bin"));
        Assert.StartsWith("looks like binary data", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnImageAsBinaryRatherThanAsBadUtf8()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(png, "photo.png"));
        Assert.StartsWith("looks like binary data", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesUtf16WithAHint()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Hi")).ToArray();
        var e = Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(bytes, "u16.txt"));
        Assert.Contains("UTF-16", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsTextWithAFewStrayControls()
    {
        var text = "Tabs\tand form feeds\f are text; one escape \u001b in a long line of ordinary prose is tolerated.";
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetBytes(text), "a.txt"));
    }

    [Fact]
    public void DecodesStreams()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "Stream “text”"u8];
        Assert.Equal("Stream “text”", TextDecoder.Decode(new MemoryStream(bytes), "s"));
        Assert.Equal("Stream “text”", TextDecoder.Decode(new NonSeekableStream(bytes), "s"));
        Assert.Throws<InvalidInputException>(() => TextDecoder.Decode(new NonSeekableStream([0x61, 0xFF]), "s"));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}

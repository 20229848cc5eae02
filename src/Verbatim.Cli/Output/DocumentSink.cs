using System.Buffers;
using System.Text;
using Spectre.Console;
using Verbatim.Cli.Commands;
using Verbatim.Output;
using Verbatim.Text;

namespace Verbatim.Cli;

/// <summary>Two inputs of a batch would write the same output file.</summary>
public sealed class OutputNameException(string message) : Exception(message);

/// <summary>
/// Where the extract command puts each document: stdout or one file per document in --out,
/// in the chosen format. The writers themselves live in Verbatim.Output; this only routes.
/// </summary>
internal abstract class DocumentSink : IDisposable
{
    public abstract void Write(Document document);

    /// <summary>Called once after the last document (closes a stream, flushes).</summary>
    public virtual void Complete()
    {
    }

    public virtual void Dispose()
    {
    }

    public static DocumentSink Create(OutputFormat format, string? outDir, bool severalInputs, CliContext context)
    {
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }
        return (format, outDir) switch
        {
            (OutputFormat.Brat, null) => throw new UsageException("extract: --format brat writes one .ann file per article and needs --out DIR"),
            (OutputFormat.Brat, _) => new FolderSink(outDir, ".ann", (document, stream) =>
            {
                using var writer = new StreamWriter(stream, Utf8NoBom);
                writer.NewLine = "\n";
                BratWriter.Write(writer, document);
            }),
            (OutputFormat.Json, null) when severalInputs => throw new UsageException(
                "extract: --format json prints one document; for several, give --out DIR (one ID.json each) or use --format jsonl"),
            (OutputFormat.Json, null) when context.StdoutBytes is { } stdout => new ByteStreamSink(stdout(), indented: true),
            (OutputFormat.Json, null) => new WriterSink(context.Out, (document, output) => WriteUtf8(output, document, indented: true)),
            (OutputFormat.Json, _) => new FolderSink(outDir, ".json", (document, stream) => DocumentJson.Write(stream, document, indented: true)),
            (OutputFormat.JsonLines, null) when context.StdoutBytes is { } stdout => new ByteStreamSink(stdout(), indented: false),
            (OutputFormat.JsonLines, null) => new WriterSink(context.Out, (document, output) => WriteUtf8(output, document, indented: false)),
            (OutputFormat.JsonLines, _) => new JsonLinesFileSink(Path.Combine(outDir, "documents.jsonl")),
            (OutputFormat.Text, null) => context.ColorOut
                ? new WriterSink(context.Out, (document, _) => TextReport.Write(document, new SpectreReportSink(CliContext.SpectreOver(context.Out, styled: true))))
                : new WriterSink(context.Out, (document, output) => TextReport.Write(document, new PlainReportSink(output))),
            (OutputFormat.Text, _) => new FolderSink(outDir, ".report.txt", (document, stream) =>
            {
                using var writer = new StreamWriter(stream, Utf8NoBom);
                TextReport.Write(document, new PlainReportSink(writer));
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>JSON is made as UTF-8 bytes; a text writer (stdout, a test's StringWriter) gets it decoded, one document at a time.</summary>
    private static void WriteUtf8(TextWriter output, Document document, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        DocumentJson.Write(buffer, document, indented);
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    /// <summary>
    /// JSON straight to stdout's bytes: the JSON is UTF-8 already, and decoding it into the
    /// console writer only to encode it again cost a tenth of a batch's time.
    /// </summary>
    private sealed class ByteStreamSink(Stream stdout, bool indented) : DocumentSink
    {
        private readonly BufferedStream _stream = new(stdout, 1 << 16);

        public override void Write(Document document)
        {
            DocumentJson.Write(_stream, document, indented);
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
        }

        public override void Complete() => _stream.Flush();

        public override void Dispose() => _stream.Dispose();
    }

    /// <summary>Everything to one writer, document after document.</summary>
    private sealed class WriterSink(TextWriter output, Action<Document, TextWriter> write) : DocumentSink
    {
        public override void Write(Document document)
        {
            write(document, output);
            output.Flush();
        }
    }

    /// <summary>One file per document, named after its id; a second document with the same name is an error, not an overwrite.</summary>
    private sealed class FolderSink(string folder, string extension, Action<Document, Stream> write) : DocumentSink
    {
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public override void Write(Document document)
        {
            var name = FileNames.Safe(document.Metadata.Id) + extension;
            if (!_written.Add(name))
            {
                throw new OutputNameException($"{name} was already written by an earlier input of this batch (document ids must be unique)");
            }
            var path = Path.Combine(folder, name);
            // Write beside, then move: a crash never leaves half a file under the final name.
            var temporary = path + ".partial";
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(document, stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
    }

    private sealed class JsonLinesFileSink(string path) : DocumentSink
    {
        private readonly FileStream _stream = new(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);

        public override void Write(Document document)
        {
            DocumentJson.Write(_stream, document, indented: false);
            _stream.WriteByte((byte)'\n');
        }

        public override void Complete() => _stream.Flush();

        public override void Dispose() => _stream.Dispose();
    }
}

/// <summary>Document ids as file names: characters a file system refuses, and path separators, become "_".</summary>
public static class FileNames
{
    private static readonly char[] Invalid = [.. Path.GetInvalidFileNameChars(), '/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    public static string Safe(string id)
    {
        var chars = id.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (Array.IndexOf(Invalid, chars[i]) >= 0 || char.IsControl(chars[i])) chars[i] = '_';
        }
        var name = new string(chars);
        return name is "" or "." or ".." ? "_" + name : name;
    }
}

/// <summary>The text report on a terminal, coloured with Spectre.Console.</summary>
internal sealed class SpectreReportSink(IAnsiConsole console) : IReportSink
{
    public void Write(string text, ReportPart part)
    {
        var style = part switch
        {
            ReportPart.Heading => "bold underline",
            ReportPart.Speaker => "bold cyan",
            ReportPart.Kind => "yellow",
            ReportPart.Quote => "green",
            ReportPart.Detail or ReportPart.Context => "grey",
            _ => null,
        };
        console.Markup(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");
    }

    public void WriteLine() => console.WriteLine();
}

using Spectre.Console;

namespace Verbatim.Cli;

/// <summary>
/// Everything a command touches outside its arguments: the output and error writers, stdin, and
/// whether they are terminals. Tests pass string writers and run the CLI in-process.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, Func<Stream>? stdin = null,
        bool outputIsTerminal = false, bool errorIsTerminal = false, bool stdinIsTerminal = false)
    {
        Out = output;
        Err = error;
        Stdin = stdin ?? (() => Stream.Null);
        OutIsTerminal = outputIsTerminal;
        ErrIsTerminal = errorIsTerminal;
        StdinIsTerminal = stdinIsTerminal;
    }

    public TextWriter Out { get; }

    /// <summary>Stdout as a byte stream, for output that is UTF-8 already (JSON); null where only <see cref="Out"/> exists (tests).</summary>
    public Func<Stream>? StdoutBytes { get; init; }
    public TextWriter Err { get; }
    public Func<Stream> Stdin { get; }
    public bool OutIsTerminal { get; }
    public bool ErrIsTerminal { get; }
    public bool StdinIsTerminal { get; }

    /// <summary>Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).</summary>
    public bool ColorOut => OutIsTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static CliContext FromConsole() => new(
        Console.Out, Console.Error, Console.OpenStandardInput,
        !Console.IsOutputRedirected, !Console.IsErrorRedirected, !Console.IsInputRedirected)
    {
        StdoutBytes = Console.OpenStandardOutput,
    };

    /// <summary>A Spectre console over <paramref name="writer"/>, with ANSI styling only when <paramref name="styled"/>.</summary>
    public static IAnsiConsole SpectreOver(TextWriter writer, bool styled) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = styled ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = styled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = styled ? InteractionSupport.Detect : InteractionSupport.No,
    });

    /// <summary>One line on stderr in the usual form, "verbatim: MESSAGE".</summary>
    public void Error(string message) => Err.WriteLine("verbatim: " + message);
}

/// <summary>Exit codes: 0 all went well, 1 some input failed (the rest were written), 2 the command line was wrong.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;
}

/// <summary>A mistake on the command line: reported as "verbatim: MESSAGE", exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

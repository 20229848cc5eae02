using System.CommandLine;
using Verbatim.Cli.Commands;

namespace Verbatim.Cli;

/// <summary>
/// The command tree and its entry point. A new command is one file under Commands/ with a
/// <c>Create(CliContext)</c> that returns its <see cref="Command"/>, added to <see cref="BuildRoot"/>.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the CLI in-process with the given writers (tests) and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? stdin = null) =>
        Run(args, new CliContext(output, error, stdin));

    public static int Run(string[] args, CliContext context)
    {
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                context.Error(parseError.Message);
            }
            context.Err.WriteLine("Try 'verbatim --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Err, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            context.Error(e.Message);
            return ExitCodes.Usage;
        }
        finally
        {
            context.Out.Flush();
            context.Err.Flush();
        }
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Verbatim: who said what in news articles (attributed statements, their sources and speakers).")
        {
            ExtractCommand.Create(context),
            EvalCommand.Create(context),
            TrainCommand.Create(context),
        };
        foreach (var command in LedgerCommands.Create(context)) root.Subcommands.Add(command);
        root.Subcommands.Add(ServeCommand.Create(context));
        return root;
    }
}

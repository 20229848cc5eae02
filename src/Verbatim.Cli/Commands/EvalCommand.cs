using System.CommandLine;

namespace Verbatim.Cli.Commands;

/// <summary><c>verbatim eval CORPUS ...</c>: scores extraction against annotated corpora, one subcommand per corpus.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context) => new("eval", "Score extraction against an annotated corpus")
    {
        EvalPolnearCommand.Create(context),
    };
}

using System.CommandLine;

namespace Verbatim.Cli.Commands;

/// <summary>Placeholder, filled in the next step.</summary>
public static class EvalCommand
{
    public static Command Create(CliContext context) => new("eval", "Score extraction against an annotated corpus");
}

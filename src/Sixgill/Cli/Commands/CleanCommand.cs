using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill clean</c>: undo prepare on this node, newest change first (docs/steps.md).</summary>
internal static class CleanCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var command = new Command("clean", "undo prepare on this node");
        FleetGate.SetActions(command, options, result => new ChangeVerbRunner(Invocation.From(result, options), environment).Run(ChangeVerbs.Clean));
        return command;
    }
}

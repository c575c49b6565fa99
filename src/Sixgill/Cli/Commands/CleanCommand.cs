using System.CommandLine;
using Sixgill.Cli.Change;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill clean</c>: undo prepare on this node, newest change first (SPEC §5.2).</summary>
internal static class CleanCommand
{
    public static Command Create(GlobalOptions options, ChangeEnvironment environment)
    {
        var command = new Command("clean", "undo prepare on this node");
        command.SetAction(result => new ChangeVerbRunner(Invocation.From(result, options), environment).Run(ChangeVerbs.Clean));
        return command;
    }
}

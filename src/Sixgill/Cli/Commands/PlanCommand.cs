using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;
using Sixgill.Fleet;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill plan [command]</c>: what that command would change on this node now (docs/steps.md); changes nothing.</summary>
internal static class PlanCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var verb = new Argument<string>("command")
        {
            Description = "the command to plan: " + string.Join(", ", ChangeVerbs.All.Select(v => v.Name)),
            DefaultValueFactory = _ => ChangeVerbs.Prepare.Name,
        };
        verb.AcceptOnlyFromAmong([.. ChangeVerbs.All.Select(v => v.Name)]);
        var detailed = new Option<bool>("--detailed-exitcode") { Description = "exit 10 when changes are pending (0 when none)" };
        var command = new Command("plan", "what a command (default: prepare) would change on this node now") { verb, detailed };
        FleetGate.SetActions(command, options, result =>
        {
            var change = new ChangeVerbRunner(Invocation.From(result, options), environment);
            return change.Plan(ChangeVerbs.Find(result.GetValue(verb) ?? "") ?? ChangeVerbs.Prepare, result.GetValue(detailed));
        }, (result, cluster) => FleetOrder.Plan(result.GetValue(verb) ?? ChangeVerbs.Prepare.Name, cluster));
        return command;
    }
}

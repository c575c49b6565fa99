using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;
using Sixgill.Fleet;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill prepare</c>: make this node ready for Kubernetes (docs/steps.md); <c>--dry-run</c> shows the plan instead.</summary>
internal static class PrepareCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "show what would change (same as 'sixgill plan prepare'); change nothing" };
        var command = new Command("prepare", "prepare this node (network, names, resolver, kubeadm config)") { dryRun };
        FleetGate.SetActions(command, options, result =>
        {
            var change = new ChangeVerbRunner(Invocation.From(result, options), environment);
            return result.GetValue(dryRun) ? change.Plan(ChangeVerbs.Prepare, detailedExitCode: false) : change.Run(ChangeVerbs.Prepare);
        }, (result, cluster) => result.GetValue(dryRun) ? FleetOrder.Plan("prepare", cluster) : FleetOrder.For("prepare", cluster));
        return command;
    }
}

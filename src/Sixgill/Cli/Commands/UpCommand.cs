using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;
using Sixgill.Fleet;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill up</c>: bring Kubernetes up on this node (docs/steps.md); <c>--dry-run</c> shows the plan instead.</summary>
internal static class UpCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var timeout = KubeadmTimeoutOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "show what would change (same as 'sixgill plan up'); change nothing" };
        var command = new Command("up", "bring Kubernetes up on this node (CNI config, pod routes, kubeadm init/join)") { timeout, dryRun };
        FleetGate.SetActions(command, options, result =>
        {
            var verb = ChangeVerbs.Up with { KubeadmTimeout = KubeadmTimeoutOption.Value(result, timeout) };
            var change = new ChangeVerbRunner(Invocation.From(result, options), environment);
            return result.GetValue(dryRun) ? change.Plan(verb, detailedExitCode: false) : change.Run(verb);
        }, (result, cluster) => result.GetValue(dryRun) ? FleetOrder.Plan("up", cluster) : FleetOrder.For("up", cluster));
        return command;
    }
}

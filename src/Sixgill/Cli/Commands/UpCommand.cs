using System.CommandLine;
using Sixgill.Cli.Change;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill up</c>: bring Kubernetes up on this node (SPEC §5.4); <c>--dry-run</c> shows the plan instead.</summary>
internal static class UpCommand
{
    public static Command Create(GlobalOptions options, ChangeEnvironment environment)
    {
        var timeout = KubeadmTimeoutOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "show what would change (same as 'sixgill plan up'); change nothing" };
        var command = new Command("up", "bring Kubernetes up on this node (CNI config, pod routes, kubeadm init/join)") { timeout, dryRun };
        command.SetAction(result =>
        {
            var verb = ChangeVerbs.Up with { KubeadmTimeout = KubeadmTimeoutOption.Value(result, timeout) };
            var change = new ChangeVerbRunner(Invocation.From(result, options), environment);
            return result.GetValue(dryRun) ? change.Plan(verb, detailedExitCode: false) : change.Run(verb);
        });
        return command;
    }
}

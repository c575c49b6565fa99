using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;

namespace Sixgill.Cli.Commands;

/// <summary><c>sixgill down</c>: <c>kubeadm reset --force</c>, then undo what up did on this node, newest first (docs/steps.md).</summary>
internal static class DownCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var timeout = KubeadmTimeoutOption.Create();
        var command = new Command("down", "take Kubernetes down on this node (kubeadm reset, undo what up did)") { timeout };
        FleetGate.SetActions(command, options, result =>
            new ChangeVerbRunner(Invocation.From(result, options), environment).Run(ChangeVerbs.Down with { KubeadmTimeout = KubeadmTimeoutOption.Value(result, timeout) }));
        return command;
    }
}

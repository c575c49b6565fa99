using System.CommandLine;
using Sixgill.Cli.Change;
using Sixgill.Cli.Fleet;
using Sixgill.Kube;
using Sixgill.Planning;

namespace Sixgill.Cli.Commands;

/// <summary>
/// <c>sixgill init</c> on the master (docs/steps.md): a CA in <c>/etc/sixgill/pki</c> and a bootstrap token,
/// both written into the config file in place — kept when they are there, new with <c>--force</c>.
/// Runs as a change (journal, backup of the config, rollback) through <see cref="ChangeVerbRunner"/>.
/// </summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions options, CommandEnvironment environment)
    {
        var force = new Option<bool>("--force") { Description = "a new CA and token even where there are ones (every node must then be prepared again)" };
        var command = new Command("init", "create the bootstrap token and CA; write token + CA hash into the config") { force };
        FleetGate.SetActions(command, options, result =>
        {
            var invocation = Invocation.From(result, options);
            InitPlan? planned = null;
            var runner = new ChangeVerbRunner(invocation, environment);
            var verb = new ChangeVerb(InitPlan.Command, ChangeDirection.Apply, target => Plan(target, runner.Node, invocation, result.GetValue(force), out planned), []);
            var code = runner.Run(verb);
            if (planned is not null && !invocation.Json)
            {
                var secrets = planned.Secrets;
                invocation.Out.WriteLine($"token {secrets.Token} ({(secrets.NewToken ? "new" : "kept")}) and CA sha256:{secrets.CertHash} "
                    + $"({(secrets.NewCa ? "new" : "kept")}) are in {planned.ConfigPath}");
                invocation.Out.WriteLine("next: 'sudo sixgill prepare' on every node (their kubeadm files take the token and hash), then 'sudo sixgill up' on the master and the minions");
            }

            return code;
        });
        return command;
    }

    /// <param name="node">The node: the config and the CA are read through its files.</param>
    private static NodePlan Plan(NodeTarget target, IChangeNode node, Invocation invocation, bool force, out InitPlan? planned)
    {
        planned = null;
        var master = target.Addresses.Cluster.Master.Name;
        if (!target.Node.Node.IsMaster)
        {
            throw new SixgillException(ExitCodes.BadInput,
                $"init runs on the master ({master}), and this node is {target.NodeName}: up on the master copies the CA from its {ClusterCaFiles.Directory}",
                $"run 'sudo sixgill init' on {master} (or pass --host {master} if this machine is it)");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Sixgill changes Linux nodes only");
        }

        var files = node.Files;
        var path = Path.GetFullPath(invocation.ConfigPath);
        var bytes = files.Read(path);
        var mode = files.Stat(path)?.Mode;
        if (bytes is null || mode is null)
        {
            throw new SixgillException(ExitCodes.BadInput, $"{path} is gone since it was read");
        }

        var secrets = InitSecrets.Choose(files.Read(ClusterCaFiles.Certificate), files.Read(ClusterCaFiles.Key), target.Addresses.Cluster.Token, force, TimeProvider.System.GetUtcNow());
        try
        {
            planned = InitPlan.For(path, bytes, mode.Value, secrets);
        }
        catch (Exception e) when (e is NotSupportedException or FormatException)
        {
            throw new SixgillException(ExitCodes.BadInput, $"{path}: {e.Message}; nothing was changed");
        }

        return new NodePlan(InitPlan.Command, planned.Steps, [], planned.ConfigMadePrivate
            ? [$"{path} was open to other users ({Steps.FileModes.Octal(planned.ConfigModeBefore)}); it holds the token now, so init makes it {Steps.FileModes.Octal(planned.ConfigMode)}"]
            : []);
    }
}

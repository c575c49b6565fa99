using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// A running virtual lab (docs/lab.md): node namespaces joined by a switch, and optionally an
/// IPv4-only internet behind the gateway node. Disposing it removes everything it made: the
/// processes it started, then every namespace, mount and directory of the lab's name.
/// </summary>
/// <remarks>Not called <c>Lab</c>: inside <c>Sixgill.*</c> that name means the namespace.</remarks>
internal sealed class VirtualLab : IAsyncDisposable
{
    private readonly LabProcesses processes;
    private readonly LabSweeper sweeper;
    private bool disposed;

    private VirtualLab(LabLayout layout, IProcessRunner runner)
    {
        Layout = layout;
        this.processes = new LabProcesses(runner);
        this.sweeper = new LabSweeper(runner);
        Nodes = layout.Nodes.Select(n => new LabNode(n, this.processes)).ToList();
        Switch = new LabNamespace(layout.Switch, this.processes);
        Internet = layout.Internet is null ? null : new LabNamespace(layout.Internet, this.processes);
        Admin = layout.Access is null ? null : new LabNode(layout.Access.Admin, this.processes);
    }

    public LabLayout Layout { get; }

    public string Name => Layout.Names.Lab;

    public IReadOnlyList<LabNode> Nodes { get; }

    public LabNamespace Switch { get; }

    /// <summary>The IPv4-only internet, when the lab was made with one.</summary>
    public LabNamespace? Internet { get; }

    public LabNode? Gateway => Nodes.SingleOrDefault(n => n.IsGateway);

    /// <summary>The access network, when the lab has one (an sshd in every node).</summary>
    public LabAccessLayout? Access => Layout.Access;

    /// <summary>The admin node on the access network (not a node of the topology), when the lab has one.</summary>
    public LabNode? Admin { get; }

    /// <summary>The detached daemons the lab ends when it is removed (<see cref="LabNamespace.StartDaemon"/>).</summary>
    public IReadOnlyList<LabDaemon> Daemons => this.processes.Daemons;

    public LabNode Node(string name) =>
        Nodes.SingleOrDefault(n => n.Name == name) ?? (name == Admin?.Name ? Admin : null) ?? throw new ArgumentException($"lab '{Name}' has no node '{name}'", nameof(name));

    /// <summary>
    /// Builds the lab. Refuses when anything of the same name is already on the machine (a live
    /// lab or a crashed run's leftovers: <see cref="LabSweeper"/> removes them); if a step fails,
    /// removes what it made before throwing.
    /// </summary>
    public static async Task<VirtualLab> CreateAsync(LabSpec spec, IProcessRunner? runner = null, CancellationToken cancellationToken = default)
    {
        var layout = LabLayout.Plan(spec);
        runner ??= new ProcessRunner();
        var sweeper = new LabSweeper(runner);
        if (LabSweeper.Exists(layout.Names))
        {
            throw new LabException($"lab '{spec.Name}' already exists, or an earlier run left parts of it; 'sixgill lab down' removes it");
        }

        var lab = new VirtualLab(layout, runner);
        try
        {
            using (var netlink = new LabNetlink(layout.Names))
            {
                foreach (var stage in LabSetupScript.Stages(layout, spec.Router))
                {
                    await Task.WhenAll(stage.Sequences.Select(sequence => lab.RunStepsAsync(sequence, netlink, cancellationToken)));
                }
            }

            if (layout.Machines is { } machines)
            {
                await Task.WhenAll(lab.Nodes.Select(node => lab.BootAsync(node, machines, cancellationToken)));
            }
        }
        catch (Exception failure)
        {
            var report = await sweeper.SweepAsync(spec.Name, CancellationToken.None);
            if (!report.IsClean)
            {
                throw new LabException($"{failure.Message}; removing the half-built lab also failed: {string.Join("; ", report.Problems)}", failure);
            }

            throw;
        }

        return lab;
    }

    /// <summary>
    /// The lab of <paramref name="spec"/> that an earlier process built, with the daemons it
    /// started: to run commands in its nodes, or to remove it (disposing removes it, as always).
    /// Throws when one of its namespaces is missing.
    /// </summary>
    public static async Task<VirtualLab> AttachAsync(LabSpec spec, IReadOnlyList<LabDaemon> daemons, IProcessRunner? runner = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(daemons);
        var layout = LabLayout.Plan(spec);
        runner ??= new ProcessRunner();
        var present = LabSweeper.Namespaces();
        string?[] wanted = [layout.Switch, layout.Internet, layout.Access?.Switch, layout.Access?.Admin.Namespace, .. layout.Nodes.Select(n => n.Namespace)];
        var missing = wanted.OfType<string>().Where(ns => !present.Contains(ns)).ToList();
        if (missing.Count > 0)
        {
            throw new LabException($"lab '{spec.Name}' is not complete: {string.Join(", ", missing)} missing; 'sixgill lab down' removes what is left");
        }

        var lab = new VirtualLab(layout, runner);
        lab.processes.Adopt(daemons);
        return lab;
    }

    /// <summary>
    /// Adds a network namespace <c>sg-&lt;lab&gt;-&lt;name&gt;</c> (loopback up, no DAD) that the lab
    /// removes with the rest, e.g. a pod's. It is made from the machine, so it shows under
    /// /run/netns inside every node too.
    /// </summary>
    public async Task<LabNamespace> AddNamespaceAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var namespaceName = Layout.Names.Namespace(name);
        if (namespaceName == Layout.Switch || namespaceName == Layout.Internet || Nodes.Any(n => n.Namespace == namespaceName))
        {
            throw new ArgumentException($"'{name}' is already a part of lab '{Name}'", nameof(name));
        }

        using var netlink = new LabNetlink(Layout.Names);
        await RunStepsAsync(LabSetupScript.ExtraNamespace(namespaceName), netlink, cancellationToken);

        return new LabNamespace(namespaceName, this.processes);
    }

    /// <summary>
    /// Reboots a systemd node as a machine reboots: powered off (systemd stops its units), a fresh
    /// network namespace (its links, addresses and routes gone; the links made again, the switch
    /// link down and unconfigured), booted again from the same disk. Returns how long until its
    /// systemd said <c>running</c>.
    /// </summary>
    public async Task<TimeSpan> RebootAsync(LabNode node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ObjectDisposedException.ThrowIf(this.disposed, this);
        if (Layout.Machines is not { } machines)
        {
            throw new LabException($"lab '{Name}' has namespace nodes, which cannot reboot: make it with --kind systemd");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runner = this.processes.Runner;
        var daemon = Daemons.FirstOrDefault(d => d.Name == SystemdMachine.DaemonName && d.Namespace == node.Namespace);
        if (daemon is not null)
        {
            await SystemdMachine.PoweroffAsync(node.Layout, daemon, runner, cancellationToken);
        }

        // The veth pairs go with the namespace, but not at once: remove the far ends by name first.
        _ = await runner.RunAsync(["ip", "netns", "delete", node.Namespace], cancellationToken);
        _ = await runner.RunAsync(["ip", "-n", Layout.Switch, "link", "delete", node.Layout.SwitchPort], cancellationToken);
        if (Layout.Uplink is { } uplink && uplink.GatewayNamespace == node.Namespace)
        {
            _ = await runner.RunAsync(["ip", "-n", uplink.InternetNamespace, "link", "delete", uplink.InternetInterface], cancellationToken);
        }

        using (var netlink = new LabNetlink(Layout.Names))
        {
            await RunStepsAsync(LabSetupScript.MachineNetwork(Layout, node.Layout), netlink, cancellationToken);
        }

        var booted = await SystemdMachine.BootAsync(node.Layout, machines, runner, cancellationToken);
        if (daemon is null)
        {
            this.processes.Adopt([booted]);
        }
        else
        {
            this.processes.Replace(daemon, booted);
        }

        return clock.Elapsed;
    }

    private async Task BootAsync(LabNode node, LabMachines machines, CancellationToken cancellationToken)
    {
        await SystemdMachine.PrepareDiskAsync(node.Layout, this.processes.Runner, cancellationToken);
        this.processes.Adopt([await SystemdMachine.BootAsync(node.Layout, machines, this.processes.Runner, cancellationToken)]);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await this.processes.StopAllAsync();
        var report = await this.sweeper.SweepAsync(Name, CancellationToken.None);
        report.EnsureClean();
    }

    private async Task RunStepsAsync(IReadOnlyList<LabSetupCommand> steps, LabNetlink netlink, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            if (step.Change is { } change)
            {
                Change(step, change, netlink);
            }
            else if (step.FileChange is { } files)
            {
                try
                {
                    LabFileChange.Apply(files, Layout.Names);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new LabException($"lab '{Name}': cannot {step.Purpose}: {e.Message}", e);
                }
            }
            else
            {
                await RunStepAsync(step, cancellationToken);
            }
        }
    }

    /// <summary>A network step over rtnetlink; a refusal said as its ip command would say it.</summary>
    private void Change(LabSetupCommand step, LabNetworkChange change, LabNetlink netlink)
    {
        try
        {
            netlink.Apply(change);
        }
        catch (NetlinkRefusal refusal)
        {
            throw new LabException($"lab '{Name}': cannot {step.Purpose}: '{CommandLine.Format(step.Command)}' failed: {refusal.AsIpWouldSay()}", refusal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabException($"lab '{Name}': cannot {step.Purpose}: '{CommandLine.Format(step.Command)}' failed: {e.Message}", e);
        }
    }

    private async Task RunStepAsync(LabSetupCommand step, CancellationToken cancellationToken)
    {
        var result = await this.processes.RunAsync(new ProcessRequest(step.Command), cancellationToken);

        // A sweep of another lab removes the shared work root when it looks empty; if that
        // happened between mkdir's two levels, once more is enough.
        if (!result.Succeeded && step.Command[0] == "mkdir")
        {
            result = await this.processes.RunAsync(new ProcessRequest(step.Command), cancellationToken);
        }

        if (!result.Succeeded)
        {
            throw new LabException(step.Parts.Count > 0
                ? $"lab '{Name}': {LabShellScript.Failure(step.Purpose, result.StandardError)}"
                : $"lab '{Name}': cannot {step.Purpose}: {new ProcessFailedException(result).Message}");
        }
    }
}

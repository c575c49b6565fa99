using Sixgill.Config;
using Sixgill.Fleet;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// A lab that is up, as <c>sixgill lab</c> sees it across processes: built here (<c>lab up</c>,
/// <c>lab demo</c>) or found through its state file (<c>lab status</c>, <c>lab exec</c>); and
/// <c>lab down</c>, which removes a lab by its name alone, whatever state it is in.
/// </summary>
internal sealed class RunningLab
{
    private RunningLab(VirtualLab lab, LabState state, LabSweepReport? leftovers)
    {
        Lab = lab;
        State = state;
        Leftovers = leftovers;
    }

    public VirtualLab Lab { get; }

    public LabState State { get; private set; }

    public LabNames Names => Lab.Layout.Names;

    /// <summary>What an earlier, crashed run of this lab left and this one removed first; null when there was nothing.</summary>
    public LabSweepReport? Leftovers { get; }

    /// <summary>
    /// Builds the lab of <paramref name="definition"/>: removes what a crashed run of the same name
    /// left, makes the namespaces, shares the config with the nodes, starts the internet's daemons
    /// detached and records it all in the state file. A lab of that name that is up and kept, or
    /// in use by a live <c>lab demo</c>, is refused. If a step fails, what was made is removed.
    /// </summary>
    /// <param name="owner">The process that will remove the lab (the demo); null to keep it up.</param>
    /// <param name="progress">Where a long first step says what it does (building the systemd nodes' root).</param>
    /// <param name="work">Where the long steps show (the nodes' boot, dockerd's start, the images' import); nothing when null.</param>
    public static async Task<RunningLab> UpAsync(LabDefinition definition, LabOwner? owner, IProcessRunner runner, CancellationToken cancellationToken,
        TextWriter? progress = null, IWorkProgress? work = null)
    {
        work ??= WorkProgress.None;
        ArgumentNullException.ThrowIfNull(definition);
        var names = definition.Names;
        var leftovers = await RemoveLeftoversAsync(names, runner, cancellationToken);
        var spec = definition.Spec;
        if (definition.Kind == LabNodeKind.Systemd)
        {
            var root = await new SystemdRoot(runner, progress ?? TextWriter.Null).EnsureAsync(cancellationToken);
            // The docker runtime: the machine's engine programs in the nodes, as if docker.io were installed.
            var engine = definition.Cluster.Runtime == ServiceRuntime.Docker ? LabDocker.EnginePrograms() : null;
            spec = spec with { Machines = LabMachines.For(root, SixgillProgram.Current(), names, engine) };
        }

        var count = spec.Nodes.Count;
        var lab = definition.Kind == LabNodeKind.Systemd
            ? await work.RunAsync($"booting {count} systemd nodes", () => VirtualLab.CreateAsync(spec, runner, cancellationToken), _ => $"{count} systemd nodes running")
            : await VirtualLab.CreateAsync(spec, runner, cancellationToken);
        try
        {
            var state = new LabState(LabState.CurrentVersion, names.Lab, definition.ConfigSource, names.NodeConfig, owner,
                spec.Nodes, spec.WithInternet, [], spec.WithAccess, spec.Machines);
            LabStateFile.Write(names, state);
            LabSharedDirectory.WriteConfig(names, definition.ConfigText);
            if (lab.Internet is not null)
            {
                await InternetServices.StartAsync(lab, dnsAddress: definition.DnsAddress, cancellationToken: cancellationToken);
            }

            if (definition.Cluster.Runtime == ServiceRuntime.Docker && lab.Gateway is { } gateway)
            {
                if (definition.Kind == LabNodeKind.Systemd)
                {
                    await LabDocker.StartInSystemdNodeAsync(gateway, names, runner, work, cancellationToken);
                }
                else
                {
                    await LabDocker.StartAsync(gateway, names, runner, work, cancellationToken);
                }
            }

            if (lab.Access is not null)
            {
                await LabAccess.StartAsync(lab, runner, cancellationToken);
            }

            state = state with { Daemons = lab.Daemons };
            LabStateFile.Write(names, state);
            return new RunningLab(lab, state, leftovers);
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lab an earlier process brought up, from its state file; throws when it is not up.</summary>
    public static async Task<RunningLab> AttachAsync(string name, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var names = new LabNames(name);
        var state = LabStateFile.TryRead(names)
            ?? throw new PreconditionFailedException($"lab '{name}' is not up" + (LabSweeper.Exists(names)
                ? " (an earlier run left parts of it: 'sudo sixgill lab down" + NameArgument(name) + "' removes them)"
                : ": 'sudo sixgill lab up" + NameArgument(name) + "' makes it"));
        try
        {
            return new RunningLab(await VirtualLab.AttachAsync(state.Spec, state.Daemons, runner, cancellationToken), state, null);
        }
        catch (LabException e)
        {
            throw new PreconditionFailedException(e.Message, e);
        }
    }

    /// <summary>Reboots one systemd node (<see cref="VirtualLab.RebootAsync"/>) and records its new nspawn; returns the time to <c>running</c>.</summary>
    public async Task<TimeSpan> RebootAsync(string node, CancellationToken cancellationToken)
    {
        var elapsed = await Lab.RebootAsync(Lab.Node(node), cancellationToken);
        State = State with { Daemons = Lab.Daemons };
        LabStateFile.Write(Names, State);
        return elapsed;
    }

    /// <summary>Leaves the lab up when this process ends: nobody owns it any more, <c>lab down</c> removes it.</summary>
    public void Keep()
    {
        State = State with { Owner = null };
        LabStateFile.Write(Names, State);
    }

    /// <summary>
    /// Removes lab <paramref name="name"/>, up or left by a crash: its daemons by pid (each only if
    /// the pid is still that daemon), then everything in its namespaces, its mounts, namespaces and
    /// directories (<see cref="LabSweeper"/>).
    /// </summary>
    public static async Task<LabDownReport> DownAsync(string name, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var names = new LabNames(name);
        var daemons = LabStateFile.TryRead(names)?.Daemons ?? [];
        // All at once: each waits for its own daemon to end, so together they wait for the slowest only.
        var stopped = await Task.WhenAll(daemons.Select(daemon => daemon.StopAsync(RunningProcess.DefaultGrace, cancellationToken)));
        var leftAlone = daemons.Where((_, i) => !stopped[i]).ToList();

        var sweep = await new LabSweeper(runner).SweepAsync(name, cancellationToken);
        return new LabDownReport(name, daemons, leftAlone, sweep);
    }

    /// <summary>
    /// Before a lab is made: a lab of that name that is up and kept, or owned by a live process, is
    /// refused; anything else of that name (a crashed run's leftovers) is removed.
    /// </summary>
    private static async Task<LabSweepReport?> RemoveLeftoversAsync(LabNames names, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var sweeper = new LabSweeper(runner);
        if (!LabSweeper.Exists(names))
        {
            return null;
        }

        var state = LabStateFile.TryRead(names);
        if (state?.Owner is { IsAlive: true } owner)
        {
            throw new PreconditionFailedException(
                $"lab '{names.Lab}' is in use by process {owner.Pid} (a lab demo); wait for it, or remove the lab with 'sudo sixgill lab down{NameArgument(names.Lab)}'");
        }

        if (state is { Owner: null })
        {
            throw new PreconditionFailedException(
                $"lab '{names.Lab}' is already up ('sixgill lab status{NameArgument(names.Lab)}'); remove it first with 'sudo sixgill lab down{NameArgument(names.Lab)}'");
        }

        return (await sweeper.SweepAsync(names.Lab, cancellationToken)).EnsureClean();
    }

    internal static string NameArgument(string name) => name == LabNames.DefaultLab ? "" : " --name " + name;
}

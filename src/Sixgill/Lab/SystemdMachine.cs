using System.Diagnostics;
using System.Globalization;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// One systemd lab node as a machine: booting its disk with <c>systemd-nspawn</c> in the node's
/// network namespace (detached, recorded as a lab daemon), finding its PID 1, running commands in
/// all of its namespaces, and powering it off. Nothing here touches the machine's own network.
/// </summary>
internal static class SystemdMachine
{
    /// <summary>The lab daemon that is a node's <c>systemd-nspawn</c>; its pid file is in the node's directory.</summary>
    public const string DaemonName = "machine";

    public const string Nspawn = "systemd-nspawn";

    /// <summary>Debian's minimal systemd boots to <c>running</c> in about a second here; a loaded machine takes longer.</summary>
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan PoweroffTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long nspawn gets after SIGTERM (it then powers its node off) before SIGKILL.</summary>
    public static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    /// <summary>The nspawn processes that boot one of this lab's nodes, whatever process started them (a crashed lab's too).</summary>
    public static IReadOnlyList<int> NspawnsOf(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var prefix = "--directory=" + names.NodeDirectory("");
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcessTable.Find(pid) is { Name: Nspawn } process
                && process.Arguments.Any(a => a.StartsWith(prefix, StringComparison.Ordinal)))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>The <c>--directory=</c> argument that names the node's root on nspawn's command line (how the sweeper knows it).</summary>
    public static string DirectoryArgument(LabNodeLayout node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return "--directory=" + node.MachineRoot;
    }

    /// <summary>
    /// The nspawn command line. <c>--register=no --keep-unit</c>: the machine has no machined;
    /// CAP_NET_ADMIN and /dev/net/tun: TAYGA's tunnel; the keyring calls: runc; the machine's directories bound in at the same
    /// path, so this sixgill and the lab's config are where they are on the machine.
    /// </summary>
    public static IReadOnlyList<string> BootCommand(LabNodeLayout node, LabMachines machines)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(machines);
        return
        [
            Nspawn,
            DirectoryArgument(node),
            "--boot",
            $"--network-namespace-path={LabNames.NetnsPath(node.Namespace)}",
            $"--machine={node.Namespace}",
            "--register=no",
            "--keep-unit",
            "--console=passive",
            "--bind=/dev/net/tun",
            "--capability=CAP_NET_ADMIN",
            // nspawn refuses the keyring calls by default; runc (the docker runtime's containers) joins a session keyring.
            "--system-call-filter=@keyring",
            .. machines.ReadOnlyBinds.Select(path => $"--bind-ro={path}"),
            .. machines.Binds.Select(path => $"--bind={path}"),
        ];
    }

    /// <summary>
    /// Gives a new disk what makes it this node: its hostname, and host keys of its own for sshd.
    /// Written into the mounted overlay (its upper layer keeps them).
    /// </summary>
    public static async Task PrepareDiskAsync(LabNodeLayout node, IProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(runner);
        await File.WriteAllTextAsync(Path.Combine(node.MachineRoot, "etc/hostname"), node.Name + "\n", cancellationToken);
        var keys = await runner.RunAsync(["chroot", node.MachineRoot, "ssh-keygen", "-A"], cancellationToken);
        if (!keys.Succeeded)
        {
            throw new LabException($"node {node.Name}: cannot make its ssh host keys: {new ProcessFailedException(keys).Message}");
        }
    }

    /// <summary>Boots the node and waits until its systemd says <c>running</c> (or <c>degraded</c>); returns the nspawn daemon.</summary>
    public static async Task<LabDaemon> BootAsync(LabNodeLayout node, LabMachines machines, IProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        var command = BootCommand(node, machines);

        // Without it, even net.* sysctls are read-only inside the node (prepare sets forwarding).
        IReadOnlyList<string> started = ["env", "SYSTEMD_NSPAWN_API_VFS_WRITABLE=network", .. command];
        var daemon = LabDaemon.Start(DaemonName, node.Namespace, command, started, node.Directory);
        await WaitRunningAsync(node, daemon, runner, cancellationToken);
        return daemon;
    }

    /// <summary>The node's PID 1 (systemd, the child of nspawn), or null while it is off.</summary>
    public static int? Leader(LabNodeLayout node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!int.TryParse(ReadPidFile(node), NumberStyles.None, CultureInfo.InvariantCulture, out var nspawn))
        {
            return null;
        }

        foreach (var child in ProcessTable.Children(nspawn))
        {
            if (ProcessTable.Find(child) is { Name: "systemd" })
            {
                return child;
            }
        }

        return null;
    }

    /// <summary><paramref name="command"/> in every namespace of the node's PID 1: its network, mounts, pids, hostname.</summary>
    public static IReadOnlyList<string> Command(LabNodeLayout node, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(node);
        var leader = Leader(node) ?? throw new LabException($"node {node.Name} is not running (powered off?); 'sudo sixgill lab reboot {node.Name}' boots it");
        return ["nsenter", "-t", leader.ToString(CultureInfo.InvariantCulture), "-a", "--", .. command];
    }

    /// <summary>
    /// Powers the node off as a person would (<c>systemctl poweroff</c> inside) and waits for nspawn
    /// to end; ends it by pid when it does not. Its disk stays.
    /// </summary>
    public static async Task PoweroffAsync(LabNodeLayout node, LabDaemon daemon, IProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        ArgumentNullException.ThrowIfNull(runner);
        if (daemon.IsRunning && Leader(node) is not null)
        {
            _ = await runner.RunAsync(new ProcessRequest(Command(node, ["systemctl", "poweroff"])) { Timeout = PoweroffTimeout }, cancellationToken);
            var clock = Stopwatch.StartNew();
            while (daemon.IsRunning && clock.Elapsed < PoweroffTimeout)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        if (!await daemon.StopAsync(RunningProcess.DefaultGrace, cancellationToken))
        {
            throw new LabException($"node {node.Name}: its systemd-nspawn ({daemon}) did not end");
        }
    }

    private static async Task WaitRunningAsync(LabNodeLayout node, LabDaemon daemon, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = "not started";
        while (clock.Elapsed < BootTimeout)
        {
            if (!daemon.IsRunning)
            {
                throw new LabException($"node {node.Name} did not boot: systemd-nspawn ended: {daemon.LogTail(600)}");
            }

            if (Leader(node) is not null)
            {
                var result = await runner.RunAsync(Command(node, ["systemctl", "is-system-running"]), cancellationToken);
                state = result.StandardOutput.Trim();
                if (state is "running" or "degraded")
                {
                    return;
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new LabException($"node {node.Name} did not finish booting within {BootTimeout.TotalSeconds:0} s (systemd says '{state}'): {daemon.LogTail(600)}");
    }

    private static string ReadPidFile(LabNodeLayout node)
    {
        try
        {
            return File.ReadAllText(Path.Combine(node.Directory, DaemonName + ".pid")).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}

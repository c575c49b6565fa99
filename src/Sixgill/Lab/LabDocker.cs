using Sixgill.Docker;
using Sixgill.Host.Docker;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// The docker runtime in a lab (docs/testing.md): a <c>dockerd</c> of its own inside the gateway node's
/// namespaces — never the machine's — started detached so that it outlives <c>lab up</c>, with
/// Sixgill's images (built offline, cached). It is recorded in the lab's state by dockerd's own pid;
/// <c>lab down</c> stops it by that pid, and the sweeper removes its directory and cgroups, also
/// after a crash.
/// </summary>
internal static class LabDocker
{
    /// <summary>Its name among the lab's daemons.</summary>
    public const string DaemonName = "dockerd";

    public static readonly RequiredProgram Dockerd = new("dockerd", "docker.io", "/usr/sbin/dockerd", "the docker runtime's engine in the gateway node");

    public static DockerDaemonLayout Layout(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return DockerDaemonLayout.Named(names.Lab);
    }

    /// <summary>The environment of every sixgill run in the lab: <c>DOCKER_HOST</c> at the gateway's dockerd.</summary>
    public static IReadOnlyDictionary<string, string?> Environment(LabNames names) =>
        new Dictionary<string, string?> { [DockerEndpoint.EnvironmentVariable] = Layout(names).Endpoint.ToString() };

    /// <summary>
    /// Starts the dockerd in <paramref name="gateway"/>, waits until it answers and makes sure both
    /// images are there. On failure the daemon is left to the lab's removal (it is one of its daemons).
    /// </summary>
    /// <param name="progress">Where the start and each image's import show.</param>
    public static async Task<LabDaemon> StartAsync(LabNode gateway, LabNames names, IProcessRunner runner, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(progress);
        var layout = Layout(names);
        // mkdir refuses an existing directory: the sweep before the lab was made removed a crashed run's.
        (await runner.RunAsync(["mkdir", "-m", "0700", "--", layout.Root], cancellationToken)).EnsureSuccess();
        var launcher = gateway.StartDaemon(DaemonName, layout.Command, $"{names.WorkDirectory}/docker");
        await progress.RunAsync(Starting(gateway), () => DockerDaemon.WaitUntilReadyAsync(layout, () => launcher.IsRunning ? null : "dockerd exited", () => launcher.LogTail(),
            DockerDaemon.DefaultReadyTimeout, cancellationToken), Started(gateway));

        // Recorded by dockerd's own pid: SIGTERM to it stops its containers and containerd (unshare ignores it).
        var daemon = launcher.AsChild(DaemonName) ?? throw new LabException($"dockerd in {gateway.Name} answered but is not unshare's child: {launcher.LogTail()}");
        gateway.ReplaceDaemon(launcher, daemon);
        using var engine = new DockerEngine(layout.Endpoint);
        await new DockerOfflineImageBuilder(runner).EnsureAllAsync(engine, progress, cancellationToken);
        return daemon;
    }

    /// <summary>Removes what the lab's dockerd leaves once its processes are gone: its directory and cgroups.</summary>
    public static async Task RemoveLeftoversAsync(LabNames names, IProcessRunner runner, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            await DockerDaemon.RemoveLeftoversAsync(Layout(names), runner);
        }
        catch (ProcessFailedException e)
        {
            problems.Add($"cannot remove the lab's dockerd directory {Layout(names).Root}: {e.Message}");
        }
    }

    /// <summary>
    /// <paramref name="program"/> with <c>DOCKER_HOST</c> at the lab's dockerd when the lab has one
    /// (<c>lab exec</c>: a sixgill run by hand reaches the same engine as the demo's); else unchanged.
    /// </summary>
    public static IReadOnlyList<string> WithDockerHost(LabState state, IReadOnlyList<string> program)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        return state.Daemons.Any(d => d.Name == DaemonName)
            ? ["env", $"{DockerEndpoint.EnvironmentVariable}={Layout(new LabNames(state.Lab)).Endpoint}", .. program]
            : program;
    }

    /// <summary>The docker engine's unit in a systemd gateway node, as docker.io names it.</summary>
    public const string EngineUnit = "docker.service";

    /// <summary>The engine's programs dockerd finds on its PATH; bound from the machine into systemd nodes.</summary>
    private static readonly string[] EngineProgramNames = ["dockerd", "containerd", "containerd-shim-runc-v2", "runc"];

    /// <summary>
    /// Where a systemd gateway's dockerd also listens, for the lab's own use (importing Sixgill's
    /// images from the machine): in the lab's shared directory, which both sides see at this path.
    /// Sixgill in the node uses the engine's usual socket, as on a real machine.
    /// </summary>
    public static string SystemdSocket(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return $"{names.SharedDirectory}/docker.sock";
    }

    /// <summary>
    /// The machine's docker engine programs (real files, links resolved), to be bound read-only into
    /// systemd nodes at the same path: the nodes' root then needs no docker.io of its own (and no
    /// rebuild). They run on the root's libraries, which match where the machine is Debian 12 like it.
    /// </summary>
    public static IReadOnlyList<string> EnginePrograms()
    {
        var path = (System.Environment.GetEnvironmentVariable("PATH") ?? "") + ":/usr/sbin:/usr/bin:/sbin:/bin";
        var found = new List<string>();
        foreach (var name in EngineProgramNames)
        {
            var file = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => new FileInfo(Path.Combine(d, name))).FirstOrDefault(f => f.Exists)
                ?? throw new LabException($"program '{name}' not found: the docker runtime's engine in a systemd lab node is the machine's (Debian package docker.io)");
            found.Add(file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName);
        }

        return found;
    }

    /// <summary>
    /// On a machine with cgroup v1 controllers, nspawn mounts them read-only in the node, and runc
    /// cannot make a container's cgroups: the engine's unit makes its own view of them writable first
    /// (the node has CAP_SYS_ADMIN). Where nothing is mounted so (cgroup v2, delegated by nspawn), it
    /// does nothing. The cgroups go under the lab's dockerd cgroup parent, which <c>lab down</c>
    /// removes by exact name.
    /// </summary>
    private const string CgroupsWritable =
        "ExecStartPre=-/bin/sh -c 'for c in /sys/fs/cgroup/*; do mountpoint -q \"$c\" && mount -o remount,bind,rw \"$c\"; done; true'\n";

    /// <summary>
    /// <c>docker.service</c> for a systemd gateway node: dockerd with the lab's flags (no iptables,
    /// forwarding, masquerade or default bridge: those are the node's business), <c>Type=notify</c> so
    /// that units after it find the engine answering, enabled so it starts at every boot and brings
    /// back its containers (restart policy <c>unless-stopped</c>). Its data stays on the node's disk.
    /// </summary>
    public static string EngineUnitText(LabNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return "# Written by 'sixgill lab up': the docker engine of this lab node, as docker.io installs it (the machine's programs, bound in read-only).\n"
            + "[Unit]\nDescription=Docker Application Container Engine (Sixgill lab)\nAfter=network.target\n\n"
            + "[Service]\nType=notify\n"
            + CgroupsWritable
            + $"ExecStart={EngineProgramNames[0]} -H unix://{DockerEndpoint.DefaultSocket} -H unix://{SystemdSocket(names)} --cgroup-parent {Layout(names).CgroupParent} "
            + "--iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --bridge=none --userland-proxy=false\n"
            + "Delegate=yes\nKillMode=process\nRestart=on-failure\nTimeoutStartSec=60\n\n"
            + "[Install]\nWantedBy=multi-user.target\n";
    }

    /// <summary>
    /// The docker engine of a systemd gateway node: <c>docker.service</c> written to its disk, enabled
    /// and started (systemctl waits until dockerd says it is ready), then Sixgill's images imported
    /// from the machine's cache through the lab's socket. It stops with the node and starts at its boot.
    /// </summary>
    /// <param name="progress">Where the start and each image's import show.</param>
    public static async Task StartInSystemdNodeAsync(LabNode gateway, LabNames names, IProcessRunner runner, IWorkProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(progress);
        var unit = Path.Combine(gateway.Layout.MachineRoot, "etc/systemd/system", EngineUnit);
        await File.WriteAllTextAsync(unit, EngineUnitText(names), cancellationToken);
        var started = await progress.RunAsync(Starting(gateway),
            () => gateway.RunAsync(["sh", "-c", $"systemctl daemon-reload && systemctl enable --now {EngineUnit}"], cancellationToken),
            result => result.Succeeded ? Started(gateway) : $"dockerd in {gateway.Name} did not start");
        if (!started.Succeeded)
        {
            var journal = await gateway.RunAsync(["journalctl", "--no-pager", "-n", "20", "-u", EngineUnit], cancellationToken);
            throw new LabException($"the docker engine in {gateway.Name} did not start: {started.StandardError.Trim()} {journal.StandardOutput.Trim()}");
        }

        using var engine = new DockerEngine(DockerEndpoint.ForSocket(SystemdSocket(names)));
        await engine.PingAsync(cancellationToken);
        await new DockerOfflineImageBuilder(runner).EnsureAllAsync(engine, progress, cancellationToken);
    }

    private static string Starting(LabNode gateway) => $"starting dockerd in {gateway.Name}";

    private static string Started(LabNode gateway) => $"dockerd in {gateway.Name} answers";

    /// <summary>Whether a dockerd of this lab left its directory.</summary>
    public static bool LeftAnything(LabNames names) => Directory.Exists(Layout(names).Root);
}

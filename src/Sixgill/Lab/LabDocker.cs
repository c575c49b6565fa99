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
    public static async Task<LabDaemon> StartAsync(LabNode gateway, LabNames names, IProcessRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(runner);
        var layout = Layout(names);
        // mkdir refuses an existing directory: the sweep before the lab was made removed a crashed run's.
        (await runner.RunAsync(["mkdir", "-m", "0700", "--", layout.Root], cancellationToken)).EnsureSuccess();
        var launcher = gateway.StartDaemon(DaemonName, layout.Command, $"{names.WorkDirectory}/docker");
        await DockerDaemon.WaitUntilReadyAsync(layout, () => launcher.IsRunning ? null : "dockerd exited", () => launcher.LogTail(),
            DockerDaemon.DefaultReadyTimeout, cancellationToken);

        // Recorded by dockerd's own pid: SIGTERM to it stops its containers and containerd (unshare ignores it).
        var daemon = launcher.AsChild(DaemonName) ?? throw new LabException($"dockerd in {gateway.Name} answered but is not unshare's child: {launcher.LogTail()}");
        gateway.ReplaceDaemon(launcher, daemon);
        using var engine = new DockerEngine(layout.Endpoint);
        await new DockerOfflineImageBuilder(runner).EnsureAllAsync(engine, cancellationToken);
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

    /// <summary>Whether a dockerd of this lab left its directory.</summary>
    public static bool LeftAnything(LabNames names) => Directory.Exists(Layout(names).Root);
}

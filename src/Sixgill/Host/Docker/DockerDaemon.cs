using System.Diagnostics;
using System.Globalization;
using Sixgill.Docker;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Host.Docker;

/// <summary>
/// A running dockerd of a <see cref="DockerDaemonLayout"/>, started where the caller says (a lab
/// node), and stopped again leaving nothing: its processes end by pid, its cgroups and its
/// directory are removed by exact name.
/// </summary>
internal sealed class DockerDaemon : IAsyncDisposable
{
    /// <summary>How long a fresh daemon may take to answer (it starts containerd first).</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Time dockerd gets to stop its containers and containerd after SIGTERM.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);

    private readonly IRunningProcess process;
    private readonly IProcessRunner runner;
    private bool stopped;

    private DockerDaemon(DockerDaemonLayout layout, IRunningProcess process, IProcessRunner runner, TimeSpan startup)
    {
        Layout = layout;
        this.process = process;
        this.runner = runner;
        StartupTime = startup;
    }

    public DockerDaemonLayout Layout { get; }

    public Uri Endpoint => Layout.Endpoint;

    /// <summary>From start to the first answer of the Engine API.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>dockerd's log so far (it logs to stderr).</summary>
    public string Log => this.process.StandardError;

    /// <summary>A client for this daemon; the caller disposes it.</summary>
    public DockerEngine Connect() => new(Endpoint);

    /// <summary>
    /// Starts the daemon with <paramref name="start"/> (e.g. <c>LabNode.Start</c>, which runs it inside
    /// the node) and waits until its API answers. A daemon that exits or does not answer in time is
    /// stopped and its leftovers removed before this throws.
    /// </summary>
    public static async Task<DockerDaemon> StartAsync(
        DockerDaemonLayout layout,
        Func<ProcessRequest, IRunningProcess> start,
        IProcessRunner runner,
        TimeSpan? readyTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(runner);
        // mkdir refuses an existing directory: another daemon's, or a crashed run's (RemoveLeftoversAsync).
        var made = await runner.RunAsync(["mkdir", "-m", "0700", "--", layout.Root], cancellationToken);
        if (!made.Succeeded)
        {
            throw new InvalidOperationException($"cannot make {layout.Root}: {made.StandardError.Trim()} (another daemon uses it, or an earlier run left it)");
        }

        var clock = Stopwatch.StartNew();
        IRunningProcess process;
        try
        {
            process = start(new ProcessRequest(layout.Command));
        }
        catch
        {
            await RemoveLeftoversAsync(layout, runner);
            throw;
        }

        var daemon = new DockerDaemon(layout, process, runner, TimeSpan.Zero);
        try
        {
            await WaitUntilReadyAsync(layout, () => process.HasExited ? $"dockerd exited with {process.ExitCode}" : null, () => process.StandardError,
                readyTimeout ?? DefaultReadyTimeout, cancellationToken);
        }
        catch
        {
            await daemon.StopAsync();
            throw;
        }

        return new DockerDaemon(layout, process, runner, clock.Elapsed);
    }

    /// <summary>
    /// SIGTERM to dockerd itself (it stops its containers and containerd), by its pid; if it has
    /// not ended within <see cref="StopGrace"/>, the whole process tree is killed, which ends its
    /// PID namespace and with it every container. Then its cgroups and directory are removed.
    /// </summary>
    public async Task StopAsync()
    {
        if (this.stopped)
        {
            return;
        }

        this.stopped = true;
        if (!this.process.HasExited && DaemonPid(this.process.Pid) is { } daemonPid)
        {
            // unshare --fork does not pass SIGTERM on: signal dockerd, its only child, directly.
            await this.runner.RunAsync(["kill", "-s", "TERM", "--", daemonPid.ToString(CultureInfo.InvariantCulture)]);
        }

        using (var wait = new CancellationTokenSource(StopGrace))
        {
            try
            {
                await this.process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // It did not stop in time: StopAsync below kills the tree.
            }
        }

        // Whoever started it (the lab) disposes the process object; ending it is this class's job.
        await this.process.StopAsync(TimeSpan.Zero);
        await RemoveLeftoversAsync(Layout, this.runner);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Removes what a daemon of this layout leaves when it is gone: its cgroups (empty once its
    /// processes are gone; deepest first) and its directory. Also for a crashed earlier run.
    /// </summary>
    public static async Task RemoveLeftoversAsync(DockerDaemonLayout layout, IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(runner);
        foreach (var cgroup in CgroupDirectories(layout.CgroupParent))
        {
            try
            {
                Directory.Delete(cgroup);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process is still in it (the kernel is ending it): the sweep of a later run removes it.
            }
        }

        if (Path.Exists(layout.Root))
        {
            // The daemon's mounts lived in its own mount namespace: nothing under Root is mounted here.
            await runner.RunCheckedAsync(["rm", "-rf", "--one-file-system", "--", layout.Root]);
        }
    }

    /// <summary>Every cgroup directory named by <paramref name="parent"/> in every hierarchy, children before parents.</summary>
    public static IReadOnlyList<string> CgroupDirectories(string parent)
    {
        const string root = "/sys/fs/cgroup";
        var relative = parent.TrimStart('/');
        if (relative.Length == 0 || relative.Contains("..", StringComparison.Ordinal) || !Directory.Exists(root))
        {
            return [];
        }

        var found = new List<string>();
        foreach (var hierarchy in Directory.EnumerateDirectories(root))
        {
            var directory = Path.Combine(hierarchy, relative);
            if (Directory.Exists(directory))
            {
                found.AddRange(Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories));
                found.Add(directory);
            }
        }

        return [.. found.OrderByDescending(d => d.Count(c => c == '/')).ThenBy(d => d, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Waits until the API of a daemon of <paramref name="layout"/> answers; throws when
    /// <paramref name="exited"/> says why it is gone, or after <paramref name="timeout"/>, with the end of <paramref name="log"/>.
    /// </summary>
    public static async Task WaitUntilReadyAsync(DockerDaemonLayout layout, Func<string?> exited, Func<string> log, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(exited);
        ArgumentNullException.ThrowIfNull(log);
        using var engine = new DockerEngine(layout.Endpoint);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (exited() is { } gone)
            {
                throw new DockerEngineException($"{gone} before it answered: {Tail(log())}");
            }

            if (Path.Exists(layout.Socket))
            {
                try
                {
                    await engine.PingAsync(cancellationToken);
                    return;
                }
                catch (DockerEngineUnreachableException) when (deadline.Elapsed < timeout)
                {
                    // The socket exists before the API serves: try again.
                }
            }

            if (deadline.Elapsed >= timeout)
            {
                throw new DockerEngineException($"dockerd did not answer at {layout.Endpoint} within {timeout.TotalSeconds:0} s: {Tail(log())}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The pid of unshare's child (dockerd, pid 1 of its namespace), as the machine sees it.</summary>
    private static int? DaemonPid(int unsharePid) => ProcessTable.Children(unsharePid) is [var first, ..] ? first : null;

    private static string Tail(string log)
    {
        var lines = log.Trim().Split('\n');
        return lines.Length == 0 || lines[0].Length == 0 ? "(no output)" : string.Join('\n', lines.TakeLast(5));
    }
}

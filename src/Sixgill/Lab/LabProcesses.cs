using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// Runs the lab's commands and remembers the long-running ones it started (children of this
/// process, and detached daemons), so the lab ends exactly those, by pid, when it is removed.
/// </summary>
internal sealed class LabProcesses
{
    private readonly List<IRunningProcess> started = [];
    private readonly List<LabDaemon> daemons = [];
    private readonly Lock gate = new();

    public LabProcesses(IProcessRunner runner)
    {
        Runner = runner;
    }

    public IProcessRunner Runner { get; }

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken) => Runner.RunAsync(request, cancellationToken);

    public IRunningProcess Start(ProcessRequest request)
    {
        var process = Runner.Start(request);
        lock (gate)
        {
            this.started.Add(process);
        }

        return process;
    }

    /// <summary>The detached daemons this lab knows of: started here, or adopted from the lab's state.</summary>
    public IReadOnlyList<LabDaemon> Daemons
    {
        get
        {
            lock (gate)
            {
                return [.. this.daemons];
            }
        }
    }

    public LabDaemon StartDaemon(string name, string namespaceName, IReadOnlyList<string> command, string directory) =>
        StartDaemon(name, namespaceName, command, NamespaceCommand.InNetwork(namespaceName, command), directory);

    /// <param name="wrapped">The command as started: <paramref name="command"/> inside the namespaces it runs in.</param>
    public LabDaemon StartDaemon(string name, string namespaceName, IReadOnlyList<string> command, IReadOnlyList<string> wrapped, string directory)
    {
        var daemon = LabDaemon.Start(name, namespaceName, command, wrapped, directory);
        Adopt([daemon]);
        return daemon;
    }

    /// <summary>Replaces a daemon this lab knows by <paramref name="replacement"/> (the same daemon, recorded by another pid).</summary>
    public void Replace(LabDaemon daemon, LabDaemon replacement)
    {
        lock (gate)
        {
            this.daemons[this.daemons.IndexOf(daemon)] = replacement;
        }
    }

    /// <summary>Daemons an earlier process started for this lab, to be stopped with the rest.</summary>
    public void Adopt(IEnumerable<LabDaemon> daemons)
    {
        lock (gate)
        {
            this.daemons.AddRange(daemons);
        }
    }

    /// <summary>Ends every process this lab started (SIGTERM, then SIGKILL after the grace time), all at once.</summary>
    /// <returns>The daemons whose pid was left alone (now another program) or would not end.</returns>
    public async Task<IReadOnlyList<LabDaemon>> StopAllAsync()
    {
        IRunningProcess[] started;
        LabDaemon[] daemons;
        lock (gate)
        {
            started = [.. this.started];
            daemons = [.. this.daemons];
            this.started.Clear();
            this.daemons.Clear();
        }

        var stops = daemons.Select(async d => await d.StopAsync(RunningProcess.DefaultGrace) ? null : d).ToList();
        await Task.WhenAll(started.Select(p => p.DisposeAsync().AsTask()));
        return [.. (await Task.WhenAll(stops)).OfType<LabDaemon>()];
    }
}

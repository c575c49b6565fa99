using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// A lab network namespace that is not a node: the switch, the internet, or one a test adds (a
/// pod's). Commands in it see its interfaces but the machine's file system.
/// </summary>
internal sealed class LabNamespace
{
    private readonly LabProcesses processes;

    internal LabNamespace(string name, LabProcesses processes)
    {
        Name = name;
        this.processes = processes;
    }

    /// <summary>The namespace's name in <c>ip netns list</c> (<c>sg-&lt;lab&gt;-…</c>).</summary>
    public string Name { get; }

    /// <summary>The file that names it, e.g. for <c>CNI_NETNS</c> or <c>nsenter --net=</c>.</summary>
    public string Path => LabNames.NetnsPath(Name);

    public IReadOnlyList<string> Command(IReadOnlyList<string> command) => NamespaceCommand.InNetwork(Name, command);

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRequest(command), cancellationToken);

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.processes.RunAsync(request with { Command = Command(request.Command) }, cancellationToken);
    }

    /// <summary>
    /// Starts a daemon in the namespace, detached, so it outlives this process (see <see cref="LabDaemon"/>);
    /// the lab ends it by pid when it is removed. Its pid and log files go to <paramref name="directory"/>.
    /// </summary>
    public LabDaemon StartDaemon(string name, IReadOnlyList<string> command, string directory) =>
        this.processes.StartDaemon(name, Name, command, directory);

    /// <summary>Starts a long-running program in the namespace; the lab ends it when it is removed.</summary>
    public IRunningProcess Start(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.processes.Start(request with { Command = Command(request.Command) });
    }
}

using Sixgill.Machine;

namespace Sixgill.Lab;

/// <summary>
/// A node of a lab: its own network namespace, a mount namespace with its own /etc, /var/lib
/// and /run, and its own hostname. Anything run through it behaves as on a separate machine,
/// while the rest of the file system (programs, /tmp, the test's files) is the machine's.
/// </summary>
internal sealed class LabNode
{
    private readonly LabProcesses processes;

    internal LabNode(LabNodeLayout layout, LabProcesses processes)
    {
        Layout = layout;
        this.processes = processes;
    }

    public LabNodeLayout Layout { get; }

    /// <summary>The node's name, which is also its hostname.</summary>
    public string Name => Layout.Name;

    /// <summary>Its network namespace's name (<c>sg-&lt;lab&gt;-&lt;node&gt;</c>).</summary>
    public string Namespace => Layout.Namespace;

    /// <summary>Its interface on the lab switch (the config's <c>interface</c>).</summary>
    public string Interface => Layout.Interface;

    public bool IsGateway => Layout.IsGateway;

    /// <summary>
    /// The argument vector that runs <paramref name="command"/> inside the node
    /// (<c>nsenter --net=… --mount=… --uts=… -- command…</c>; for a systemd node, <c>nsenter -t PID1 -a</c>).
    /// The working directory inside is <c>/</c>: pass absolute paths.
    /// </summary>
    public IReadOnlyList<string> Command(IReadOnlyList<string> command) =>
        Layout.Kind == LabNodeKind.Systemd ? SystemdMachine.Command(Layout, command) : NamespaceCommand.InNode(Layout, command);

    /// <summary>Namespace nodes share the machine's programs; systemd nodes boot their own root.</summary>
    public LabNodeKind Kind => Layout.Kind;

    public Task<ProcessResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        RunAsync(new ProcessRequest(command), cancellationToken);

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.processes.RunAsync(request with { Command = Command(request.Command) }, cancellationToken);
    }

    /// <summary>Starts a long-running program (a daemon in the foreground) in the node; the lab ends it when removed.</summary>
    public IRunningProcess Start(ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return this.processes.Start(request with { Command = Command(request.Command) });
    }

    /// <summary>
    /// Starts a daemon inside the node (its network, mount and UTS namespaces), detached, so it outlives
    /// this process (see <see cref="LabDaemon"/>); the lab ends it by pid when it is removed.
    /// </summary>
    public LabDaemon StartDaemon(string name, IReadOnlyList<string> command, string directory) =>
        this.processes.StartDaemon(name, Namespace, command, Command(command), directory);

    /// <summary>Records <paramref name="replacement"/> for <paramref name="daemon"/> (the process it forked).</summary>
    public void ReplaceDaemon(LabDaemon daemon, LabDaemon replacement) => this.processes.Replace(daemon, replacement);

    public override string ToString() => Name;
}

using Sixgill.Machine;

namespace Sixgill.Fleet;

/// <summary>
/// How one machine reaches the nodes of a topology to run <c>sixgill</c> on them (docs/commands.md). In the
/// lab it is <c>nsenter</c> into the node's namespaces (the lab's <c>NamespaceTransport</c>); on real
/// machines an SSH transport implements the same: copy the binary and the config, then run.
/// Orchestration (<see cref="FleetRun"/>) knows only this interface.
/// </summary>
internal interface INodeTransport
{
    /// <summary>Where every node reads the cluster file (the transport has put it there): give it to <c>-c</c>.</summary>
    string ConfigPath { get; }

    /// <summary>
    /// Runs <c>sixgill <paramref name="arguments"/>…</c> on <paramref name="node"/> and returns its exit
    /// code and output; a non-zero exit is a result, not an error. The program has started by the
    /// time this returns its task.
    /// </summary>
    Task<ProcessResult> RunSixgillAsync(string node, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

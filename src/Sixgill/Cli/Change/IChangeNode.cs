using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Cli.Change;

/// <summary>
/// The node a change command reads and changes: this machine (<see cref="LocalChangeNode"/>), or
/// fakes in the CLI's in-process tests. Nothing here changes the node; only the executor's steps do.
/// </summary>
internal interface IChangeNode
{
    /// <summary>Whether this process may change the node (effective uid 0).</summary>
    bool IsRoot { get; }

    bool HasProgram(string program);

    /// <summary>The facts the plan depends on (resolver setup, systemd); read-only, works as any user.</summary>
    NodeFacts ReadFacts();

    /// <summary>Links and addresses, for the preflight (does the interface exist?).</summary>
    INetwork Network { get; }

    /// <summary>The node's files, for what a command reads before it plans (init: the config file and the CA); changes go through the executor.</summary>
    IFiles Files { get; }

    /// <param name="journal">Wraps the journal store (tracing, test hooks).</param>
    /// <param name="kubeadm">How the steps that run kubeadm run it (up, down).</param>
    /// <param name="identity">The node and config the journal must belong to.</param>
    Executor Executor(StatePaths paths, Action<ExecutionEvent> observe, Func<IJournalStore, IJournalStore> journal, KubeadmSettings kubeadm, JournalIdentity? identity = null);
}

using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Host.Files;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.Cli.Change;

/// <summary>This machine, through the real adapters; every program run goes through <paramref name="runner"/>. The preflight and the steps share one network adapter, and so its cached reads.</summary>
internal sealed class LocalChangeNode(IProcessRunner runner) : IChangeNode
{
    public bool IsRoot => Environment.IsPrivilegedProcess;

    public INetwork Network { get; } = KernelNetwork.Local(runner);

    public IFiles Files => OperatingSystem.IsLinux() ? new LinuxFiles() : throw new PlatformNotSupportedException("Sixgill changes Linux nodes only");

    public bool HasProgram(string program) => ProgramSearch.IsInstalled(program);

    public NodeFacts ReadFacts() =>
        OperatingSystem.IsLinux() ? NodeFactsReader.Read(new LinuxFiles(), ProgramSearch.IsInstalled, Environment.GetEnvironmentVariable("SUDO_USER")) : throw new PlatformNotSupportedException("Sixgill changes Linux nodes only");

    public Executor Executor(StatePaths paths, Action<ExecutionEvent> observe, Func<IJournalStore, IJournalStore> journal, KubeadmSettings kubeadm, JournalIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(kubeadm);
        return LocalAdapters.Executor(paths, runner, observe, journal, Network, new KubeadmRunner(runner, kubeadm.Timeout, kubeadm.Progress), identity);
    }
}

using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Host.Docker;
using Sixgill.Host.Files;
using Sixgill.Host.Network;
using Sixgill.Host.Processes;
using Sixgill.Host.Systemd;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Verify;

namespace Sixgill.Cli.Change;

/// <summary>The composition for changing the node Sixgill runs on: real adapters, journal and lock under the state directory.</summary>
internal static class LocalAdapters
{
    /// <param name="journal">Wraps the journal store (tracing, the crash test hook); null keeps the file as it is.</param>
    /// <param name="network">The network adapter, when the caller already has one (its reads are cached until the next change).</param>
    /// <param name="identity">The node and config the journal must belong to (null: not checked).</param>
    /// <param name="kubeadm">How kubeadm runs (time limit, where its output goes); by default ten minutes and output dropped.</param>
    public static Executor Executor(
        StatePaths paths,
        IProcessRunner? runner = null,
        Action<ExecutionEvent>? observe = null,
        Func<IJournalStore, IJournalStore>? journal = null,
        INetwork? network = null,
        IKubeadm? kubeadm = null,
        JournalIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Sixgill changes Linux nodes only");
        }

        runner ??= new ProcessRunner();
        var files = new LinuxFiles();
        var systemd = NodeFactsReader.Read(files, ProgramSearch.IsInstalled).Systemd == SystemdState.Running ? new Systemctl(runner) : null;
        var processes = new ProcProcessTable();
        var services = new ServiceHost(new MachinePrograms(runner), processes, new NftCommand(runner, NftablesNetlink.TryOpen), new UdpDnsTransport()) { Ports = new ProcPortListeners(processes) };
        var context = new StepContext(network ?? KernelNetwork.Local(runner), files, new ProcSysctl(), paths.Backups, systemd, services, new Lazy<IDockerEngine>(() => DockerEngine.FromEnvironment()))
        {
            Kubeadm = kubeadm ?? new KubeadmRunner(runner, KubeadmRunner.DefaultTimeout, progress: null),
        };
        IJournalStore store = new JournalFile(files, paths.Journal);
        return new Executor(context, journal?.Invoke(store) ?? store, new StateLock(paths.Lock), observe: observe, identity: identity);
    }

    /// <summary>What <c>verify</c> looks through on this machine: UDP DNS, the system resolver, HTTP, programs.</summary>
    public static VerifyProbes VerifyProbes() => new(new UdpDnsTransport(), new SystemResolver(), new HttpProbe(), new ProcessRunner());
}

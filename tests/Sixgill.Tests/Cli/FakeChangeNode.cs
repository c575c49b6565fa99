using Sixgill.Cli;
using Sixgill.Cli.Change;
using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Host.Processes;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Cli;

/// <summary>
/// Node w1 of examples/lab.yaml made of fakes, for running the change commands in-process without
/// root: eth1 up with a link-local address, plain hosts and resolv.conf, forwarding and bridge netfilter off (br_netfilter built in).
/// </summary>
internal sealed class FakeChangeNode : IChangeNode
{
    public const string Hosts = "127.0.0.1 localhost\n127.0.1.1 w1\n";

    public const string Resolv = "nameserver 203.0.113.53\n";

    public FakeNetwork FakeNetwork { get; } = new FakeNetwork().WithLink("lo", true, "::1/128").WithLink("eth1", true, "fe80::3/64");

    public FakeFiles Files { get; } = new FakeFiles()
        .WithFile("/etc/hosts", Hosts)
        .WithFile("/etc/resolv.conf", Resolv)
        .WithDirectory("/etc/sysctl.d")
        .WithDirectory("/var/lib");

    IFiles IChangeNode.Files => Files;

    public FakeSysctl Sysctl { get; } = new FakeSysctl().With("net.ipv6.conf.all.forwarding", "0").With("net.bridge.bridge-nf-call-ip6tables", "0");

    public FakeRunLock Lock { get; } = new();

    private FakeKubeadm? kubeadm;

    public bool IsRoot { get; set; } = true;

    public HashSet<string> Programs { get; } = ["ip", "systemctl"];

    public NodeFacts Facts { get; set; } = NodeFacts.Plain;

    /// <summary>Replaces the network the steps see (a decorator that fails, say); the preflight sees it too.</summary>
    public INetwork? NetworkOverride { get; set; }

    public INetwork Network => NetworkOverride ?? FakeNetwork;

    public bool HasProgram(string program) => Programs.Contains(program);

    public NodeFacts ReadFacts() => Facts;

    /// <summary>kubeadm on this node: acts on <see cref="Files"/> as the real one acts on the disk.</summary>
    public FakeKubeadm Kubeadm => kubeadm ??= new FakeKubeadm(Files);

    public Executor Executor(StatePaths paths, Action<ExecutionEvent> observe, Func<IJournalStore, IJournalStore> journal, KubeadmSettings kubeadmSettings, JournalIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(journal);
        var context = new StepContext(Network, Files, Sysctl, paths.Backups) { Kubeadm = Kubeadm };
        return new Executor(context, journal(new JournalFile(Files, paths.Journal)), Lock, observe: observe, identity: identity);
    }

    /// <summary>The environment the CLI gets: this node, and the given hooks (none unless a test says).</summary>
    public CommandEnvironment Environment(TestHooks? hooks = null) => new(_ => this, () => hooks ?? TestHooks.None);

    /// <summary>Makes every route replace fail with <paramref name="message"/> (e.g. one that quotes a secret).</summary>
    public void FailRouteChanges(string message)
    {
        FakeNetwork.FailWhen = what => what.StartsWith("route replace ", StringComparison.Ordinal);
        FakeNetwork.FailureText = _ => message;
    }

    public string Snapshot() => FakeNetwork.Snapshot() + Files.Snapshot() + Sysctl.Snapshot();
}

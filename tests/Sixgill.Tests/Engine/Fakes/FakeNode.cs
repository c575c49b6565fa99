using System.Collections.Immutable;
using Sixgill.Engine;
using Sixgill.Host.Files;
using Sixgill.Machine;
using Sixgill.Steps;
using Sixgill.Values;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// A node made of fakes, set up like a fresh Debian box about to be prepared as lab node n1; the
/// journal lives in the fake file system, or on the real disk when a directory is given.
/// </summary>
internal sealed class FakeNode
{
    public const string Token = "abcdef.0123456789abcdef";

    public const string StateDirectory = "/var/lib/sixgill";

    public const string HostsBefore = "127.0.0.1\tlocalhost\n127.0.1.1\tn1\n::1\tlocalhost ip6-localhost ip6-loopback\n";

    public const string ResolvBefore = "search lab.test\nnameserver 203.0.113.53\n";

    public FakeNode(string? journalDirectory = null)
    {
        Network = new FakeNetwork(Doom)
            .WithLink("lo", true, "127.0.0.1/8", "::1/128")
            .WithLink("eth0", true, "fe80::1/64")
            .WithRoute(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:20::99"), "eth0"));
        Files = new FakeFiles(Doom)
            .WithFile("/etc/hosts", HostsBefore)
            .WithFile("/etc/resolv.conf", ResolvBefore)
            .WithFile("/etc/sysctl.d/60-sixgill.conf", "net.ipv6.conf.all.forwarding = 0\n")
            .WithDirectory(StateDirectory);
        Sysctl = new FakeSysctl(Doom).With("net.ipv6.conf.all.forwarding", "0");
        Context = new StepContext(Network, Files, Sysctl, StateDirectory + "/backups");
        IJournalStore store = journalDirectory is null
            ? new JournalFile(Files, StateDirectory + "/journal.json")
            : new JournalFile(OperatingSystem.IsLinux() ? new LinuxFiles() : throw new PlatformNotSupportedException(), Path.Combine(journalDirectory, "journal.json"));
        Journal = new FakeJournalStore(store, Doom);
    }

    public Doom Doom { get; } = new();

    public FakeNetwork Network { get; }

    public FakeFiles Files { get; }

    public FakeSysctl Sysctl { get; }

    public FakeRunLock Lock { get; } = new();

    public StepContext Context { get; }

    public FakeJournalStore Journal { get; }

    public List<ExecutionEvent> Events { get; } = [];

    /// <summary>What prepare would do on n1 (address, sysctl + its file, hosts, resolver, routes, kubeadm config with the token).</summary>
    public static ImmutableArray<Step> PrepareSteps { get; } =
    [
        new EnsureAddress("eth0", InterfaceAddress.Parse("fd00:20::2/64")),
        new EnsureSysctl(SysctlKey.Parse("net.ipv6.conf.all.forwarding"), "1"),
        new EnsureFile("/etc/sysctl.d/60-sixgill.conf", FileBody.FromText("net.ipv6.conf.all.forwarding = 1\n"), Mode("644")),
        new EnsureHostsLines("/etc/hosts", [new HostsEntry(Ip.Parse("fd00:20::2"), "n1"), new HostsEntry(Ip.Parse("fd00:20::3"), "n2")]),
        new EnsureNameserver("/etc/resolv.conf", Ip.Parse("fd00:10::100")),
        new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:10::/64"), Ip.Parse("fd00:20::3"), "eth0")),
        new EnsureRoute(new KernelRoute(Prefix.Parse("fd00:10:64:ff9b::/96"), Ip.Parse("fd00:20::3"), "eth0")),
        new EnsureFile("/etc/sixgill/kubeadm.yaml", FileBody.FromText($"bootstrapTokens:\n- token: {Token}\n"), Mode("600")),
    ];

    public static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    /// <summary>An executor as a new process would build it: same node, same journal.</summary>
    public Executor Executor() => new(Context, Journal, Lock, observe: Events.Add);

    /// <summary>Everything on the node except Sixgill's own state directory.</summary>
    public string Snapshot() => Network.Snapshot() + Files.Snapshot(StateDirectory) + Sysctl.Snapshot();
}

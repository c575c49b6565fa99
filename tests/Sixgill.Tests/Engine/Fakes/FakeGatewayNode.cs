using System.Collections.Immutable;
using Sixgill.Addressing;
using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Gateway;
using Sixgill.Host.Files;
using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Engine.Fakes;

/// <summary>
/// The gateway node of examples/lab.yaml made of fakes: a fresh Debian box with bind9, tayga and
/// nftables installed (the <c>bind</c> user exists), its uplink and management interface, and no
/// AppArmor; with systemd as PID 1 or without. The gateway's steps come from the real plan.
/// </summary>
internal sealed class FakeGatewayNode
{
    public const string StateDirectory = "/var/lib/sixgill";

    public const uint BindId = 106;

    public FakeGatewayNode(string? journalDirectory = null, Supervision supervision = Supervision.Direct)
    {
        Supervision = supervision;
        Network = new FakeNetwork(Doom)
            .WithLink("lo", true, "127.0.0.1/8", "::1/128")
            .WithLink("eth0", true, "203.0.113.2/24")
            .WithLink("eth1", true, "fe80::2/64");
        Files = new FakeFiles(Doom)
            .WithFile(SystemAccounts.PasswdFile, $"root:x:0:0:root:/root:/bin/bash\nbind:x:{BindId}:{BindId}::/var/cache/bind:/usr/sbin/nologin\n")
            .WithFile(SystemAccounts.GroupFile, $"root:x:0:\nbind:x:{BindId}:\n")
            .WithDirectory("/etc/apparmor.d/local")
            .WithDirectory("/run")
            .WithFile(StateDirectory + "/lock", ""); // the real lock file, which never goes
        Sysctl = new FakeSysctl(Doom).With("net.ipv6.conf.all.forwarding", "0").With("net.ipv4.ip_forward", "0");
        Processes = new FakeProcessTable(Doom);
        Nftables = new FakeNftables(Doom);
        Programs = new FakePrograms(Files, Network, Processes, Doom, Sysctl);
        Dns = FakeDns.AnsweringWhile(_ => Processes.All.Any(p => p.Name == "named"));
        Systemd = new FakeSystemd(Doom)
        {
            // What the units' ExecStart lines do: run the daemon (here through the fake programs), and end it.
            Starting = unit => Programs.Run(unit == SystemdUnits.Dns64Unit
                ? ["named", "-u", "bind", "-c", GatewayPaths.Default.Dns64Config]
                : ["tayga", "-c", GatewayPaths.Default.Nat64Config, "--pidfile", GatewayPaths.Default.Nat64PidFile]),
            Stopping = unit => Processes.End(unit == SystemdUnits.Dns64Unit ? "named" : "tayga"),
        };
        Context = new StepContext(Network, Files, Sysctl, StateDirectory + "/backups", supervision == Supervision.Systemd ? Systemd : null,
            new ServiceHost(Programs, Processes, Nftables, Dns));
        IJournalStore store = journalDirectory is null
            ? new JournalFile(Files, StateDirectory + "/journal.json")
            : new JournalFile(OperatingSystem.IsLinux() ? new LinuxFiles() : throw new PlatformNotSupportedException(), Path.Combine(journalDirectory, "journal.json"));
        Journal = new FakeJournalStore(store, Doom);
    }

    public static AddressPlan Plan { get; } = AddressPlan.For(TestClusters.Lab());

    /// <summary>The gateway's own steps (docs/gateway.md), as prepare plans them on gw without systemd.</summary>
    public static ImmutableArray<Step> GatewaySteps { get; } = GatewayPlan.Steps(Plan, GatewayPaths.Default, Supervision.Direct);

    /// <summary>The same where systemd is PID 1: units instead of directly started daemons.</summary>
    public static ImmutableArray<Step> SystemdSteps { get; } = GatewayPlan.Steps(Plan, GatewayPaths.Default, Supervision.Systemd);

    public Supervision Supervision { get; }

    /// <summary>This node's steps: <see cref="GatewaySteps"/> or <see cref="SystemdSteps"/>.</summary>
    public ImmutableArray<Step> Steps => Supervision == Supervision.Systemd ? SystemdSteps : GatewaySteps;

    public FakeSystemd Systemd { get; }

    public Doom Doom { get; } = new();

    public FakeNetwork Network { get; }

    public FakeFiles Files { get; }

    public FakeSysctl Sysctl { get; }

    public FakeProcessTable Processes { get; }

    public FakeNftables Nftables { get; }

    public FakePrograms Programs { get; }

    public FakeDns Dns { get; }

    public StepContext Context { get; }

    public FakeJournalStore Journal { get; }

    public FakeRunLock Lock { get; } = new();

    public Executor Executor() => new(Context, Journal, Lock);

    /// <summary>Prepares the undo, applies, and hands the undo back, as the executor would.</summary>
    public Undo Apply(Step step)
    {
        var undo = step.PrepareUndo(Context);
        step.Apply(Context, undo);
        return undo;
    }

    /// <summary>Applies the gateway's steps up to (not including) the one with this id, as a prepare would have.</summary>
    public void ApplyUntil(string stepId)
    {
        foreach (var step in Steps.TakeWhile(s => s.Id != stepId).Where(s => s.Probe(Context).NeedsChange))
        {
            Apply(step);
        }
    }

    public T Step<T>(string stepId)
        where T : Step => (T)Steps.Single(s => s.Id == stepId);

    /// <summary>Everything on the node except Sixgill's state directory (journal, backups).</summary>
    public string Snapshot() => Network.Snapshot() + Files.Snapshot(StateDirectory + "/journal.json", StateDirectory + "/backups") + Sysctl.Snapshot() + Processes.Snapshot() + Nftables.Snapshot() + Systemd.Snapshot();
}

using Sixgill.Addressing;
using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Steps;

/// <summary>br_netfilter where it is a module: loaded by prepare (and named for the next boot), unloaded by clean.</summary>
public sealed class EnsureKernelModuleTests
{
    private const string Ip6tables = "net.bridge.bridge-nf-call-ip6tables";

    [Fact]
    public void Prepare_loads_the_module_names_it_for_boot_sets_the_sysctl_and_clean_takes_exactly_that_back()
    {
        var node = new ModuleNode();
        var before = node.Snapshot();
        var steps = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain with { BridgeNetfilter = BridgeNetfilter.Module }).Steps;
        steps.Select(s => s.Id).Take(5).ShouldBe(
            ["address:eth1:fd00:20::3/64", "file:/etc/modules-load.d/sixgill.conf", "module:br_netfilter", "sysctl:net.ipv6.conf.all.forwarding", $"sysctl:{Ip6tables}"]);

        var run = node.Executor.Run(PreparePlan.Command, steps);

        run.Succeeded.ShouldBeTrue(run.Failure?.Message);
        node.Programs.Log.ShouldBe(["modprobe br_netfilter"]);
        node.Sysctl.Read(SysctlKey.Parse(Ip6tables)).ShouldBe("1");
        node.Files.Text("/etc/modules-load.d/sixgill.conf").ShouldBe("# written by sixgill prepare, removed by sixgill clean\nbr_netfilter\n");
        node.Files.Text(PreparePlan.SysctlFile)!.ShouldContain($"{Ip6tables} = 1\n");

        node.Executor.Undo(PreparePlan.Command, steps).Succeeded.ShouldBeTrue();

        node.Programs.Log.ShouldBe(["modprobe br_netfilter", "modprobe -r br_netfilter"]);
        node.Snapshot().ShouldBe(before);
    }

    [Fact]
    public void A_module_that_was_loaded_already_is_neither_loaded_nor_unloaded()
    {
        var node = new ModuleNode();
        node.Programs.Run(["modprobe", "br_netfilter"]);
        node.Programs.Log.Clear();
        var steps = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain with { BridgeNetfilter = BridgeNetfilter.Module }).Steps;

        node.Executor.Run(PreparePlan.Command, steps).Succeeded.ShouldBeTrue();
        node.Executor.Undo(PreparePlan.Command, steps).Succeeded.ShouldBeTrue();

        node.Programs.Log.ShouldBeEmpty();
        node.Files.Text("/etc/modules-load.d/sixgill.conf").ShouldBeNull("the boot file was Sixgill's: it goes");
    }

    [Fact]
    public void Without_modprobe_the_module_step_stops_before_any_change()
    {
        var node = new ModuleNode();
        node.Programs.Installed.Remove("modprobe");
        var module = new EnsureKernelModule("br_netfilter", BridgeNetfilterReader.Marker);

        Should.Throw<PreconditionFailedException>(() => module.Probe(node.Context)).Message.ShouldContain("apt-get install -y kmod");
    }

    [Fact]
    public void A_module_in_use_stays_loaded_and_is_reported_as_left_alone()
    {
        var node = new ModuleNode();
        node.Programs.Run(["modprobe", "br_netfilter"]);
        node.Programs.FailWith = line => line == "modprobe -r br_netfilter" ? "modprobe: FATAL: Module br_netfilter is in use.\n" : null;

        var outcome = new UnloadKernelModule("br_netfilter", BridgeNetfilterReader.Marker).Revert(node.Context);

        outcome.Status.ShouldBe(UndoStatus.LeftAlone);
        outcome.Detail!.ShouldContain("in use");
    }

    [Theory]
    [InlineData(true, "", "BuiltIn")]
    [InlineData(true, "br_netfilter 32768 0 - Live 0x0\nbridge 311296 1 br_netfilter, Live 0x0\n", "Module")]
    [InlineData(false, "bridge 311296 0 - Live 0x0\n", "Module")]
    public void The_reader_tells_a_built_in_br_netfilter_from_a_module(bool sysctlThere, string modules, string expected)
    {
        var files = new FakeFiles();
        if (sysctlThere)
        {
            files.WithFile(BridgeNetfilterReader.Marker, "1\n");
        }

        if (modules.Length > 0)
        {
            files.WithFile(BridgeNetfilterReader.LoadedModules, modules);
        }

        BridgeNetfilterReader.Read(files).ToString().ShouldBe(expected);
    }

    /// <summary>Minion w1 of lab.yaml on a kernel where br_netfilter is a module, not loaded.</summary>
    private sealed class ModuleNode
    {
        public ModuleNode()
        {
            Programs = new FakePrograms(Files, Network, new FakeProcessTable(), sysctl: Sysctl);
            Programs.Installed.Add("modprobe");
            Executor = new Executor(Context, new JournalFile(Files, "/var/lib/sixgill/journal.json"), new FakeRunLock());
        }

        public FakeNetwork Network { get; } = new FakeNetwork().WithLink("lo", true, "::1/128").WithLink("eth1", true, "fe80::3/64");

        public FakeFiles Files { get; } = new FakeFiles()
            .WithFile("/etc/hosts", "127.0.0.1 localhost\n")
            .WithFile("/etc/resolv.conf", "nameserver 203.0.113.53\n")
            .WithDirectory("/etc/sysctl.d")
            .WithDirectory("/etc/modules-load.d")
            .WithDirectory("/proc/sys/net/bridge")
            .WithDirectory("/var/lib/sixgill");

        public FakeSysctl Sysctl { get; } = new FakeSysctl().With("net.ipv6.conf.all.forwarding", "0");

        public FakePrograms Programs { get; }

        public StepContext Context => new(Network, Files, Sysctl, "/var/lib/sixgill/backups", Services: new ServiceHost(Programs, null!, null!, null!));

        public Executor Executor { get; }

        public string Snapshot() => Network.Snapshot() + Files.Snapshot() + Sysctl.Snapshot();
    }
}

using System.Text;
using Sixgill.Addressing;
using Sixgill.Config;
using Sixgill.Docker;
using Sixgill.Engine;
using Sixgill.Facts;
using Sixgill.Kube;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Addressing;
using Sixgill.Tests.Engine.Fakes;
using Sixgill.Values;

namespace Sixgill.Tests.Planning;

public sealed class PreparePlanTests
{
    [Fact]
    public void A_minion_gets_address_forwarding_names_resolver_routes_and_kubeadm_config_in_spec_order()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain);

        plan.Problems.ShouldBeEmpty();
        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            "address:eth1:fd00:20::3/64",
            "sysctl:net.ipv6.conf.all.forwarding",
            "sysctl:net.bridge.bridge-nf-call-ip6tables",
            "file:/etc/sysctl.d/60-sixgill.conf",
            "hosts:/etc/hosts",
            "nameserver:/etc/resolv.conf",
            "route:fd00:10:64:ff9b::/96",
            "route:fd00:10::/64",
            "file:/etc/sixgill/kubelet-resolv.conf",
            "file:/etc/sixgill/kubeadm.yaml",
        ]);
        plan.Steps.OfType<EnsureRoute>().Select(s => s.Route.ToString()).ShouldBe(
        [
            "fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1",
            "fd00:10::/64 via fd00:20::2 dev eth1",
        ]);
        ((EnsureNameserver)plan.Steps[5]).Address.ShouldBe(Ip.Parse("fd00:10::100"));
        ((EnsureHostsLines)plan.Steps[4]).Mappings.Select(m => m.ToString()).ShouldBe(["fd00:20::2 gw", "fd00:20::3 w1", "fd00:20::4 w2"]);
    }

    [Fact]
    public void The_kubeadm_config_is_private_and_the_sysctl_file_public()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain);

        var kubeadm = plan.Steps.OfType<EnsureFile>().Single(f => f.Path == "/etc/sixgill/kubeadm.yaml");
        kubeadm.Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Encoding.UTF8.GetString(kubeadm.Body.Bytes).ShouldContain("JoinConfiguration");
        var sysctl = plan.Steps.OfType<EnsureFile>().Single(f => f.Path == PreparePlan.SysctlFile);
        Encoding.UTF8.GetString(sysctl.Body.Bytes).ShouldBe("# written by sixgill prepare, removed by sixgill clean\nnet.ipv6.conf.all.forwarding = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\n");
    }

    [Fact]
    public void The_gateway_node_gets_its_services_first_then_address_both_forwarding_sysctls_and_names()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "gw", NodeFacts.Plain);

        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            "programs:named,named-checkconf,tayga,nft",
            "port:fd00:10::100:53",
            "directory:/etc/sixgill/dns64",
            "directory:/etc/sixgill/nat64",
            "directory:/var/lib/sixgill/dns64",
            "directory:/run/sixgill/dns64",
            "directory:/var/lib/sixgill/nat64",
            "directory:/run/sixgill/nat64",
            "file:/etc/sixgill/dns64/named.conf",
            "file:/etc/sixgill/nat64/tayga.conf",
            "apparmor:/etc/apparmor.d/local/usr.sbin.named",
            "bridge:sixgill0",
            "tunnel:nat64",
            "route:fd00:10:64:ff9b::/96",
            "route:198.51.100.128/25",
            "route:fd00:10::200/128",
            "route:198.51.100.2/32",
            "nftables:ip sixgill",
            "daemon:named",
            "daemon:tayga",
            "address:eth1:fd00:20::2/64",
            "sysctl:net.ipv6.conf.all.forwarding",
            "sysctl:net.ipv4.ip_forward",
            "sysctl:net.bridge.bridge-nf-call-ip6tables",
            "file:/etc/sysctl.d/60-sixgill.conf",
            "hosts:/etc/hosts",
            "nameserver:/etc/resolv.conf",
            "file:/etc/sixgill/kubelet-resolv.conf",
            "file:/etc/sixgill/kubeadm.yaml",
        ]);
        plan.Steps.OfType<EnsureRoute>().ShouldAllBe(route => route.Route.Device == "nat64" && route.Route.Via == null);
    }

    [Fact]
    public void A_node_that_is_only_dns64_nat64_gets_the_services_its_address_forwarding_and_names_but_no_resolver_or_kubeadm()
    {
        var cluster = TestClusters.Lab();
        cluster = cluster with
        {
            Nodes = [.. cluster.Nodes.Select(n => n.Name switch
            {
                "gw" => n with { Roles = NodeRoles.Dns64 | NodeRoles.Nat64 },
                "w1" => n with { Roles = NodeRoles.Master },
                _ => n,
            })],
        };

        var plan = PreparePlan.For(AddressPlan.For(cluster), "gw", NodeFacts.Plain);

        plan.Problems.ShouldBeEmpty();
        plan.Steps[0].ShouldBeOfType<RequirePrograms>();
        plan.Steps.Select(s => s.Id).SkipWhile(id => id != "daemon:tayga").Skip(1).ShouldBe(
        [
            "address:eth1:fd00:20::2/64",
            "sysctl:net.ipv6.conf.all.forwarding",
            "sysctl:net.ipv4.ip_forward",
            "file:/etc/sysctl.d/60-sixgill.conf",
            "hosts:/etc/hosts",
        ]);
    }

    [Fact]
    public void The_docker_runtime_gets_no_native_services()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Orca(ServiceRuntime.Docker)), "my-master", NodeFacts.Plain);

        plan.Steps.ShouldNotContain(step => step is RequirePrograms || step is EnsureDaemon || step is EnsureBridge);
    }

    [Fact]
    public void The_docker_runtime_gets_its_containers_first_on_the_gateway_node_then_the_nodes_own_steps()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Lab() with { Runtime = ServiceRuntime.Docker }), "gw", NodeFacts.Plain);

        plan.Steps.Select(s => s.Id).ShouldBe(
        [
            $"docker:{ImageRecipes.Image(ImageRecipes.Nat64)},{ImageRecipes.Image(ImageRecipes.Dns64)}",
            "directory:/etc/sixgill/dns64",
            "file:/etc/sixgill/dns64/named.conf",
            "docker-network:support_net",
            "container:tayga",
            "container:bind9",
            "route:fd00:10:64:ff9b::/96",
            "route:198.51.100.128/25",
            "nftables:ip sixgill",
            "address:eth1:fd00:20::2/64",
            "sysctl:net.ipv6.conf.all.forwarding",
            "sysctl:net.ipv4.ip_forward",
            "sysctl:net.bridge.bridge-nf-call-ip6tables",
            "file:/etc/sysctl.d/60-sixgill.conf",
            "hosts:/etc/hosts",
            "nameserver:/etc/resolv.conf",
            "file:/etc/sixgill/kubelet-resolv.conf",
            "file:/etc/sixgill/kubeadm.yaml",
        ]);
        plan.Steps.OfType<EnsureRoute>().Select(s => s.Route.ToString()).ShouldBe(["fd00:10:64:ff9b::/96 via fd00:10::200", "198.51.100.128/25 via 198.51.100.2"]);
        plan.Steps.OfType<EnsureContainer>().Select(s => s.AnswersDnsAt).ShouldBe([null, Ip.Parse("fd00:10::100")]);
        var named = Encoding.UTF8.GetString(plan.Steps.OfType<EnsureFile>().First().Body.Bytes);
        named.ShouldContain("forwarders { fd00:10:64:ff9b::cb00:7135; };");
        named.ShouldContain("directory \"/var/cache/bind\";");
        named.ShouldContain("pid-file none;");
    }

    [Fact]
    public void Dual_stack_gets_both_addresses_both_forwarding_sysctls_and_no_resolver_change()
    {
        var cluster = TestClusters.DualStack();
        var node = cluster.Nodes.First(n => n.IsMinion).Name;

        var plan = PreparePlan.For(AddressPlan.For(cluster), node, NodeFacts.Plain);

        plan.Steps.OfType<EnsureAddress>().Select(a => a.Address.Address.Family).ShouldBe([IpFamily.V6, IpFamily.V4]);
        plan.Steps.OfType<EnsureSysctl>().Select(s => s.Key.Name).ShouldBe(
            ["net.ipv6.conf.all.forwarding", "net.ipv4.ip_forward", "net.bridge.bridge-nf-call-ip6tables", "net.bridge.bridge-nf-call-iptables"]);
        plan.Steps.OfType<EnsureNameserver>().ShouldBeEmpty();
        plan.Steps.OfType<EnsureFile>().ShouldNotContain(f => f.Path == KubeletResolvConf.FilePath, "dual-stack keeps the node's own servers for kubelet");
        plan.Steps.OfType<EnsureRoute>().ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_token_the_kubeadm_step_is_a_problem_and_never_a_file_with_a_placeholder()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Orca()), "a-minion", NodeFacts.Plain);

        plan.Problems.ShouldNotBeEmpty();
        plan.Problems[0].ShouldContain("sixgill init");
        plan.Steps.Select(s => s.Id).ShouldNotContain("file:/etc/sixgill/kubeadm.yaml");
    }

    [Fact]
    public void With_systemd_resolved_the_nameserver_goes_into_a_drop_in_and_resolv_conf_is_not_touched()
    {
        var plan = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain with { Resolver = ResolverSetup.SystemdResolvedStub });

        plan.Steps.OfType<EnsureNameserver>().ShouldBeEmpty();
        var dropIn = plan.Steps.OfType<EnsureFile>().Single(f => f.Path == PreparePlan.ResolvedDropIn);
        Encoding.UTF8.GetString(dropIn.Body.Bytes).ShouldEndWith("[Resolve]\nDNS=fd00:10::100\nDomains=~.\n");
    }

    [Fact]
    public void Where_systemd_runs_the_drop_in_restarts_systemd_resolved_and_elsewhere_a_warning_says_it_does_not()
    {
        var addresses = AddressPlan.For(TestClusters.Lab());
        NodeFacts Facts(SystemdState systemd) => new(ResolverSetup.SystemdResolvedStub, systemd);

        var running = PreparePlan.For(addresses, "w1", Facts(SystemdState.Running));
        var notRunning = PreparePlan.For(addresses, "w1", Facts(SystemdState.NotRunning));
        var noSystemctl = PreparePlan.For(addresses, "w1", Facts(SystemdState.NoSystemctl));

        running.Steps.OfType<StepWithRestart>().Single().Unit.ShouldBe("systemd-resolved.service");
        running.Warnings.ShouldBeEmpty();
        notRunning.Steps.OfType<StepWithRestart>().ShouldBeEmpty();
        notRunning.Steps.OfType<EnsureFile>().ShouldContain(f => f.Path == PreparePlan.ResolvedDropIn);
        notRunning.Warnings.ShouldContain(w => w.StartsWith("PID 1 is not systemd: ", StringComparison.Ordinal) && w.Contains(PreparePlan.ResolvedDropIn, StringComparison.Ordinal));
        noSystemctl.Warnings.ShouldContain(w => w.StartsWith("systemctl is not installed: ", StringComparison.Ordinal) && w.Contains(PreparePlan.ResolvedDropIn, StringComparison.Ordinal));
        PreparePlan.For(addresses, "w1", NodeFacts.Plain).Warnings.ShouldNotContain(w => w.Contains(PreparePlan.ResolvedDropIn, StringComparison.Ordinal), "a plain resolv.conf needs no restart");
    }

    [Fact]
    public void Where_systemd_runs_prepare_ends_with_the_config_copy_and_the_boot_unit_and_elsewhere_says_nothing_survives_a_reboot()
    {
        var addresses = AddressPlan.For(TestClusters.Lab());
        var reapply = new ReapplySource(["/usr/bin/sixgill"], "/var/lib/sixgill", "config text");

        var running = PreparePlan.For(addresses, "w1", new NodeFacts(ResolverSetup.PlainFile, SystemdState.Running), reapply);
        var plain = PreparePlan.For(addresses, "w1", NodeFacts.Plain, reapply);

        running.Steps.TakeLast(2).Select(s => s.Id).ShouldBe(["file:/var/lib/sixgill/reapply.yaml", "unit:sixgill-reapply.service"]);
        running.Steps.OfType<EnsureFile>().Single(f => f.Path == reapply.ConfigCopy).Mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        running.Warnings.ShouldBeEmpty();
        plain.Steps.OfType<EnsureBootUnit>().ShouldBeEmpty();
        plain.Warnings.Single().ShouldBe("PID 1 is not systemd: what prepare changes on this node does not survive a reboot (addresses and routes are gone then); run prepare again after a reboot");
    }

    [Fact]
    public void Systemd_is_running_when_its_runtime_directory_exists_and_systemctl_is_installed()
    {
        var booted = new FakeFiles().WithDirectory("/run/systemd/system");

        NodeFactsReader.Read(booted, _ => true).Systemd.ShouldBe(SystemdState.Running);
        NodeFactsReader.Read(booted, program => program != "systemctl").Systemd.ShouldBe(SystemdState.NoSystemctl);
        var plain = NodeFactsReader.Read(new FakeFiles().WithFile("/etc/resolv.conf", "nameserver 203.0.113.53\n"), _ => true);
        (plain.Resolver, plain.Systemd, plain.BridgeNetfilter).ShouldBe((ResolverSetup.PlainFile, SystemdState.NotRunning, BridgeNetfilter.Module));
    }

    [Fact]
    public void A_stub_symlink_into_run_systemd_resolve_is_detected()
    {
        NodeFactsReader.Resolver(ResolvConfLinkedTo("/run/systemd/resolve/stub-resolv.conf")).ShouldBe(ResolverSetup.SystemdResolvedStub);
        NodeFactsReader.Resolver(ResolvConfLinkedTo("/run/resolvconf/resolv.conf")).ShouldBe(ResolverSetup.PlainFile);
        NodeFactsReader.Resolver(new FakeFiles().WithFile("/etc/resolv.conf", "nameserver 203.0.113.53\n")).ShouldBe(ResolverSetup.PlainFile);
    }

    [Fact]
    public void Prepare_then_clean_on_a_fake_minion_leaves_it_exactly_as_it_was()
    {
        var network = new FakeNetwork().WithLink("lo", true, "::1/128").WithLink("eth1", true, "fe80::3/64");
        var files = new FakeFiles()
            .WithFile("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 w1\n")
            .WithFile("/etc/resolv.conf", "nameserver 203.0.113.53\n")
            .WithDirectory("/etc/sysctl.d")
            .WithDirectory("/var/lib/sixgill");
        var sysctl = new FakeSysctl().With("net.ipv6.conf.all.forwarding", "0").With("net.bridge.bridge-nf-call-ip6tables", "0");
        var context = new StepContext(network, files, sysctl, "/var/lib/sixgill/backups");
        var executor = new Executor(context, new JournalFile(files, "/var/lib/sixgill/journal.json"), new FakeRunLock());
        string Snapshot() => network.Snapshot() + files.Snapshot() + sysctl.Snapshot();
        var before = Snapshot();
        var steps = PreparePlan.For(AddressPlan.For(TestClusters.Lab()), "w1", NodeFacts.Plain with { Resolver = NodeFactsReader.Resolver(files) }).Steps;

        var run = executor.Run(PreparePlan.Command, steps);
        run.Succeeded.ShouldBeTrue(run.Failure?.Message);
        files.Text("/etc/hosts").ShouldBe("127.0.0.1 localhost\n#sixgill# 127.0.1.1 w1\nfd00:20::2 gw # sixgill\nfd00:20::3 w1 # sixgill\nfd00:20::4 w2 # sixgill\n");
        files.ModeOf("/etc/sixgill/kubeadm.yaml").ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        executor.Undo(PreparePlan.Command, steps).Succeeded.ShouldBeTrue();

        Snapshot().ShouldBe(before);
    }

    /// <summary>/etc/resolv.conf as a symbolic link to <paramref name="target"/>, a resolver file.</summary>
    private static FakeFiles ResolvConfLinkedTo(string target) =>
        new FakeFiles().WithFile(target, "nameserver 127.0.0.53\n").WithSymlink("/etc/resolv.conf", target);
}

using System.Text.Json;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Systemd lab nodes (Debian machines booting a real systemd with systemd-nspawn, the archive's
/// bind9 enabled, systemd-resolved's stub as the resolver): the demo on them, the distribution's
/// named refused on the gateway, and a prepared lab that survives a reboot of every node with nobody
/// running Sixgill — then clean leaves nothing, and a reboot after clean brings nothing back.
/// </summary>
public sealed class SystemdLabTests
{
    private const string Dns64 = "fd00:10::100";
    private const string Dns64Prefix = "fd00:10:64:ff9b::";

    [Fact]
    public async Task The_demo_on_systemd_nodes_passes_and_removes_everything()
    {
        SystemdRequirements.Require();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "--kind", "systemd", "--output", "json");
            TestContext.Current.TestOutputHelper?.WriteLine(demo.StandardError);
            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            demo.StandardError.ShouldContain("systemctl disable --now named.service");
            using var report = JsonDocument.Parse(demo.StandardOutput);
            report.RootElement.GetProperty("checks").EnumerateArray().ShouldAllBe(c => c.GetProperty("outcome").GetString() == "passed");
            await lab.ShouldBeGoneAsync([]);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_prepared_systemd_lab_comes_back_after_every_node_reboots_and_clean_leaves_nothing()
    {
        SystemdRequirements.Require();
        var lab = await LabCli.NewAsync();
        var node = new SystemdNodes(lab);
        try
        {
            (await lab.RunAsync("up", "--kind", "systemd")).ExitCode.ShouldBe(0);
            var resolverBefore = await node.OutputAsync("w1", "resolvectl", "dns");
            var resolvConf = await node.OutputAsync("w1", "readlink", "/etc/resolv.conf");

            // The archive's named runs on the gateway: refused before any change, the unit and the fix named.
            var refused = await node.SixgillAsync("gw", "prepare");
            refused.ExitCode.ShouldBe(3, refused.StandardError);
            refused.StandardError.ShouldContain("named.service");
            refused.StandardError.ShouldContain("systemctl disable --now named.service");
            (await node.RunAsync("gw", "test", "-e", "/etc/sixgill")).ExitCode.ShouldNotBe(0, "nothing may change before the refusal");

            // As told: then it goes through, every node.
            (await node.RunAsync("gw", "systemctl", "disable", "--now", "named.service")).ExitCode.ShouldBe(0);
            foreach (var name in new[] { "gw", "w1", "w2" })
            {
                var prepare = await node.SixgillAsync(name, "prepare");
                prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
                prepare.StandardOutput.ShouldContain("sixgill-reapply.service");
            }

            // 20 of 20 AAAA answers synthesized: Sixgill's named is the only server on the address.
            var answers = await node.OutputAsync("w1", "sh", "-c",
                $"for i in $(seq 1 20); do dig +short +time=2 +tries=1 AAAA {InternetZone.WebName} @{Dns64}; done");
            answers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(a => a.StartsWith(Dns64Prefix, StringComparison.Ordinal)).Count().ShouldBe(20, answers);

            // systemd-resolved's stub: the drop-in, the restart, the DNS64 server first.
            (await node.OutputAsync("w1", "resolvectl", "dns")).ShouldContain($"Global: {Dns64}");

            (await lab.RunAsync("reboot", "--all")).ExitCode.ShouldBe(0);
            await node.ShouldBePreparedAsync("gw", "w1", "w2");

            // A node whose boot unit did not run shows exactly what the reboot took.
            (await node.RunAsync("w2", "systemctl", "disable", "sixgill-reapply.service")).ExitCode.ShouldBe(0);
            (await lab.RunAsync("reboot", "w2")).ExitCode.ShouldBe(0);
            var drift = await node.SixgillAsync("w2", "plan", "prepare", "--detailed-exitcode");
            drift.ExitCode.ShouldBe(10, drift.StandardOutput + drift.StandardError);
            drift.StandardOutput.ShouldContain("address fd00:20::4/64 on eth1");
            drift.StandardOutput.ShouldContain("route fd00:10:64:ff9b::/96");
            (await node.SixgillAsync("w2", "prepare")).ExitCode.ShouldBe(0);

            foreach (var name in new[] { "w2", "w1", "gw" })
            {
                var clean = await node.SixgillAsync(name, "clean");
                clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            }

            await node.ShouldHaveNothingOfSixgillAsync(resolverBefore, resolvConf);
            (await lab.RunAsync("reboot", "--all")).ExitCode.ShouldBe(0);
            await node.ShouldHaveNothingOfSixgillAsync(resolverBefore, resolvConf);

            // As after a crash of the process that made the lab: no state file, the nodes still booted.
            File.Delete(lab.Names.StateFile);
            var pids = await lab.ProcessesAsync();
            (await lab.RunAsync("down")).ExitCode.ShouldBe(0);
            await lab.ShouldBeGoneAsync(pids);
            SystemdMachine.NspawnsOf(lab.Names).ShouldBeEmpty();
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact]
    public async Task After_up_every_node_comes_back_up_after_a_reboot_without_joining_again()
    {
        SystemdRequirements.Require();
        var lab = await LabCli.NewAsync();
        var node = new SystemdNodes(lab);
        string[] nodes = ["gw", "w1", "w2"];
        try
        {
            (await lab.RunAsync("up", "--kind", "systemd")).ExitCode.ShouldBe(0);
            (await node.RunAsync("gw", "systemctl", "disable", "--now", "named.service")).ExitCode.ShouldBe(0);
            var before = new Dictionary<string, string>();
            foreach (var name in nodes)
            {
                await node.UseKubeadmStandInAsync(name);
                var prepare = await node.SixgillAsync(name, "prepare");
                prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
            }

            foreach (var name in nodes)
            {
                var up = await node.SixgillAsync(name, "up");
                up.ExitCode.ShouldBe(0, up.StandardOutput + up.StandardError);
                before[name] = await node.UpStateAsync(name);
            }

            before["w1"].ShouldContain("fd00:40:0:0:2::/80 via fd00:20::2 dev eth1");
            before["w1"].ShouldContain("fd00:40:0:0:4::/80 via fd00:20::4 dev eth1");
            before["w1"].ShouldContain("fd00:20::3/64");
            before["w1"].ShouldContain("\"cniVersion\"", Case.Sensitive, "the CNI config is part of what must come back");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            (await lab.RunAsync("reboot", "--all")).ExitCode.ShouldBe(0);
            await node.ShouldBePreparedAsync(nodes);
            TestContext.Current.TestOutputHelper?.WriteLine($"every node rebooted, re-applied and verified in {clock.Elapsed.TotalSeconds:0.0} s");

            foreach (var name in nodes)
            {
                var plan = await node.SixgillAsync(name, "plan", "up", "--detailed-exitcode");
                plan.ExitCode.ShouldBe(0, $"{name}: {plan.StandardOutput}{plan.StandardError}");
                (await node.UpStateAsync(name)).ShouldBe(before[name], $"{name}: addresses, routes, CNI config and resolver as before the reboot");
            }

            (await node.KubeadmCallsAsync("gw")).ShouldBe(["init --config /etc/sixgill/kubeadm.yaml"], "the master is initialized already: no second init");
            (await node.KubeadmCallsAsync("w1")).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"], "the node is in the cluster already: no second join");
            (await node.KubeadmCallsAsync("w2")).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"]);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact]
    public async Task With_the_docker_runtime_a_rebooted_gateway_gets_back_its_containers_routes_and_NAT44()
    {
        SystemdRequirements.Require();
        DockerRequirements.Require();
        var lab = await LabCli.NewAsync();
        var node = new SystemdNodes(lab);
        try
        {
            var up = await lab.RunAsync("up", "--kind", "systemd", "--runtime", "docker");
            up.ExitCode.ShouldBe(0, up.StandardOutput + up.StandardError);
            (await node.OutputAsync("gw", "systemctl", "is-enabled", "docker.service")).Trim().ShouldBe("enabled", "the engine starts at every boot");
            (await node.RunAsync("gw", "systemctl", "disable", "--now", "named.service")).ExitCode.ShouldBe(0);
            foreach (var name in new[] { "gw", "w1", "w2" })
            {
                var prepare = await node.SixgillAsync(name, "prepare");
                prepare.ExitCode.ShouldBe(0, prepare.StandardOutput + prepare.StandardError);
            }

            (await node.OutputAsync("gw", "systemctl", "cat", "sixgill-reapply.service")).ShouldContain(" docker.service\n", Case.Sensitive, "re-applied once the engine answers");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            (await lab.RunAsync("reboot", "gw")).ExitCode.ShouldBe(0);
            await node.ShouldBePreparedAsync("gw");
            foreach (var minion in new[] { "w1", "w2" })
            {
                var verify = await node.SixgillAsync(minion, "verify", "--expect", InternetServices.Page.Trim());
                verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"the docker gateway rebooted, re-applied and verified from both minions in {clock.Elapsed.TotalSeconds:0.0} s");

            // The engine started the containers again (restart policy); the boot unit made the host routes and NAT44 again.
            var reapplied = await node.OutputAsync("gw", "journalctl", "--no-pager", "-b", "-o", "cat", "-u", "sixgill-reapply.service");
            reapplied.ShouldContain("= container bind9");
            reapplied.ShouldContain("= container tayga");
            reapplied.ShouldContain("+ route fd00:10:64:ff9b::/96 via fd00:10::200");
            reapplied.ShouldContain("+ nftables table ip sixgill");

            foreach (var name in new[] { "w2", "w1", "gw" })
            {
                var clean = await node.SixgillAsync(name, "clean");
                clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            }

            (await lab.RunAsync("down")).ExitCode.ShouldBe(0);
            await lab.ShouldBeGoneAsync([]);
            Sixgill.Host.Docker.DockerDaemon.CgroupDirectories(LabDocker.Layout(lab.Names).CgroupParent).ShouldBeEmpty("the node's engine made its cgroups under the lab's parent; down removes them");
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }
}

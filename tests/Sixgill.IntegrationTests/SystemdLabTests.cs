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
}

using System.Text.Json;
using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>sixgill lab demo</c>, the project's main command, end to end with real named, TAYGA and nft;
/// and what a crash in the middle of it leaves for the next <c>lab down</c> or <c>lab up</c>.
/// </summary>
public sealed class LabDemoTests
{
    private static readonly Dictionary<string, string?> KillInPrepare = new() { [LabTestHooks.KillVariable] = "prepare" };

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_demo_proves_DNS64_and_NAT64_from_every_minion_and_removes_everything()
    {
        GatewayRequirements.Require();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "--output", "json");
            TestContext.Current.TestOutputHelper?.WriteLine(demo.StandardError);
            TestContext.Current.TestOutputHelper?.WriteLine(demo.StandardOutput);

            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            using var report = JsonDocument.Parse(demo.StandardOutput);
            var root = report.RootElement;
            root.GetProperty("passed").GetBoolean().ShouldBeTrue();
            root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["up", "prepare", "verify", "clean", "down"]);
            var checks = root.GetProperty("checks").EnumerateArray().ToList();
            checks.Select(c => c.GetProperty("node").GetString()).Distinct().ShouldBe(["w1", "w2"]);
            checks.ShouldAllBe(c => c.GetProperty("outcome").GetString() == "passed");
            checks.Single(c => c.GetProperty("node").GetString() == "w1" && c.GetProperty("name").GetString() == "http-by-name")
                .GetProperty("detail").GetString()!.ShouldContain("fd00:10:64:ff9b::cb00:7150");
            await lab.ShouldBeGoneAsync([]);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task With_keep_the_lab_stays_up_prepared_until_lab_down()
    {
        GatewayRequirements.Require();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "--keep");
            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            demo.StandardOutput.ShouldContain("the lab is still up");

            using (var status = await lab.StatusAsync())
            {
                var root = status.RootElement;
                root.GetProperty("state").GetString().ShouldBe("up");
                root.TryGetProperty("ownerPid", out _).ShouldBeFalse("a kept lab has no owner");
                var gw = root.GetProperty("namespaces")[0];
                var programs = gw.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("program").GetString()).ToList();
                programs.ShouldContain("named");
                programs.ShouldContain("tayga");
            }

            // A kept lab may be driven with --all afterwards: it has the access network and its admin node.
            (await lab.RunAsync("exec", "admin", "--", "true")).ExitCode.ShouldBe(0, "the admin node of a kept lab");

            var page = await lab.RunAsync("exec", "w1", "--", "curl", "--silent", "--noproxy", "*", "--max-time", "5", InternetServices.WebUrl());
            page.ExitCode.ShouldBe(0, page.StandardError);
            page.StandardOutput.ShouldBe(InternetServices.Page);

            var pids = await lab.ProcessesAsync();
            (await lab.RunAsync("down")).ExitCode.ShouldBe(0);
            await lab.ShouldBeGoneAsync(pids);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task With_ssh_the_admin_node_drives_every_node_over_SSH_and_each_node_runs_the_uploaded_program()
    {
        GatewayRequirements.Require();
        Guard.Require(File.Exists(LabAccess.Sshd), "lab demo --ssh", "sshd (openssh-server)");
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync("demo", "--ssh", "--keep", "--output", "json");
            demo.ExitCode.ShouldBe(0, demo.StandardOutput + demo.StandardError);
            demo.StandardError.ShouldContain("prepare: sixgill prepare --all over SSH from the admin node");
            demo.StandardError.ShouldContain("verify: sixgill verify --node w1 --node w2 over SSH from the admin node");
            using (var report = JsonDocument.Parse(demo.StandardOutput))
            {
                var root = report.RootElement;
                root.GetProperty("passed").GetBoolean().ShouldBeTrue();
                root.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["up", "prepare", "verify"]);
                var checks = root.GetProperty("checks").EnumerateArray().ToList();
                checks.Select(c => c.GetProperty("node").GetString()).Distinct().ShouldBe(["w1", "w2"]);
                checks.ShouldAllBe(c => c.GetProperty("outcome").GetString() == "passed");
            }

            // What only SSH leaves: the program and the config put on every node over SFTP.
            foreach (var node in new[] { "gw", "w1", "w2" })
            {
                var sent = await lab.RunAsync("exec", node, "--", "stat", "-c", "%a %s", "/var/lib/sixgill/bin/sixgill", "/etc/sixgill/cluster.yaml");
                sent.ExitCode.ShouldBe(0, $"{node}: {sent.StandardError}");
                var lines = sent.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                lines[0].Split(' ')[1].ShouldBe(new FileInfo(SixgillInNode.Executable).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), node);
                lines[1].Split(' ')[0].ShouldBe("600", node);
            }

            var pids = await lab.ProcessesAsync();
            (await lab.RunAsync("down")).ExitCode.ShouldBe(0);
            await lab.ShouldBeGoneAsync(pids);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_demo_killed_in_the_middle_of_prepare_is_removed_completely_by_lab_down()
    {
        GatewayRequirements.Require();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var demo = await lab.RunAsync(KillInPrepare, "demo");
            demo.ExitCode.ShouldBe(137, "killed with SIGKILL by the test hook: " + demo.StandardError);
            demo.StandardError.ShouldContain("prepare: gw");

            using (var status = await lab.StatusAsync())
            {
                status.RootElement.GetProperty("state").GetString().ShouldBe("leftovers", "its owner, the demo, is dead");
            }

            var pids = await lab.ProcessesAsync();
            var down = await lab.RunAsync("down");
            down.ExitCode.ShouldBe(0, down.StandardOutput + down.StandardError);
            await lab.ShouldBeGoneAsync(pids);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_next_up_of_the_same_name_sweeps_what_a_killed_demo_left()
    {
        GatewayRequirements.Require();
        var lab = await LabCli.NewAsync();
        try
        {
            (await lab.RunAsync(KillInPrepare, "demo")).ExitCode.ShouldBe(137);
            var pids = await lab.ProcessesAsync();

            var up = await lab.RunAsync("up");
            up.ExitCode.ShouldBe(0, up.StandardError);
            up.StandardError.ShouldContain($"removed what an earlier run of lab '{lab.Name}' had left");
            pids.Where(LabLeftovers.IsRunning).ShouldBeEmpty();
            (await lab.RunAsync("down")).ExitCode.ShouldBe(0);
            await lab.ShouldBeGoneAsync(pids);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }
}

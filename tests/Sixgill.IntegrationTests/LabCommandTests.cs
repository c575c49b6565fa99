using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill lab up|status|exec|down</c> as processes of their own, against real namespaces and daemons.</summary>
public sealed class LabCommandTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Up_status_exec_and_down_leave_the_machine_as_it_was()
    {
        GatewayRequirements.Require();
        var before = await RootNamespaceSnapshot.TakeAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            var up = await lab.RunAsync("up");
            up.ExitCode.ShouldBe(0, up.StandardError);
            up.StandardOutput.ShouldContain($"lab '{lab.Name}' is up, made from examples/lab.yaml (built in)");
            File.ReadAllText(lab.Names.NodeConfig).ShouldBe(EmbeddedLabConfig.Text);

            // The daemons outlived 'lab up': the internet answers by name, from the gateway node.
            var dig = await lab.RunAsync("exec", "gw", "--", "dig", "+short", "+time=2", "+tries=1", $"@{LabInternet.DnsServer}", InternetZone.WebName, "A");
            dig.ExitCode.ShouldBe(0, dig.StandardError);
            dig.StandardOutput.Trim().ShouldBe(LabInternet.WebServer);

            using var status = await lab.StatusAsync();
            var root = status.RootElement;
            root.GetProperty("state").GetString().ShouldBe("up");
            root.GetProperty("nodeConfig").GetString().ShouldBe(lab.Names.NodeConfig);
            var spaces = root.GetProperty("namespaces").EnumerateArray().ToList();
            spaces.Select(s => s.GetProperty("name").GetString()).ShouldBe(["gw", "w1", "w2", "internet", "switch"]);
            spaces.ShouldAllBe(s => s.GetProperty("present").GetBoolean());
            var gwAddresses = spaces[0].GetProperty("interfaces").EnumerateArray().SelectMany(i => i.GetProperty("addresses").EnumerateArray()).Select(a => a.GetString());
            gwAddresses.ShouldContain($"{LabInternet.GatewayUplink}/24");
            var daemons = root.GetProperty("daemons").EnumerateArray().ToList();
            daemons.Select(d => (d.GetProperty("program").GetString(), d.GetProperty("running").GetBoolean())).ShouldBe([("dnsmasq", true), ("busybox", true), ("sshd", true), ("sshd", true), ("sshd", true)]);
            var pids = await lab.ProcessesAsync();
            pids.ShouldContain(daemons[0].GetProperty("pid").GetInt32());

            var again = await lab.RunAsync("up");
            again.ExitCode.ShouldBe(3, "a lab that is up is not made twice");
            again.StandardError.ShouldContain("is already up");

            var down = await lab.RunAsync("down");
            down.ExitCode.ShouldBe(0, down.StandardError);
            down.StandardOutput.ShouldContain($"lab '{lab.Name}' removed: 5 daemons");
            await lab.ShouldBeGoneAsync(pids);
            (await lab.RunAsync("down")).StandardOutput.ShouldContain("is not up: nothing to remove");
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }

        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Exec_passes_the_commands_exit_code_through_and_runs_it_inside_the_node()
    {
        GatewayRequirements.Require();
        var lab = await LabCli.NewAsync();
        try
        {
            (await lab.RunAsync("up")).ExitCode.ShouldBe(0);

            var exec = await lab.RunAsync("exec", "w2", "--", "sh", "-c", "hostname; ip -br link show eth1 >/dev/null && exit 7");
            exec.ExitCode.ShouldBe(7, exec.StandardError);
            exec.StandardOutput.ShouldBe("w2\n");
            (await lab.RunAsync("exec", "w1", "--", "false")).ExitCode.ShouldBe(1);
            (await lab.RunAsync("exec", "internet", "--", "ip", "-6", "address", "show")).StandardOutput.Trim().ShouldBeEmpty("the internet is IPv4-only");
            var unknown = await lab.RunAsync("exec", "w9", "--", "true");
            unknown.ExitCode.ShouldBe(2);
            unknown.StandardError.ShouldContain("give one of: gw, w1, w2, internet, switch");
        }
        finally
        {
            await lab.RunAsync("down");
            await lab.DownQuietlyAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Commands_on_a_lab_that_is_not_up_say_so_and_need_root()
    {
        LabRequirements.Require();
        var lab = await LabCli.NewAsync();

        var exec = await lab.RunAsync("exec", "w1", "--", "true");
        exec.ExitCode.ShouldBe(3);
        exec.StandardError.ShouldContain($"lab '{lab.Name}' is not up");
        var status = await lab.RunAsync("status", "--output", "json");
        status.ExitCode.ShouldBe(3);
        JsonDocument.Parse(status.StandardOutput).RootElement.GetProperty("state").GetString().ShouldBe("absent");

        string[] nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", SixgillInNode.Executable, "lab", "up", "--name", lab.Name];
        var asNobody = await new ProcessRunner().RunAsync(nobody, TestContext.Current.CancellationToken);
        asNobody.ExitCode.ShouldBe(3);
        asNobody.StandardError.ShouldContain("run as root: sudo sixgill lab up");
        (await LabLeftovers.FindAsync(lab.Name)).ShouldBeEmpty();
    }
}

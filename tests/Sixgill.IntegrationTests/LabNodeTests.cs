using System.Security.Cryptography;
using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>What a lab node is: a machine of its own as far as names, files and network go.</summary>
public sealed class LabNodeTests(ThreeNodeLabFixture fixture) : IClassFixture<ThreeNodeLabFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_node_sees_its_own_hostname()
    {
        var lab = fixture.Lab;
        var machine = (await new ProcessRunner().RunCheckedAsync(["hostname"], Cancel)).StandardOutput.Trim();

        foreach (var node in lab.Nodes)
        {
            (await node.RunAsync(["hostname"], Cancel)).EnsureSuccess().StandardOutput.Trim().ShouldBe(node.Name);
        }

        (await new ProcessRunner().RunCheckedAsync(["hostname"], Cancel)).StandardOutput.Trim().ShouldBe(machine);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Writing_hosts_in_a_node_leaves_the_machines_hosts_file_alone()
    {
        var lab = fixture.Lab;
        var before = HashOf("/etc/hosts");
        var text = $"# written by {nameof(Writing_hosts_in_a_node_leaves_the_machines_hosts_file_alone)}\nfd00:20::3 w1\n";

        (await lab.Node("w1").RunAsync(new ProcessRequest(["tee", "/etc/hosts"]) { StandardInput = text }, Cancel)).EnsureSuccess();

        (await lab.Node("w1").RunAsync(["cat", "/etc/hosts"], Cancel)).StandardOutput.ShouldBe(text);
        HashOf("/etc/hosts").ShouldBe(before);
        (await lab.Node("w2").RunAsync(["cat", "/etc/hosts"], Cancel)).StandardOutput.ShouldBe(await File.ReadAllTextAsync("/etc/hosts", Cancel));
        File.ReadAllText(Path.Combine(lab.Node("w1").Layout.EtcUpper, "hosts")).ShouldBe(text);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Two_nodes_ping_each_other_over_the_switch()
    {
        var lab = fixture.Lab;
        var runner = new ProcessRunner();
        await runner.RunCheckedAsync(["ip", "-n", lab.Node("w1").Namespace, "address", "replace", "fd00:20::2/64", "dev", "eth1"], Cancel);
        await runner.RunCheckedAsync(["ip", "-n", lab.Node("w2").Namespace, "address", "replace", "fd00:20::3/64", "dev", "eth1"], Cancel);

        var ping = await lab.Node("w1").RunAsync(["ping", "-6", "-c", "1", "-W", "5", "fd00:20::3"], Cancel);

        ping.ExitCode.ShouldBe(0, ping.StandardOutput + ping.StandardError);
        (await lab.Node("w2").RunAsync(["ping", "-6", "-c", "1", "-W", "5", "fd00:20::2"], Cancel)).ExitCode.ShouldBe(0);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Only_the_gateway_reaches_the_IPv4_only_internet()
    {
        var lab = fixture.Lab;
        var internet = lab.Internet.ShouldNotBeNull();

        var ping = await lab.Gateway.ShouldNotBeNull().RunAsync(["ping", "-4", "-c", "1", "-W", "5", LabInternet.Router], Cancel);

        ping.ExitCode.ShouldBe(0, ping.StandardOutput + ping.StandardError);
        (await lab.Node("w1").RunAsync(["ip", "-4", "route"], Cancel)).StandardOutput.Trim().ShouldBeEmpty();
        var families = await FamiliesAsync(internet);
        families.ShouldContain("inet");
        families.ShouldNotContain("inet6");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Root_has_an_empty_home_of_its_own_in_every_node_so_the_machines_dot_files_never_reach_it()
    {
        var lab = fixture.Lab;
        var marker = $"/root/sixgill-lab-test-{Environment.ProcessId}";
        var (w1, w2) = (lab.Node("w1"), lab.Node("w2"));
        try
        {
            foreach (var node in lab.Nodes)
            {
                (await node.RunAsync(["stat", "-f", "-c", "%T", "/root"], Cancel)).EnsureSuccess().StandardOutput.Trim().ShouldBe("tmpfs", node.Name);
                (await node.RunAsync(["stat", "-c", "%a", "/root"], Cancel)).EnsureSuccess().StandardOutput.Trim().ShouldBe("700", node.Name);
            }

            (await w1.RunAsync(["touch", marker], Cancel)).EnsureSuccess();
            (await w1.RunAsync(["ls", "-A", "/root"], Cancel)).EnsureSuccess().StandardOutput.Trim().ShouldBe(Path.GetFileName(marker));
            (await w2.RunAsync(["ls", "-A", "/root"], Cancel)).EnsureSuccess().StandardOutput.Trim().ShouldBeEmpty();
            File.Exists(marker).ShouldBeFalse();
        }
        finally
        {
            // Only if isolation failed did it land on the machine: remove exactly it.
            if (File.Exists(marker))
            {
                File.Delete(marker);
            }

            await w1.RunAsync(["rm", "-f", marker], Cancel);
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_node_has_its_own_run_and_var_lib()
    {
        var lab = fixture.Lab;
        var marker = $"sixgill-lab-test-{Environment.ProcessId}";
        var (w1, w2) = (lab.Node("w1"), lab.Node("w2"));
        try
        {
            (await w1.RunAsync(["touch", $"/run/{marker}"], Cancel)).EnsureSuccess();
            (await w1.RunAsync(["mkdir", "-p", $"/var/lib/sixgill/{marker}"], Cancel)).EnsureSuccess();
            (await w1.RunAsync(["touch", $"/var/lib/cni/{marker}"], Cancel)).EnsureSuccess();

            foreach (var path in new[] { $"/run/{marker}", $"/var/lib/sixgill/{marker}", $"/var/lib/cni/{marker}" })
            {
                (await w1.RunAsync(["test", "-e", path], Cancel)).ExitCode.ShouldBe(0, path);
                (await w2.RunAsync(["test", "-e", path], Cancel)).ExitCode.ShouldNotBe(0, path);
                Path.Exists(path).ShouldBeFalse(path);
            }
        }
        finally
        {
            // Only if isolation failed did these land on the machine: remove exactly them.
            foreach (var file in new[] { $"/run/{marker}", $"/var/lib/cni/{marker}" }.Where(File.Exists))
            {
                File.Delete(file);
            }

            if (Directory.Exists($"/var/lib/sixgill/{marker}"))
            {
                Directory.Delete($"/var/lib/sixgill/{marker}");
            }
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_namespace_added_later_shows_in_every_nodes_run_netns()
    {
        var lab = fixture.Lab;

        var pod = await lab.AddNamespaceAsync("pod1", Cancel);

        foreach (var node in lab.Nodes)
        {
            var listing = (await node.RunAsync(["ls", "/run/netns"], Cancel)).EnsureSuccess().StandardOutput;
            listing.Split('\n').ShouldContain(pod.Name, node.Name);
        }

        (await pod.RunAsync(["ip", "-br", "link", "show", "lo"], Cancel)).StandardOutput.ShouldContain("UNKNOWN");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task The_built_sixgill_runs_inside_a_node()
    {
        var lab = fixture.Lab;

        var result = await SixgillInNode.RunAsync(lab.Node("w1"), "version");

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.Trim().ShouldNotBeEmpty();
    }

    private static string HashOf(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<IReadOnlyList<string>> FamiliesAsync(LabNamespace ns)
    {
        var json = (await ns.RunAsync(["ip", "-j", "address"], Cancel)).EnsureSuccess().StandardOutput;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .SelectMany(link => link.GetProperty("addr_info").EnumerateArray())
            .Select(address => address.GetProperty("family").GetString() ?? "")
            .ToList();
    }
}

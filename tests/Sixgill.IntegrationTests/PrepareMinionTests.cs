using System.Text.Json;

namespace Sixgill.IntegrationTests;

/// <summary><c>sixgill prepare</c> of minion w1 of <c>examples/lab.yaml</c>, run inside a lab node.</summary>
public sealed class PrepareMinionTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Prepare_gives_w1_its_address_routes_names_resolver_forwarding_and_join_config()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");

        var result = await lab.SixgillAsync(w1, "prepare");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var addresses = await PrepareLab.ShAsync(w1, "ip -j address show dev eth1");
        using (var json = JsonDocument.Parse(addresses))
        {
            json.RootElement[0].GetProperty("addr_info").EnumerateArray()
                .Select(a => $"{a.GetProperty("local").GetString()}/{a.GetProperty("prefixlen").GetInt32()}")
                .ShouldContain("fd00:20::3/64");
        }

        var routes = await RoutesAsync(w1);
        routes.ShouldContain("fd00:10:64:ff9b::/96 via fd00:20::2 dev eth1");
        routes.ShouldContain("fd00:10::/64 via fd00:20::2 dev eth1");

        var hosts = await PrepareLab.ShAsync(w1, "cat /etc/hosts");
        hosts.ShouldContain("fd00:20::2 gw # sixgill\n");
        hosts.ShouldContain("fd00:20::3 w1 # sixgill\n");
        hosts.ShouldContain("fd00:20::4 w2 # sixgill\n");

        var nameservers = (await PrepareLab.ShAsync(w1, "cat /etc/resolv.conf")).Split('\n').Where(l => l.StartsWith("nameserver", StringComparison.Ordinal)).ToList();
        nameservers[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].ShouldBe("fd00:10::100");

        (await PrepareLab.ShAsync(w1, "cat /proc/sys/net/ipv6/conf/all/forwarding")).Trim().ShouldBe("1");
        (await PrepareLab.ShAsync(w1, "cat /etc/sysctl.d/60-sixgill.conf")).ShouldContain("net.ipv6.conf.all.forwarding = 1");

        (await PrepareLab.ShAsync(w1, "stat -c '%a %U' /etc/sixgill/kubeadm.yaml")).Trim().ShouldBe("600 root");
        var kubeadm = await PrepareLab.ShAsync(w1, "cat /etc/sixgill/kubeadm.yaml");
        kubeadm.ShouldContain("apiVersion: kubeadm.k8s.io/v1beta4");
        kubeadm.ShouldContain("kind: JoinConfiguration");
        kubeadm.ShouldContain("apiServerEndpoint: \"[fd00:20::2]:6443\"");
        kubeadm.ShouldNotContain("kind: InitConfiguration");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_second_prepare_applies_nothing_and_plan_then_shows_only_already_so()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        (await lab.SixgillAsync(w1, "plan", "--detailed-exitcode")).ExitCode.ShouldBe(10, "changes are pending before prepare");
        (await lab.SixgillAsync(w1, "prepare")).ExitCode.ShouldBe(0);
        var prepared = await PrepareNodeState.TakeAsync(w1);

        var again = await lab.SixgillAsync(w1, "prepare", "--output", "json");

        again.ExitCode.ShouldBe(0, again.StandardError);
        using (var report = JsonDocument.Parse(again.StandardOutput))
        {
            report.RootElement.GetProperty("applied").GetInt32().ShouldBe(0);
            report.RootElement.GetProperty("steps").EnumerateArray().ShouldAllBe(s => s.GetProperty("symbol").GetString() == "=");
        }

        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(prepared);
        var plan = await lab.SixgillAsync(w1, "plan", "--detailed-exitcode");
        plan.ExitCode.ShouldBe(0, plan.StandardOutput + plan.StandardError);
        var lines = plan.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1).ToList();
        lines.Count.ShouldBe(10);
        lines.ShouldAllBe(l => l.StartsWith("= ", StringComparison.Ordinal));
    }

    internal static async Task<IReadOnlyList<string>> RoutesAsync(Lab.LabNode node)
    {
        using var json = JsonDocument.Parse(await PrepareLab.ShAsync(node, "ip -j -6 route show table main"));
        return [.. json.RootElement.EnumerateArray().Select(r =>
            $"{r.GetProperty("dst").GetString()}" + (r.TryGetProperty("gateway", out var via) ? $" via {via.GetString()}" : "") + $" dev {r.GetProperty("dev").GetString()}")];
    }
}

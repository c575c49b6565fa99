using System.Diagnostics;
using System.Text.Json;
using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// <c>sixgill clean</c> on every node after a full prepare: nothing of Sixgill's stays on the gateway
/// (no sixgill0, no nat64, no nft table, no named or TAYGA, no file), every node is as before, and
/// the machine's own namespace never changed.
/// </summary>
public sealed class GatewayCleanTests
{
    private static readonly string[] Nodes = ["gw", "w1", "w2"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Clean_on_every_node_leaves_nothing_of_sixgills_and_the_machine_unchanged()
    {
        GatewayRequirements.Require();
        var machine = await RootNamespaceSnapshot.TakeAsync();
        await using var lab = await GatewayLab.CreateAsync(null);
        var before = new Dictionary<string, string>();
        foreach (var node in Nodes)
        {
            before[node] = await NodeStateAsync(lab.Node(node));
        }

        foreach (var node in Nodes)
        {
            await lab.PrepareAsync(node);
        }

        var named = await lab.PidAsync(Gateway.GatewayPaths.Default.Dns64PidFile);
        var tayga = await lab.PidAsync(Gateway.GatewayPaths.Default.Nat64PidFile);
        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(machine, "while the nodes are prepared");

        var clock = Stopwatch.StartNew();
        foreach (var node in Nodes.Reverse())
        {
            clock.Restart();
            var clean = await lab.SixgillAsync(node, "clean", "-vv");
            TestContext.Current.TestOutputHelper?.WriteLine($"clean on {node}: {clock.Elapsed.TotalMilliseconds:0} ms");
            clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
            NftRuns(clean.StandardError).ShouldBeEmpty("the table is deleted over nfnetlink");
        }

        foreach (var node in Nodes)
        {
            (await NodeStateAsync(lab.Node(node))).ShouldBe(before[node], $"{node} after clean");
        }

        LabLeftovers.IsRunning(named).ShouldBeFalse("named");
        LabLeftovers.IsRunning(tayga).ShouldBeFalse("tayga");
        var gw = lab.Node("gw");
        (await new ProcessRunner().RunCheckedAsync(["ip", "netns", "pids", gw.Namespace], Cancel)).StandardOutput.Trim().ShouldBeEmpty("no process is left in the gateway's namespace");
        (await PrepareLab.ShAsync(gw, "ls -d /etc/sixgill /var/lib/sixgill/dns64 /var/lib/sixgill/nat64 /run/sixgill /etc/systemd/system/sixgill-dns64.service 2>/dev/null || true")).ShouldBeEmpty();
        (await RootNamespaceSnapshot.TakeAsync()).ShouldBe(machine, "after clean");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_table_already_gone_is_nothing_to_do_for_clean()
    {
        GatewayRequirements.Require();
        await using var lab = await GatewayLab.CreateAsync(null, "gw");
        var gw = lab.Node("gw");
        await PrepareLab.ShAsync(gw, "nft delete table ip sixgill");

        var clean = await lab.SixgillAsync("gw", "clean", "-vv");

        clean.ExitCode.ShouldBe(0, clean.StandardOutput + clean.StandardError);
        clean.StandardOutput.ShouldContain("- delete nftables table ip sixgill (nothing-to-do: table ip sixgill is gone)\n");
        NftRuns(clean.StandardError).ShouldBeEmpty("the kernel's own 'no such table' answered over nfnetlink");
        (await PrepareLab.ShAsync(gw, "nft list tables")).ShouldNotContain("sixgill");
        (await lab.SixgillAsync("gw", "clean")).StandardOutput.ShouldNotContain("nftables", Case.Sensitive, "the journal no longer lists it");
    }

    /// <summary>The <c>nft</c> runs a <c>-vv</c> trace lists.</summary>
    private static List<string> NftRuns(string trace) =>
        [.. trace.Split('\n').Where(l => l.StartsWith("  ran ", StringComparison.Ordinal) && l.Contains("/nft ", StringComparison.Ordinal))];

    /// <summary>What prepare may touch on a node: /etc, every link with its addresses, both route tables, nftables, forwarding.</summary>
    private static async Task<string> NodeStateAsync(LabNode node)
    {
        var state = await PrepareNodeState.TakeAsync(node);
        using var links = JsonDocument.Parse(await PrepareLab.ShAsync(node, "ip -j address"));
        var names = string.Join(' ', links.RootElement.EnumerateArray().Select(l =>
            l.GetProperty("ifname").GetString() + ":" + string.Join(',', l.GetProperty("addr_info").EnumerateArray().Select(a => a.GetProperty("local").GetString()))));
        var tables = await PrepareLab.ShAsync(node, "nft list tables");
        return $"{state}\nlinks {names}\nnft {tables}";
    }
}

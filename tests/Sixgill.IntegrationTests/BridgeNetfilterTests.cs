using Sixgill.Host.Processes;
using Sixgill.Kube;
using Sixgill.Lab;
using Sixgill.Machine;
using Sixgill.Steps;

namespace Sixgill.IntegrationTests;

/// <summary>
/// br_netfilter and the bridge sysctls in lab nodes. On this kernel br_netfilter is built in and
/// <c>net.bridge.bridge-nf-call-*</c> exist in every network namespace (default 1): the tests set the
/// node's own value, never the machine's. The module path of stock Debian/Ubuntu is played by hiding the
/// node's <c>/proc/sys/net/bridge</c> under a tmpfs (in the node's mount namespace) and a fake
/// <c>modprobe</c> first on PATH that uncovers it (load) or covers it again (<c>-r</c>).
/// </summary>
public sealed class BridgeNetfilterTests
{
    private const string Ip6tables = "net.bridge.bridge-nf-call-ip6tables";

    private const string ProcDirectory = "/proc/sys/net/bridge";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prepare_turns_bridge_netfilter_on_in_the_node_and_clean_puts_back_the_0_it_found()
    {
        await using var lab = await LabAsync();
        var w1 = lab.Node("w1");
        await SetAsync(w1, "0");

        var prepare = await lab.SudoSixgillAsync(w1, "prepare");

        prepare.ExitCode.ShouldBe(0, prepare.StandardError);
        (await ReadAsync(w1)).ShouldBe("1");
        (await UpDownLab.ReadAsync(w1, "/etc/sysctl.d/60-sixgill.conf"))!.ShouldContain($"{Ip6tables} = 1\n");
        (await UpDownLab.ExistsAsync(w1, "/etc/modules-load.d/sixgill.conf")).ShouldBeFalse("built into this kernel: nothing to load");

        var clean = await lab.SudoSixgillAsync(w1, "clean");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        (await ReadAsync(w1)).ShouldBe("0");
    }

    [Fact]
    public async Task Where_br_netfilter_is_a_module_prepare_loads_it_and_names_it_for_boot_and_clean_unloads_it()
    {
        await using var lab = await LabAsync();
        var w1 = lab.Node("w1");
        await SetAsync(w1, "0");
        await UseFakeLoaderAsync(lab);
        await PrepareLab.ShAsync(w1, $"mount -t tmpfs sixgill-test-hidden {ProcDirectory}");
        (await UpDownLab.ExistsAsync(w1, $"{ProcDirectory}/bridge-nf-call-ip6tables")).ShouldBeFalse("as before modprobe on stock Debian");

        var prepare = await lab.SudoSixgillAsync(w1, "prepare");

        prepare.ExitCode.ShouldBe(0, prepare.StandardError);
        (await LoaderCallsAsync(w1)).ShouldBe(["br_netfilter"]);
        (await ReadAsync(w1)).ShouldBe("1");
        (await UpDownLab.ReadAsync(w1, "/etc/modules-load.d/sixgill.conf"))!.Split('\n').ShouldContain("br_netfilter");

        var clean = await lab.SudoSixgillAsync(w1, "clean");

        clean.ExitCode.ShouldBe(0, clean.StandardError);
        (await LoaderCallsAsync(w1)).ShouldBe(["br_netfilter", "-r br_netfilter"]);
        (await UpDownLab.ExistsAsync(w1, "/etc/modules-load.d/sixgill.conf")).ShouldBeFalse();
        (await UpDownLab.ExistsAsync(w1, $"{ProcDirectory}/bridge-nf-call-ip6tables")).ShouldBeFalse("unloaded again");
        await PrepareLab.ShAsync(w1, $"umount {ProcDirectory}");
        (await ReadAsync(w1)).ShouldBe("0", "the value set before the module was loaded, put back before it was unloaded");
    }

    [Fact]
    public async Task A_pod_reaches_a_service_backed_by_a_pod_on_the_same_bridge_only_with_bridge_netfilter_on()
    {
        PodsCni.Require();
        await using var lab = await LabAsync();
        var w1 = lab.Node("w1");
        await SetAsync(w1, "0");
        foreach (var command in new[] { "prepare", "up" })
        {
            var result = await lab.SudoSixgillAsync(w1, command);
            result.ExitCode.ShouldBe(0, $"{command}: {result.StandardError}");
        }

        (await ReadAsync(w1)).ShouldBe("1");

        // Two pods on w1's cni0, by the real bridge plugin from Sixgill's conflist.
        var conflist = (await UpDownLab.ReadAsync(w1, CniConfig.FilePath))!;
        var (client, server) = (await lab.Lab.AddNamespaceAsync("pod1", Cancel), await lab.Lab.AddNamespaceAsync("pod2", Cancel));
        _ = await PodsCni.AddAsync(w1, conflist, client);
        var backend = (await PodsCni.AddAsync(w1, conflist, server)).ShouldHaveSingleItem();

        // The backend serves a page; kube-proxy's part is played by one nftables DNAT rule in w1.
        var root = Path.Combine(lab.Directory, "www");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "index.html"), "backend\n", Cancel);
        server.Start(new ProcessRequest(["busybox", "httpd", "-f", "-p", $"[{backend}]:8080", "-h", root]));
        (await w1.RunAsync(new ProcessRequest(["nft", "-f", "-"])
        {
            StandardInput = $"table ip6 sixgilltest {{\n chain pre {{\n  type nat hook prerouting priority dstnat; policy accept;\n"
                + $"  ip6 daddr {Service} tcp dport 80 dnat to [{backend}]:8080\n }}\n}}\n",
        }, Cancel)).EnsureSuccess();
        await Wait.UntilAsync(async () => await FetchAsync(w1, $"[{backend}]:8080") == "backend\n", "the backend to serve (asked directly from the node)",
            TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), Cancel);

        (await FetchAsync(client, $"[{Service}]:80")).ShouldBe("backend\n", "on: the reply, bridged straight back, is un-NATed");

        await SetAsync(w1, "0");
        (await FetchAsync(client, $"[{Service}]:80")).ShouldBeNull("off: the reply comes from the backend's own address and the client drops it");

        var again = await lab.SudoSixgillAsync(w1, "prepare");
        again.ExitCode.ShouldBe(0, again.StandardError);
        (await ReadAsync(w1)).ShouldBe("1");
        (await FetchAsync(client, $"[{Service}]:80")).ShouldBe("backend\n");
    }

    [Fact]
    public async Task In_ipv6_mode_the_kubelet_resolv_conf_lists_exactly_the_dns64_server()
    {
        await using var lab = await UpDownTests.ReadyLabAsync();

        foreach (var node in new[] { lab.Node("gw"), lab.Node("w1") })
        {
            var lines = (await UpDownLab.ReadAsync(node, KubeletResolvConf.FilePath))!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Where(l => !l.StartsWith('#')).ShouldBe(["nameserver fd00:10::100"], node.Name);
        }

        (await UpDownLab.ReadAsync(lab.Node("gw"), "/etc/sixgill/kubeadm.yaml"))!.ShouldContain($"resolvConf: \"{KubeletResolvConf.FilePath}\"");
    }

    /// <summary>A service address in the lab's service network (fd00:30::/110), as kube-proxy would have one.</summary>
    private const string Service = "fd00:30::99";

    private static async Task<PrepareLab> LabAsync()
    {
        var lab = await PrepareLab.ThreeNodesAsync();
        try
        {
            await lab.UseStandInAsync();
            await lab.AddGatewayAddressAsync();
            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    // The node's own value: the command runs in its network namespace, never in the machine's.
    private static async Task SetAsync(LabNode node, string value) =>
        (await node.RunAsync(["sysctl", "-q", "-w", $"{Ip6tables}={value}"], Cancel)).EnsureSuccess();

    private static async Task<string> ReadAsync(LabNode node) =>
        (await node.RunAsync(["sysctl", "-n", Ip6tables], Cancel)).EnsureSuccess().StandardOutput.Trim();

    /// <summary>A modprobe for br_netfilter only, first on the PATH Sixgill gets; it records its arguments in the node.</summary>
    private static async Task UseFakeLoaderAsync(PrepareLab lab)
    {
        var path = Path.Combine(lab.Directory, "bin", EnsureKernelModule.Loader);
        await File.WriteAllTextAsync(path, $$"""
            #!/bin/sh
            # fake modprobe (lab test): the node's {{ProcDirectory}} is hidden under a tmpfs until "loaded"
            mkdir -p /var/lib/fake-modprobe
            echo "$*" >> /var/lib/fake-modprobe/calls
            if [ "$1" = -r ]; then exec mount -t tmpfs sixgill-test-hidden {{ProcDirectory}}; fi
            exec umount {{ProcDirectory}}

            """.ReplaceLineEndings("\n"), Cancel);
        await new ProcessRunner().RunCheckedAsync(["chmod", "755", path], Cancel);
    }

    private static async Task<IReadOnlyList<string>> LoaderCallsAsync(LabNode node) =>
        (await UpDownLab.ReadAsync(node, "/var/lib/fake-modprobe/calls") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The page at http://ADDRESS/index.html, or null when it did not come (each try bounded to 2 s by curl; BusyBox's wget crashes here).</summary>
    /// <summary>One <c>curl</c> (2 s at most) of the page at <paramref name="address"/>: its text, or null when there was no answer.</summary>
    private static async Task<string?> FetchAsync(LabNamespace where, string address) =>
        await FetchAsync(address, request => where.RunAsync(request, Cancel));

    private static async Task<string?> FetchAsync(LabNode where, string address) =>
        await FetchAsync(address, request => where.RunAsync(request, Cancel));

    private static async Task<string?> FetchAsync(string address, Func<ProcessRequest, Task<ProcessResult>> run)
    {
        var result = await run(new ProcessRequest(["curl", "-s", "-g", "-m", "2", $"http://{address}/index.html"]));
        return result.Succeeded ? result.StandardOutput : null;
    }
}

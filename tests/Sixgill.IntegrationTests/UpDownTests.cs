using System.Text.Json;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.IntegrationTests;

/// <summary><c>up</c> and <c>down</c> of <c>examples/lab.yaml</c> in lab nodes, with the recording kubeadm stand-in.</summary>
public sealed class UpDownTests
{
    private const string Conflist = "/etc/cni/net.d/00-sixgill.conflist";

    private const string ForeignCni = "/etc/cni/net.d/99-foreign.conflist";

    private const string KubeadmFile = "/etc/sixgill/kubeadm.yaml";

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Up_inits_the_master_joins_the_minions_and_down_takes_it_all_back()
    {
        await using var lab = await ReadyLabAsync();
        var (gw, w1, w2) = (lab.Node("gw"), lab.Node("w1"), lab.Node("w2"));
        await PrepareLab.ShAsync(w1, $"mkdir -p /etc/cni/net.d && echo '{{\"name\": \"theirs\"}}' > {ForeignCni}");

        var master = await lab.SudoSixgillAsync(gw, "up");
        var minions = new[] { await lab.SudoSixgillAsync(w1, "up"), await lab.SudoSixgillAsync(w2, "up") };

        master.ExitCode.ShouldBe(0, master.StandardError);
        minions.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", minions.Select(r => r.StandardError)));
        (await UpDownLab.KubeadmCallsAsync(gw)).ShouldBe(["init --config /etc/sixgill/kubeadm.yaml"]);
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"]);
        (await UpDownLab.KubeadmCallsAsync(w2)).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"]);
        (await UpDownLab.ReadAsync(w1, $"{UpDownLab.StandInState}/join.config")).ShouldBe(await UpDownLab.ReadAsync(w1, KubeadmFile));
        (await UpDownLab.ReadAsync(gw, $"{UpDownLab.StandInState}/init.config"))!.ShouldContain("kind: InitConfiguration");

        // kubeadm's output reached stderr, the join command's token masked.
        master.StandardError.ShouldContain("Your Kubernetes control-plane has initialized successfully!");
        master.StandardError.ShouldContain("--token abcdef.****************");
        (master.StandardOutput + master.StandardError).ShouldNotContain("0123456789abcdef");

        // The CNI config: valid JSON, CNI 1.0.0, w1's own pod subnet.
        using (var json = JsonDocument.Parse((await UpDownLab.ReadAsync(w1, Conflist))!))
        {
            json.RootElement.GetProperty("cniVersion").GetString().ShouldBe("1.0.0");
            var plugins = json.RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("type").GetString()).ToList();
            plugins.ShouldBe(["bridge", "portmap", "loopback"]);
            var subnet = json.RootElement.GetProperty("plugins")[0].GetProperty("ipam").GetProperty("ranges")[0][0].GetProperty("subnet").GetString()!;
            Prefix.Parse(subnet).ShouldBe(Prefix.Parse("fd00:40:0:0:3::/80"));
        }

        (await UpDownLab.ModeAndOwnerAsync(w1, Conflist)).ShouldBe("644 0");
        var routes = await UpDownLab.RoutesAsync(w1);
        routes.ShouldContain("fd00:40:0:0:2::/80 via fd00:20::2 dev eth1");
        routes.ShouldContain("fd00:40:0:0:4::/80 via fd00:20::4 dev eth1");
        (await UpDownLab.RoutesAsync(gw)).ShouldContain("fd00:40:0:0:3::/80 via fd00:20::3 dev eth1");

        // The cluster went into the kubeconfig of the person who ran sudo (there was none: made), as theirs.
        var kubeconfig = Path.Combine(lab.Home(), ".kube", "config");
        var merged = await File.ReadAllTextAsync(kubeconfig, TestContext.Current.CancellationToken);
        merged.ShouldContain("current-context: \"sixgill-gw\"");
        merged.ShouldContain("server: https://[fd00:20::2]:6443");
        merged.ShouldContain("client-key-data: c3RhbmQtaW4ga2V5");
        (await UpDownLab.ModeAndOwnerAsync(gw, kubeconfig)).ShouldBe($"600 {UpDownLab.Uid}");
        (await UpDownLab.ModeAndOwnerAsync(gw, Path.GetDirectoryName(kubeconfig)!)).ShouldEndWith($" {UpDownLab.Uid}");

        // A second up finds everything so and runs nothing.
        var again = await lab.SudoSixgillAsync(w1, "up");
        again.ExitCode.ShouldBe(0, again.StandardError);
        (await UpDownLab.KubeadmCallsAsync(w1)).Count.ShouldBe(1);

        // down: kubeadm reset, then every route, the CNI config; the foreign file stays.
        var down = new[] { await lab.SudoSixgillAsync(w1, "down"), await lab.SudoSixgillAsync(gw, "down") };

        down.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", down.Select(r => r.StandardError)));
        (await UpDownLab.KubeadmCallsAsync(w1))[^1].ShouldBe("reset --force");
        (await UpDownLab.KubeadmCallsAsync(gw))[^1].ShouldBe("reset --force");
        (await UpDownLab.RoutesAsync(w1)).ShouldNotContain(r => r.StartsWith("fd00:40:", StringComparison.Ordinal));
        (await UpDownLab.RoutesAsync(gw)).ShouldNotContain(r => r.StartsWith("fd00:40:", StringComparison.Ordinal));
        (await UpDownLab.ExistsAsync(w1, Conflist)).ShouldBeFalse();
        (await UpDownLab.ReadAsync(w1, ForeignCni)).ShouldBe("{\"name\": \"theirs\"}\n");
        File.Exists(kubeconfig).ShouldBeFalse();
        (await UpDownLab.ExistsAsync(w1, KubeadmFile)).ShouldBeTrue("the kubeadm file is prepare's, not up's");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_hanging_kubeadm_is_killed_at_the_timeout_and_the_run_rolled_back()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");
        var routesBefore = await UpDownLab.RoutesAsync(w1);

        var up = await lab.SudoSixgillAsync(w1, new Dictionary<string, string?> { ["KUBEADM_STANDIN_HANG"] = "join" }, "up", "--timeout", "2s");

        up.ExitCode.ShouldBe(1, up.StandardError);
        up.StandardError.ShouldContain("did not finish within 2 s and was killed");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml", "reset --force"]);
        await ShouldBeAsBeforeUpAsync(w1, routesBefore);
        (await UpDownLab.ProcessesAsync(w1)).ShouldNotContain(p => p.Contains("sleep", StringComparison.Ordinal));
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_failing_kubeadm_rolls_the_run_back_and_exits_1()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");
        var routesBefore = await UpDownLab.RoutesAsync(w1);

        var up = await lab.SudoSixgillAsync(w1, new Dictionary<string, string?> { ["KUBEADM_STANDIN_FAIL"] = "join" }, "up");

        up.ExitCode.ShouldBe(1, up.StandardError);
        up.StandardError.ShouldContain("Some fatal errors occurred");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml", "reset --force"]);
        await ShouldBeAsBeforeUpAsync(w1, routesBefore);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Without_a_token_and_without_insecure_up_is_refused_before_any_change()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");
        var routesBefore = await UpDownLab.RoutesAsync(w1);
        var config = await File.ReadAllTextAsync(lab.ConfigPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(lab.ConfigPath, config.Replace("insecure: true", "insecure: false", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var up = await lab.SudoSixgillAsync(w1, "up");

        up.ExitCode.ShouldBeOneOf(2, 3);
        up.StandardError.ShouldContain("sixgill init");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBeEmpty();
        await ShouldBeAsBeforeUpAsync(w1, routesBefore);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Kubeadm_of_another_version_than_the_config_asks_is_refused_before_any_change()
    {
        await using var lab = await ReadyLabAsync("w1", config => config.Replace("  insecure: true\n", "  insecure: true\n  kubernetes_version: v1.32.0\n", StringComparison.Ordinal));
        var w1 = lab.Node("w1");

        var up = await lab.SudoSixgillAsync(w1, "up");

        up.ExitCode.ShouldBe(3, up.StandardError);
        up.StandardError.ShouldContain("kubeadm is v1.31.0, but general.kubernetes_version is v1.32.0");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBeEmpty();
        (await UpDownLab.ExistsAsync(w1, Conflist)).ShouldBeFalse();
    }

    [Theory(Timeout = TestTimeouts.Lab)]
    [InlineData("v1.30.14")]
    [InlineData("v1.29.0")]
    public async Task Kubeadm_older_than_1_31_is_refused_before_any_change(string version)
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");
        var routesBefore = await UpDownLab.RoutesAsync(w1);

        var up = await lab.SudoSixgillAsync(w1, new Dictionary<string, string?> { ["KUBEADM_STANDIN_VERSION"] = version }, "up");

        up.ExitCode.ShouldBe(3, up.StandardError);
        up.StandardError.ShouldContain($"kubeadm is {version}, older than v1.31");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBeEmpty();
        await ShouldBeAsBeforeUpAsync(w1, routesBefore);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Kubeadm_1_36_passes_the_floor()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");

        var up = await lab.SudoSixgillAsync(w1, new Dictionary<string, string?> { ["KUBEADM_STANDIN_VERSION"] = "v1.36.0" }, "up");

        up.ExitCode.ShouldBe(0, up.StandardError);
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBe(["join --config /etc/sixgill/kubeadm.yaml"]);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_cni_config_that_sorts_first_stops_up_and_one_that_sorts_after_stays_byte_for_byte_through_down()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");
        var routesBefore = await UpDownLab.RoutesAsync(w1);
        const string First = "/etc/cni/net.d/00-aaa.conflist";
        const string After = "/etc/cni/net.d/10-containerd-net.conflist";
        await PrepareLab.ShAsync(w1, "mkdir -p /etc/cni/net.d");
        (await w1.RunAsync(new ProcessRequest(["tee", First]) { StandardInput = "{\n  \"cniVersion\": \"1.0.0\",\n  \"name\": \"containerd-net\"\n}" }, TestContext.Current.CancellationToken)).EnsureSuccess();
        var theirs = await UpDownLab.ReadAsync(w1, First);

        var refused = await lab.SudoSixgillAsync(w1, "up");

        refused.ExitCode.ShouldBe(3, refused.StandardError);
        refused.StandardError.ShouldContain($"{First} sorts before 00-sixgill.conflist");
        refused.StandardError.ShouldContain($"mv {First} /etc/cni/disabled/");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBeEmpty();
        await ShouldBeAsBeforeUpAsync(w1, routesBefore);

        // The fix it names for a file that must stay: a name that sorts after Sixgill's, as containerd's own.
        await PrepareLab.ShAsync(w1, $"mv {First} {After}");
        var up = await lab.SudoSixgillAsync(w1, "up");
        up.ExitCode.ShouldBe(0, up.StandardError);
        up.StandardError.ShouldContain($"{After} is there too; runtimes load 00-sixgill.conflist first");
        var down = await lab.SudoSixgillAsync(w1, "down");
        down.ExitCode.ShouldBe(0, down.StandardError);

        (await UpDownLab.ReadAsync(w1, After)).ShouldBe(theirs);
        (await UpDownLab.ExistsAsync(w1, Conflist)).ShouldBeFalse();
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Up_merges_the_cluster_into_a_kubeconfig_with_another_context_and_down_gives_it_back_byte_for_byte()
    {
        await using var lab = await ReadyLabAsync("gw");
        var gw = lab.Node("gw");
        var kubeconfig = Path.Combine(lab.Home(), ".kube", "config");
        const string Theirs = "# my clusters\napiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://prod.example:6443\n"
            + "contexts:\n- name: prod\n  context: {cluster: prod, user: ops}\ncurrent-context: prod\nusers:\n- name: ops\n  user: {token: not-a-real-token}\n";
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        await File.WriteAllTextAsync(kubeconfig, Theirs, TestContext.Current.CancellationToken);
        await PrepareLab.ShAsync(gw, $"chown -R {UpDownLab.Uid}:{UpDownLab.Uid} {Path.GetDirectoryName(kubeconfig)} && chmod 640 {kubeconfig}");

        var up = await lab.SudoSixgillAsync(gw, "up");

        up.ExitCode.ShouldBe(0, up.StandardError);
        var merged = await File.ReadAllTextAsync(kubeconfig, TestContext.Current.CancellationToken);
        merged.ShouldContain("name: prod");
        merged.ShouldContain("server: https://prod.example:6443");
        merged.ShouldContain("token: not-a-real-token");
        merged.ShouldContain("name: \"sixgill-gw\"");
        merged.ShouldContain("current-context: \"sixgill-gw\"");
        (await UpDownLab.ModeAndOwnerAsync(gw, kubeconfig)).ShouldBe($"600 {UpDownLab.Uid}");

        var kubeconfigCommand = await lab.SudoSixgillAsync(gw, "kubeconfig");
        kubeconfigCommand.ExitCode.ShouldBe(0, kubeconfigCommand.StandardError);
        kubeconfigCommand.StandardOutput.ShouldContain("current-context: \"sixgill-gw\"");
        kubeconfigCommand.StandardOutput.ShouldNotContain("prod", Case.Sensitive, "only the cluster's own kubeconfig");
        (await lab.SudoSixgillAsync(lab.Node("w1"), "kubeconfig")).ExitCode.ShouldBe(2, "the admin kubeconfig is on the master");

        var down = await lab.SudoSixgillAsync(gw, "down");

        down.ExitCode.ShouldBe(0, down.StandardError);
        (await File.ReadAllBytesAsync(kubeconfig, TestContext.Current.CancellationToken)).ShouldBe(System.Text.Encoding.UTF8.GetBytes(Theirs));
        (await UpDownLab.ModeAndOwnerAsync(gw, kubeconfig)).ShouldBe($"640 {UpDownLab.Uid}");
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Plan_up_and_plan_down_show_the_steps_and_change_nothing()
    {
        await using var lab = await ReadyLabAsync("w1");
        var w1 = lab.Node("w1");

        var planUp = await lab.SudoSixgillAsync(w1, "plan", "up");
        planUp.ExitCode.ShouldBe(0, planUp.StandardError);
        planUp.StandardOutput.ShouldContain("kubeadm join --config /etc/sixgill/kubeadm.yaml");
        planUp.StandardOutput.ShouldContain("fd00:40:0:0:4::/80 via fd00:20::4 dev eth1");
        (await UpDownLab.KubeadmCallsAsync(w1)).ShouldBeEmpty();
        (await UpDownLab.ExistsAsync(w1, Conflist)).ShouldBeFalse();

        (await lab.SudoSixgillAsync(w1, "up")).ExitCode.ShouldBe(0);
        var planDown = await lab.SudoSixgillAsync(w1, "plan", "down");
        planDown.ExitCode.ShouldBe(0, planDown.StandardError);
        planDown.StandardOutput.ShouldContain("kubeadm reset --force");
        (await UpDownLab.KubeadmCallsAsync(w1)).Count.ShouldBe(1);
    }

    /// <summary>A lab of examples/lab.yaml with the stand-in, the gateway's address, and the given nodes prepared (all three by default).</summary>
    internal static async Task<PrepareLab> ReadyLabAsync(string? only = null, Func<string, string>? editConfig = null)
    {
        var lab = await PrepareLab.ThreeNodesAsync(editConfig);
        try
        {
            await lab.UseStandInAsync();
            await lab.AddGatewayAddressAsync();
            foreach (var node in lab.Lab.Nodes.Where(n => only is null || n.Name == only))
            {
                var prepare = await lab.SudoSixgillAsync(node, "prepare");
                prepare.ExitCode.ShouldBe(0, $"prepare {node.Name}: {prepare.StandardError}");
            }

            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    private static async Task ShouldBeAsBeforeUpAsync(Lab.LabNode node, IReadOnlyList<string> routesBefore)
    {
        (await UpDownLab.RoutesAsync(node)).ShouldBe(routesBefore);
        (await UpDownLab.ExistsAsync(node, Conflist)).ShouldBeFalse();
        (await UpDownLab.ExistsAsync(node, "/etc/kubernetes/kubelet.conf")).ShouldBeFalse();
    }
}

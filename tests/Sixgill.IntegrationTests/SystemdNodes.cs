using Sixgill.Host.Processes;
using Sixgill.Lab;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>Commands in the nodes of a systemd lab made with <c>sixgill lab up --kind systemd</c>, and what a prepared or clean node must show.</summary>
internal sealed class SystemdNodes(LabCli lab)
{
    /// <summary>How long a rebooted node may take until its boot unit has run (it runs once the node is up).</summary>
    private static readonly TimeSpan BootUnitWait = TimeSpan.FromSeconds(60);

    public Task<ProcessResult> RunAsync(string node, params string[] command) => lab.RunAsync("exec", [node, "--", .. command]);

    public async Task<string> OutputAsync(string node, params string[] command)
    {
        var result = await RunAsync(node, command);
        result.ExitCode.ShouldBe(0, $"{string.Join(' ', command)} in {node}: {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary><c>sixgill VERB… -c CONFIG --host NODE</c> inside the node.</summary>
    public Task<ProcessResult> SixgillAsync(string node, params string[] arguments) =>
        RunAsync(node, [SixgillInNode.Executable, .. arguments, "-c", lab.Names.NodeConfig, "--host", node]);

    /// <summary>Waits for each node's boot unit to finish, then: plan finds nothing to change, and a minion verifies DNS64 and NAT64.</summary>
    public async Task ShouldBePreparedAsync(params string[] nodes)
    {
        foreach (var node in nodes)
        {
            await WaitForBootUnitAsync(node);
            var plan = await SixgillAsync(node, "plan", "prepare", "--detailed-exitcode");
            plan.ExitCode.ShouldBe(0, $"{node}: {plan.StandardOutput}{plan.StandardError}");
        }

        foreach (var minion in nodes.Where(n => n != "gw"))
        {
            var verify = await SixgillAsync(minion, "verify", "--expect", InternetServices.Page.Trim());
            verify.ExitCode.ShouldBe(0, verify.StandardOutput + verify.StandardError);
        }
    }

    /// <summary>Waits until the node's boot unit has run (it is a oneshot that stays active once done).</summary>
    public async Task WaitForBootUnitAsync(string node)
    {
        var waited = await RunAsync(node, "sh", "-c",
            $"for i in $(seq 1 {BootUnitWait.TotalSeconds * 10}); do systemctl is-active --quiet sixgill-reapply.service && exit 0; sleep 0.1; done; exit 1");
        waited.ExitCode.ShouldBe(0, $"{node}: the boot unit did not finish: {await JournalAsync(node)}");
    }

    /// <summary>
    /// Puts the recording kubeadm stand-in and its kubelet on the node's own disk, in
    /// <c>/usr/local/bin</c>, where <c>lab exec</c>'s PATH and the boot unit's find them.
    /// </summary>
    public async Task UseKubeadmStandInAsync(string node)
    {
        var bin = Path.Combine(lab.Names.NodeDirectory(node), "root", "usr", "local", "bin");
        foreach (var program in new[] { "kubeadm", "kubelet" })
        {
            var copy = Path.Combine(bin, program);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "kubeadm-standin", program), copy, overwrite: true);
            await new ProcessRunner().RunCheckedAsync(["chmod", "755", copy], TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The kubeadm calls the stand-in recorded in the node, in order.</summary>
    public async Task<IReadOnlyList<string>> KubeadmCallsAsync(string node) =>
        (await OutputAsync(node, "cat", "/var/lib/kubeadm-standin/calls")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// What <c>prepare</c> and <c>up</c> made live or wrote on a node: its global addresses, IPv6
    /// routes, CNI config and resolver (<c>resolvectl dns</c> without link indexes, which a reboot may
    /// give out in another order).
    /// </summary>
    public Task<string> UpStateAsync(string node) =>
        OutputAsync(node, "sh", "-c",
            "ip -6 -o address show scope global | awk '{print $2, $4}'; ip -6 route show | grep -v -e '^fe80' -e '^multicast' | sort; "
            + "cat /etc/cni/net.d/*.conflist 2>/dev/null; resolvectl dns | sed 's/^Link [0-9]* /Link /' | sort");

    /// <summary>No unit, file, address, link or resolver setting of Sixgill's on any node.</summary>
    public async Task ShouldHaveNothingOfSixgillAsync(string resolverBefore, string resolvConf)
    {
        foreach (var node in new[] { "gw", "w1", "w2" })
        {
            (await OutputAsync(node, "sh", "-c", "ls /etc/systemd/system /etc/systemd/system/multi-user.target.wants /etc/systemd/resolved.conf.d 2>/dev/null; ls -d /etc/sixgill /var/lib/sixgill/reapply.yaml 2>/dev/null; true"))
                .ShouldNotContain("sixgill");
            (await OutputAsync(node, "systemctl", "list-units", "--all", "--no-legend", "sixgill*")).Trim().ShouldBeEmpty();
            (await OutputAsync(node, "ip", "-6", "-o", "address", "show", "scope", "global")).Trim().ShouldBeEmpty();
            (await OutputAsync(node, "ip", "-o", "link")).ShouldNotContain("sixgill0");
        }

        (await OutputAsync("w1", "resolvectl", "dns")).ShouldBe(resolverBefore);
        (await OutputAsync("w1", "readlink", "/etc/resolv.conf")).ShouldBe(resolvConf);
    }

    private async Task<string> JournalAsync(string node) =>
        (await RunAsync(node, "journalctl", "--no-pager", "-n", "30", "-u", "sixgill-reapply.service")).StandardOutput;
}

using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>The native gateway's preflight on a real node: a missing program stops prepare before any change (exit 3), naming its package.</summary>
public sealed class GatewayPreflightTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Without_tayga_and_named_prepare_exits_3_naming_the_packages_and_changes_nothing()
    {
        GatewayRequirements.Require();
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var gw = lab.Node("gw");
        await HideAsync(lab, gw, "/usr/sbin/tayga", "/usr/sbin/named");
        var before = await PrepareNodeState.TakeAsync(gw);
        var links = await PrepareLab.ShAsync(gw, "ip -br link");

        var result = await lab.SixgillAsync(gw, "prepare");

        result.ExitCode.ShouldBe(3, result.StandardOutput + result.StandardError);
        result.StandardError.ShouldContain("named (the DNS64 server) is missing: it is in the Debian package bind9");
        result.StandardError.ShouldContain("tayga (the NAT64) is missing: it is in the Debian package tayga");
        result.StandardError.ShouldContain("apt-get install -y bind9 tayga");
        (await PrepareNodeState.TakeAsync(gw)).ShouldBe(before);
        (await PrepareLab.ShAsync(gw, "ip -br link")).ShouldBe(links);
        (await PrepareLab.ShAsync(gw, "ls /var/lib/sixgill/journal.json /run/sixgill 2>/dev/null || true")).ShouldBeEmpty();
    }

    /// <summary>
    /// Makes programs "not installed" in this node only: an empty, non-executable file is bind-mounted
    /// over each, inside the node's own mount namespace (which ends with the lab; the machine never sees it).
    /// </summary>
    private static async Task HideAsync(PrepareLab lab, LabNode node, params string[] programs)
    {
        var empty = Path.Combine(lab.Directory, "not-installed");
        await File.WriteAllTextAsync(empty, "", TestContext.Current.CancellationToken); // 0644: not executable
        foreach (var program in programs)
        {
            (await node.RunAsync(["mount", "--bind", empty, program], TestContext.Current.CancellationToken)).EnsureSuccess();
        }
    }
}

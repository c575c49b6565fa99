using Sixgill.Lab;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Everything of a node that prepare touches, as the node sees it: every file under <c>/etc</c>
/// (type, mode, owner, symlink target, SHA-256 of the content), the management interface's
/// addresses and link state, both route tables and the forwarding sysctls. Equal before prepare
/// and after clean means "byte for byte, nothing left". The state directory is not part of it.
/// </summary>
internal sealed record PrepareNodeState(string Etc, string Addresses, string Routes, string Sysctls)
{
    private const string EtcScript = """
        cd /etc
        find . -printf '%y %m %U:%G %p -> %l\n' | sort
        find . -type f -exec sha256sum {} + | sort -k 2
        """;

    public static async Task<PrepareNodeState> TakeAsync(LabNode node, string link = "eth1")
    {
        ArgumentNullException.ThrowIfNull(node);
        var cancel = TestContext.Current.CancellationToken;
        async Task<string> Run(params string[] command) => (await node.RunAsync(command, cancel)).EnsureSuccess().StandardOutput;

        var etc = await Run("sh", "-euc", EtcScript);
        var addresses = RootNamespaceSnapshot.Normalize(await Run("ip", "-j", "address", "show", "dev", link));
        var routes = RootNamespaceSnapshot.Normalize(await Run("ip", "-j", "-6", "route", "show", "table", "main")) + RootNamespaceSnapshot.Normalize(await Run("ip", "-j", "-4", "route", "show", "table", "main"));
        var sysctls = await Run("cat", "/proc/sys/net/ipv6/conf/all/forwarding", "/proc/sys/net/ipv4/ip_forward");
        return new PrepareNodeState(etc, addresses, routes, sysctls);
    }
}

using System.Text;
using Sixgill.Addressing;

namespace Sixgill.Gateway;

/// <summary>
/// TAYGA's config, the NAT64 (docs/gateway.md). TAYGA translates between its own IPv6 address plus the
/// DNS64 prefix on one side and its own IPv4 address plus a dynamic pool on the other; the kernel
/// hands it packets through the <c>nat64</c> tun device, to which the gateway routes both sides.
/// </summary>
/// <remarks>
/// TAYGA 0.9.2 refuses private and documentation IPv4 destinations behind the well-known prefix
/// <c>64:ff9b::/96</c> (RFC 6052 §3.1); labs therefore use a network-specific prefix.
/// </remarks>
internal static class Nat64TaygaConf
{
    public static string Render(AddressPlan plan) => Render(plan, GatewayPaths.Default);

    public static string Render(AddressPlan plan, GatewayPaths paths)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(paths);
        var gateway = Dns64NamedConf.GatewayServicesOf(plan);
        var text = new StringBuilder();
        text.Append("# Sixgill's NAT64 (docs/gateway.md), written by 'sixgill prepare' on ").Append(gateway.NodeName)
            .Append(". Changes here are overwritten.\n");
        text.Append("tun-device ").Append(GatewayServices.Nat64Tunnel).Append('\n');
        text.Append("ipv4-addr ").Append(gateway.Nat64V4Address).Append('\n');
        text.Append("ipv6-addr ").Append(gateway.Nat64Address).Append('\n');
        text.Append("prefix ").Append(gateway.Dns64Prefix).Append('\n');
        text.Append("dynamic-pool ").Append(gateway.Nat64Pool).Append('\n');
        text.Append("data-dir ").Append(paths.Nat64StateDirectory).Append('\n');
        return text.ToString();
    }
}

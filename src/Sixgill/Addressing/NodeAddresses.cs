using System.Collections.Immutable;
using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>
/// Everything one node gets from the address plan apart from the pod routes, which are n − 1 per
/// node and therefore computed on demand (<see cref="AddressPlan.PodRoutes"/>).
/// </summary>
/// <param name="ManagementAddresses">One per family, IPv6 first.</param>
/// <param name="PodSubnets">One per family, IPv6 first; empty unless the node is master or minion.</param>
/// <param name="PrepareRoutes">The routes <c>prepare</c> adds on this node (ipv6 mode only).</param>
/// <param name="Nameserver">The resolver's first nameserver (<c>dns64.ip</c>; ipv6 mode, master or minion).</param>
/// <param name="Services">The DNS64/NAT64 services, on the gateway node only.</param>
/// <param name="PodRouteCount">How many routes <see cref="AddressPlan.PodRoutes"/> yields for this node.</param>
internal sealed record NodeAddresses(
    NodeSpec Node,
    ImmutableArray<ManagementAddress> ManagementAddresses,
    ImmutableArray<PodSubnet> PodSubnets,
    ImmutableArray<Route> PrepareRoutes,
    Ip? Nameserver,
    GatewayServices? Services,
    int PodRouteCount)
{
    public string Name => Node.Name;

    /// <summary>The address others use to reach this node: the IPv6 one when there is one.</summary>
    public ManagementAddress ManagementAddress => ManagementAddresses[0];

    public ManagementAddress? ManagementAddressOf(IpFamily family)
    {
        foreach (var address in ManagementAddresses)
        {
            if (address.Family == family)
            {
                return address;
            }
        }

        return null;
    }
}

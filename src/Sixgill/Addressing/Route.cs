using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>Why a route exists: which part of §4.4 (or §6.1) asks for it.</summary>
internal enum RoutePurpose
{
    /// <summary>Synthesized IPv6 destinations: to the NAT64 service, or via the gateway node.</summary>
    Dns64Prefix,

    /// <summary>Return traffic for the NAT64 dynamic pool, into the NAT64 service (gateway node).</summary>
    Nat64Pool,

    /// <summary>TAYGA's own IPv6 address, which lives behind its tunnel (native runtime, gateway node).</summary>
    Nat64Address,

    /// <summary>TAYGA's own IPv4 address, which lives behind its tunnel (native runtime, gateway node).</summary>
    Nat64V4Address,

    /// <summary>The DNS64 server and NAT64 addresses, via the gateway node.</summary>
    SupportNetwork,

    /// <summary>Another cluster node's pod subnet, via that node's management address.</summary>
    PodSubnet,
}

/// <summary>The command that adds a route (and whose undo removes it).</summary>
internal enum RouteStage
{
    Prepare,
    Up,
}

/// <summary>
/// One route a node gets: destination, and a next hop (<see cref="Via"/>), a device, or both.
/// <see cref="Peer"/> names the node whose pod subnet a pod route leads to.
/// </summary>
internal sealed record Route(Prefix Destination, Ip? Via, string? Device, RoutePurpose Purpose, RouteStage AddedBy, string? Peer = null)
{
    public IpFamily Family => Destination.Family;

    /// <summary>The iproute2 form: <c>fd00:10:64:ff9b::/96 via fd00:20::2 dev eth0</c>.</summary>
    public override string ToString() =>
        (Via, Device) switch
        {
            ({ } via, { } dev) => $"{Destination} via {via} dev {dev}",
            ({ } via, null) => $"{Destination} via {via}",
            (null, { } dev) => $"{Destination} dev {dev}",
            _ => Destination.ToString(),
        };
}

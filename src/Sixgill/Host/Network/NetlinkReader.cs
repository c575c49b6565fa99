using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INetworkReader"/> over rtnetlink: each question is a dump or two (tens of microseconds),
/// so nothing is cached and <see cref="Forget"/> has nothing to drop.
/// </summary>
internal sealed class NetlinkReader : INetworkReader, IDisposable
{
    private readonly RtNetlink socket;

    public NetlinkReader(RtNetlink socket) => this.socket = socket;

    public static NetlinkReader? TryOpen() => RtNetlink.TryOpen() is { } socket ? new NetlinkReader(socket) : null;

    // Plain loops rather than LINQ chains: a Select after a Where is a generic virtual call, which a
    // NativeAOT build resolves at run time (tens of page faults in a process of a few hundred).
    public (LinkState Link, IReadOnlyList<AddressState> Addresses)? Link(string name)
    {
        if (FindLink(name) is not { } link)
        {
            return null;
        }

        var addresses = new List<AddressState>();
        foreach (var address in socket.DumpAll(RtNetlink.GetAddress, RtNetlinkMessages.AddressRequest(), RtNetlinkMessages.Address))
        {
            if (address is not null && address.LinkIndex == link.Index)
            {
                addresses.Add(address.State);
            }
        }

        return (new LinkState(link.Name, link.IsUp), addresses);
    }

    public IReadOnlyList<KernelRoute> MainRoutes(IpFamily family)
    {
        var names = new Dictionary<int, string>();
        foreach (var link in socket.DumpAll(RtNetlink.GetLink, RtNetlinkMessages.LinkRequest(), RtNetlinkMessages.Link))
        {
            names.Add(link.Index, link.Name);
        }

        var routes = new List<KernelRoute>();
        foreach (var route in socket.DumpAll(RtNetlink.GetRoute, RtNetlinkMessages.RouteRequest(family), RtNetlinkMessages.Route))
        {
            if (route is not null && route.Table == RtNetlinkMessages.MainTable && !route.Cloned && route.Destination.Family == family)
            {
                var output = route.OutputLink is { } index && names.TryGetValue(index, out var name) ? name : null;
                routes.Add(new KernelRoute(route.Destination, route.Via, output));
            }
        }

        return routes;
    }

    public void Forget()
    {
    }

    public void Dispose() => socket.Dispose();

    private NetlinkLink? FindLink(string name)
    {
        foreach (var link in socket.DumpAll(RtNetlink.GetLink, RtNetlinkMessages.LinkRequest(), RtNetlinkMessages.Link))
        {
            if (link.Name == name)
            {
                return link;
            }
        }

        return null;
    }
}

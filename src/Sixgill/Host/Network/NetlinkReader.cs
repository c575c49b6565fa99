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

    public (LinkState Link, IReadOnlyList<AddressState> Addresses)? Link(string name)
    {
        if (Links().FirstOrDefault(l => l.Name == name) is not { } link)
        {
            return null;
        }

        var addresses = socket.DumpAll(RtNetlink.GetAddress, RtNetlinkMessages.AddressRequest())
            .Select(m => RtNetlinkMessages.Address(m))
            .Where(a => a is not null && a.LinkIndex == link.Index)
            .Select(a => a!.State)
            .ToList();
        return (new LinkState(link.Name, link.IsUp), addresses);
    }

    public IReadOnlyList<KernelRoute> MainRoutes(IpFamily family)
    {
        var names = Links().ToDictionary(l => l.Index, l => l.Name);
        return [.. socket.DumpAll(RtNetlink.GetRoute, RtNetlinkMessages.RouteRequest(family))
            .Select(m => RtNetlinkMessages.Route(m))
            .Where(r => r is not null && r.Table == RtNetlinkMessages.MainTable && !r.Cloned && r.Destination.Family == family)
            .Select(r => new KernelRoute(r!.Destination, r.Via, r.OutputLink is { } index && names.TryGetValue(index, out var name) ? name : null))];
    }

    public void Forget()
    {
    }

    public void Dispose() => socket.Dispose();

    private IEnumerable<NetlinkLink> Links() =>
        socket.DumpAll(RtNetlink.GetLink, RtNetlinkMessages.LinkRequest()).Select(m => RtNetlinkMessages.Link(m));
}

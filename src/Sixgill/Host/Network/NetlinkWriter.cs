using Sixgill.Machine;

namespace Sixgill.Host.Network;

/// <summary>
/// <see cref="INetworkWriter"/> over rtnetlink: each change is one request and its acknowledgement
/// (tens of microseconds; an <c>ip</c> run costs 2–5 ms). A refusal names the change as the
/// <c>ip</c> command that would make it and says what <c>ip</c> would say (<c>RTNETLINK answers:
/// File exists</c>, <c>Cannot find device "eth9"</c>), adding the way out where there is a clear one.
/// </summary>
internal sealed class NetlinkWriter(RtNetlink socket) : INetworkWriter
{
    public void SetLinkUp(string name, bool up)
    {
        var command = IpSpelling.LinkUp(name, up);
        Change(command, RtNetlink.NewLink, 0, RtNetlinkRequests.LinkUp(IndexOf(name, command), up));
    }

    public void AddBridge(string name) =>
        Change(IpSpelling.AddBridge(name), RtNetlink.NewLink, RtNetlink.Create | RtNetlink.Exclusive, RtNetlinkRequests.NewBridge(name));

    public void DeleteLink(string name)
    {
        var command = IpSpelling.DeleteLink(name);
        Change(command, RtNetlink.DeleteLink, 0, RtNetlinkRequests.LinkIndex(IndexOf(name, command)));
    }

    public void ReplaceAddress(string link, InterfaceAddress address, bool withoutDad)
    {
        var command = IpSpelling.ReplaceAddress(link, address, withoutDad);
        Change(command, RtNetlink.NewAddress, RtNetlink.Create | RtNetlink.Replace, RtNetlinkRequests.Address(IndexOf(link, command), address, withoutDad));
    }

    public void DeleteAddress(string link, InterfaceAddress address)
    {
        var command = IpSpelling.DeleteAddress(link, address);
        Change(command, RtNetlink.DeleteAddress, 0, RtNetlinkRequests.Address(IndexOf(link, command), address));
    }

    public void ReplaceRoute(KernelRoute route)
    {
        var command = IpSpelling.ReplaceRoute(route);
        Change(command, RtNetlink.NewRoute, RtNetlink.Create | RtNetlink.Replace, RtNetlinkRequests.Route(route, OutputIndex(route, command), delete: false));
    }

    public void DeleteRoute(KernelRoute route)
    {
        var command = IpSpelling.DeleteRoute(route);
        Change(command, RtNetlink.DeleteRoute, 0, RtNetlinkRequests.Route(route, OutputIndex(route, command), delete: true));
    }

    private int? OutputIndex(KernelRoute route, string[] command) => route.Device is { } device ? IndexOf(device, command) : null;

    /// <summary>The link's index, asked by name; a missing link fails as <c>ip</c> fails.</summary>
    private int IndexOf(string name, string[] command)
    {
        try
        {
            var reply = socket.Ask(RtNetlink.GetLink, 0, RtNetlinkRequests.LinkByName(name));
            return reply.Count > 0 ? RtNetlinkMessages.Link(reply[0]).Index
                : throw new NetworkChangeException(command, $"Cannot find device \"{name}\"", NetlinkRefusal.NoDevice);
        }
        catch (NetlinkRefusal refusal) when (refusal.Errno == NetlinkRefusal.NoDevice)
        {
            throw new NetworkChangeException(command, $"Cannot find device \"{name}\"", refusal.Errno);
        }
        catch (NetlinkRefusal refusal)
        {
            throw Refused(command, refusal);
        }
    }

    private void Change(string[] command, ushort type, ushort flags, byte[] payload)
    {
        try
        {
            _ = socket.Ask(type, flags, payload);
        }
        catch (NetlinkRefusal refusal)
        {
            throw Refused(command, refusal);
        }
    }

    private static NetworkChangeException Refused(string[] command, NetlinkRefusal refusal) =>
        new(command, refusal.AsIpWouldSay() + refusal.Errno switch
        {
            NetlinkRefusal.NotPermitted => " (changing links, addresses and routes needs root: run with sudo)",
            _ => "",
        }, refusal.Errno);
}

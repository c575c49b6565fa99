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

    /// <summary>
    /// Deletes the links in one request, so the kernel waits once for all of them (deleting a link
    /// waits for the kernel's readers to let go of it: about 20–35 ms each on the test machine). The
    /// links are first put in a group no link of the namespace has (<c>ip link set dev N group G</c>),
    /// then the group is deleted (<c>ip link delete group G</c>). Where the kernel cannot delete a group
    /// (a link without rtnetlink operations, such as <c>lo</c>: EOPNOTSUPP, before any is deleted),
    /// each goes on its own; on any other refusal (of a group set, or of the delete) the links get
    /// their groups back and the refusal is reported.
    /// </summary>
    public void DeleteLinks(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 1)
        {
            DeleteLink(names[0]);
            return;
        }

        var links = new List<NetlinkLink>(names.Count);
        foreach (var name in names)
        {
            links.Add(Find(name, IpSpelling.DeleteLink(name)));
        }

        var group = UnusedGroup();
        try
        {
            foreach (var link in links)
            {
                Change(IpSpelling.SetGroup(link.Name, group), RtNetlink.NewLink, 0, RtNetlinkRequests.LinkGroup(link.Index, group));
            }

            Change(IpSpelling.DeleteGroup(group), RtNetlink.DeleteLink, 0, RtNetlinkRequests.Group(group));
        }
        catch (NetworkChangeException refused)
        {
            PutBackGroups(links);
            if (refused.Errno != NetlinkRefusal.NotSupported)
            {
                throw;
            }

            foreach (var link in links)
            {
                DeleteLink(link.Name);
            }
        }
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

    // Best effort: the refusal being reported matters more than a group left on a link that stays.
    private void PutBackGroups(List<NetlinkLink> links)
    {
        foreach (var link in links)
        {
            try
            {
                _ = socket.Ask(RtNetlink.NewLink, 0, RtNetlinkRequests.LinkGroup(link.Index, link.Group));
            }
            catch (NetlinkRefusal)
            {
            }
        }
    }

    /// <summary>A group number (1 and up; 0 is every link's default) that no link of the namespace has.</summary>
    private uint UnusedGroup()
    {
        var taken = new HashSet<uint>();
        foreach (var link in socket.DumpAll(RtNetlink.GetLink, RtNetlinkMessages.LinkRequest(), RtNetlinkMessages.Link))
        {
            taken.Add(link.Group);
        }

        uint group;
        do
        {
            group = (uint)Random.Shared.Next(1 << 16, int.MaxValue);
        }
        while (taken.Contains(group));
        return group;
    }

    /// <summary>The link's index, asked by name; a missing link fails as <c>ip</c> fails.</summary>
    private int IndexOf(string name, string[] command) => Find(name, command).Index;

    /// <summary>The link, asked by name; a missing link fails as <c>ip</c> fails.</summary>
    private NetlinkLink Find(string name, string[] command)
    {
        try
        {
            var reply = socket.Ask(RtNetlink.GetLink, 0, RtNetlinkRequests.LinkByName(name));
            return reply.Count > 0 ? RtNetlinkMessages.Link(reply[0])
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

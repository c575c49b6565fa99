namespace Sixgill.Machine;

/// <summary>
/// How <c>KernelNetwork</c> changes links, addresses and routes: over rtnetlink
/// (<c>NetlinkWriter</c>, no process) or by running <c>ip</c> (<c>IpCommandWriter</c>,
/// where no netlink socket can be had). Both make the same change and fail with the same words.
/// </summary>
internal interface INetworkWriter
{
    void SetLinkUp(string name, bool up);

    void AddBridge(string name);

    void DeleteLink(string name);

    /// <summary>Deletes the links, in one request where the writer can (the kernel then waits once for all).</summary>
    void DeleteLinks(IReadOnlyList<string> names);

    /// <summary>Adds the address, or replaces its flags when it is there already.</summary>
    void ReplaceAddress(string link, InterfaceAddress address, bool withoutDad);

    void DeleteAddress(string link, InterfaceAddress address);

    void ReplaceRoute(KernelRoute route);

    void DeleteRoute(KernelRoute route);
}

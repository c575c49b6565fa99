using Sixgill.Values;

namespace Sixgill.Machine;

/// <summary>
/// How <c>KernelNetwork</c> reads the kernel's links, addresses and routes: over rtnetlink
/// (<c>NetlinkReader</c>, no process) or from <c>ip -j</c> (<c>IpJsonReader</c>, where
/// no netlink socket can be had). Both answer the same questions the same way.
/// </summary>
internal interface INetworkReader
{
    /// <summary>The link and whether it is up, with its addresses; null when it does not exist.</summary>
    (LinkState Link, IReadOnlyList<AddressState> Addresses)? Link(string name);

    /// <summary>Every route of the main table of one family.</summary>
    IReadOnlyList<KernelRoute> MainRoutes(IpFamily family);

    /// <summary>Drops what was read: the network changed (or is being watched, as during DAD).</summary>
    void Forget();
}

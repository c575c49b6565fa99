using Sixgill.Values;

namespace Sixgill.Machine;

/// <summary>
/// Links, addresses and routes of the network namespace Sixgill runs in. Writes are idempotent
/// (iproute2's <c>replace</c>), so applying a step twice is harmless.
/// </summary>
internal interface INetwork
{
    /// <summary>The link by name; null when it does not exist.</summary>
    LinkState? FindLink(string name);

    void SetLinkUp(string name, bool up);

    /// <summary>Creates a bridge with no ports (<c>ip link add NAME type bridge</c>): a link that only holds addresses.</summary>
    void AddBridge(string name);

    /// <summary>Deletes the link, and with it its addresses and the routes through it.</summary>
    void DeleteLink(string name);

    /// <summary>
    /// Deletes several links at once: one request to the kernel, which then waits once for all of
    /// them instead of once for each. Every link must exist.
    /// </summary>
    void DeleteLinks(IReadOnlyList<string> names);

    /// <summary>The addresses on the link, every family and scope.</summary>
    IReadOnlyList<InterfaceAddress> Addresses(string link);

    /// <param name="withoutDad">Skip duplicate address detection (<c>nodad</c>): for links with no neighbours, such as a port-less bridge.</param>
    void AddAddress(string link, InterfaceAddress address, bool withoutDad = false);

    void DeleteAddress(string link, InterfaceAddress address);

    /// <summary>
    /// Waits until the address has passed duplicate address detection (no longer tentative), so the
    /// next step can use it; throws when DAD fails or the time runs out.
    /// </summary>
    void WaitUntilUsable(string link, InterfaceAddress address, TimeSpan timeout);

    /// <summary>The routes of the main table whose destination is exactly <paramref name="destination"/>.</summary>
    IReadOnlyList<KernelRoute> RoutesTo(Prefix destination);

    void ReplaceRoute(KernelRoute route);

    void DeleteRoute(KernelRoute route);
}

/// <summary>A link and whether it is administratively up.</summary>
internal sealed record LinkState(string Name, bool IsUp);

/// <summary>A route of the main table as Sixgill reads and writes it: destination, next hop, device.</summary>
internal sealed record KernelRoute(Prefix Destination, Ip? Via, string? Device)
{
    /// <summary>Whether <paramref name="other"/> is this route: same destination, and the same next hop and device where this one names them.</summary>
    public bool IsSatisfiedBy(KernelRoute other) =>
        other is not null && other.Destination == Destination && (Via is null || other.Via == Via) && (Device is null || other.Device == Device);

    /// <summary>The iproute2 spelling: <c>fd00:10::/64 via fd00:20::2 dev eth0</c>.</summary>
    public override string ToString() =>
        Destination + (Via is { } via ? $" via {via}" : "") + (Device is { } dev ? $" dev {dev}" : "");
}

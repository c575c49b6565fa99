using System.Globalization;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// Each change as the <c>ip</c> command that makes it: what <see cref="IpCommandWriter"/> runs, and
/// how <see cref="NetlinkWriter"/> names a change the kernel refused, so an operator can repeat it by hand.
/// </summary>
internal static class IpSpelling
{
    public static string[] LinkUp(string name, bool up) => ["ip", "link", "set", "dev", name, up ? "up" : "down"];

    public static string[] AddBridge(string name) => ["ip", "link", "add", name, "type", "bridge"];

    public static string[] DeleteLink(string name) => ["ip", "link", "delete", "dev", name];

    public static string[] SetGroup(string name, uint group) => ["ip", "link", "set", "dev", name, "group", group.ToString(CultureInfo.InvariantCulture)];

    public static string[] DeleteGroup(uint group) => ["ip", "link", "delete", "group", group.ToString(CultureInfo.InvariantCulture)];

    public static string[] ReplaceAddress(string link, InterfaceAddress address, bool withoutDad) =>
        ["ip", Family(address.Address), "address", "replace", address.ToString(), "dev", link, .. withoutDad ? ["nodad"] : Array.Empty<string>()];

    public static string[] DeleteAddress(string link, InterfaceAddress address) =>
        ["ip", Family(address.Address), "address", "del", address.ToString(), "dev", link];

    public static string[] ReplaceRoute(KernelRoute route) => ["ip", Family(route.Destination.Network), "route", "replace", .. RouteArguments(route)];

    public static string[] DeleteRoute(KernelRoute route) => ["ip", Family(route.Destination.Network), "route", "del", .. RouteArguments(route)];

    private static string[] RouteArguments(KernelRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var arguments = new List<string> { route.Destination.ToString() };
        if (route.Via is { } via)
        {
            arguments.AddRange(["via", via.ToString()]);
        }

        if (route.Device is { } device)
        {
            arguments.AddRange(["dev", device]);
        }

        return [.. arguments];
    }

    private static string Family(Ip address) => address.IsV6 ? "-6" : "-4";
}

using System.Text.Json;
using Sixgill.Machine;
using Sixgill.Values;

namespace Sixgill.Host.Network;

/// <summary>
/// Reads the JSON iproute2 prints with <c>-j</c>. Pure (text in, records out) so that it is tested
/// against captured output without touching a network namespace.
/// </summary>
internal static class IpJson
{
    /// <summary>The first link of <c>ip -j link show</c>; null for an empty list.</summary>
    public static LinkState? Link(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var link in document.RootElement.EnumerateArray())
        {
            var flags = link.TryGetProperty("flags", out var list) ? list.EnumerateArray().Select(f => f.GetString()) : [];
            return new LinkState(link.GetProperty("ifname").GetString() ?? "", flags.Contains("UP"));
        }

        return null;
    }

    /// <summary>Every <c>addr_info</c> entry of <c>ip -j address show</c>, with its DAD state.</summary>
    public static IReadOnlyList<AddressState> Addresses(string json)
    {
        using var document = JsonDocument.Parse(json);
        var addresses = new List<AddressState>();
        foreach (var link in document.RootElement.EnumerateArray())
        {
            if (!link.TryGetProperty("addr_info", out var infos))
            {
                continue;
            }

            foreach (var info in infos.EnumerateArray())
            {
                if (info.TryGetProperty("local", out var local) && Ip.TryParse(local.GetString(), out var ip) && info.TryGetProperty("prefixlen", out var length))
                {
                    addresses.Add(new AddressState(new InterfaceAddress(ip, length.GetInt32()), IsTrue(info, "tentative"), IsTrue(info, "dadfailed")));
                }
            }
        }

        return addresses;
    }

    /// <summary>The routes of <c>ip -j route show</c> of one family.</summary>
    public static IReadOnlyList<KernelRoute> Routes(string json, IpFamily family)
    {
        using var document = JsonDocument.Parse(json);
        var routes = new List<KernelRoute>();
        foreach (var route in document.RootElement.EnumerateArray())
        {
            var destination = Destination(route.GetProperty("dst").GetString() ?? "", family);
            Ip? via = route.TryGetProperty("gateway", out var gateway) && Ip.TryParse(gateway.GetString(), out var next) ? next : null;
            var device = route.TryGetProperty("dev", out var dev) ? dev.GetString() : null;
            routes.Add(new KernelRoute(destination, via, device));
        }

        return routes;
    }

    // iproute2 prints "default" for /0 and leaves the length off host routes.
    private static Prefix Destination(string text, IpFamily family)
    {
        if (text == "default")
        {
            return new Prefix(new Ip(0, family), 0);
        }

        var address = InterfaceAddress.Parse(text);
        return Prefix.Containing(address.Address, address.Length);
    }

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}

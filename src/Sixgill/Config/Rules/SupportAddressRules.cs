using Sixgill.Config.Binding;
using Sixgill.Values;

namespace Sixgill.Config.Rules;

/// <summary>
/// The DNS64 and NAT64 services' own addresses: inside the support network of their family, distinct,
/// and not network + 1, which the docker runtime gives the network's gateway (and the native runtime
/// keeps free for the same layout).
/// </summary>
internal static class SupportAddressRules
{
    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        var (support, nat64, dns64) = (draft.Gateway.Support, draft.Gateway.Nat64, draft.Gateway.Dns64);
        OnNetwork(nat64?.Address, support?.Cidr, DiagnosticCodes.ServiceAddressOutside, diagnostics);
        OnNetwork(dns64?.Address, support?.Cidr, DiagnosticCodes.ServiceAddressOutside, diagnostics);
        OnNetwork(nat64?.V4Address, support?.V4Cidr, DiagnosticCodes.Nat64V4Outside, diagnostics);

        if (nat64?.Address is { } a && dns64?.Address is { } b && a.Value == b.Value)
        {
            var later = a.Position.CompareTo(b.Position) > 0 ? a : b;
            diagnostics.Error(DiagnosticCodes.ServiceAddressesEqual, later.Position,
                $"nat64.ip and dns64.ip are both {a.Value}; the two services need their own addresses",
                "the Orca example uses fd00:10::200 for NAT64 and fd00:10::100 for DNS64");
        }
    }

    private static void OnNetwork(Located<Ip>? address, Located<Prefix>? network, string outsideCode, List<Diagnostic> diagnostics)
    {
        if (address is not { } ip || network is not { } net)
        {
            return;
        }

        if (!net.Value.Contains(ip.Value))
        {
            diagnostics.Error(outsideCode, ip.Position, $"{ip.Key} {ip.Value} is outside {net.Key} {net.Value}",
                $"pick an address inside {net.Value}{Example(net.Value)}");
        }
        else if (net.Value.HostBits > 0 && ip.Value == net.Value.Address(1))
        {
            diagnostics.Error(DiagnosticCodes.ServiceAddressIsGateway, ip.Position,
                $"{ip.Key} {ip.Value} is {net.Key}'s gateway address (network + 1)",
                $"pick another address inside {net.Value}{Example(net.Value)}");
        }
    }

    /// <summary>
    /// A free-looking address for the hint (network + 0x100 where it fits, else network + 2), or nothing
    /// when the network is too small to hold one besides its gateway.
    /// </summary>
    private static string Example(Prefix network) =>
        network.HostBits < 2 ? "" : $", like {network.Address(network.HostBits > 8 ? 0x100u : 2u)}";
}

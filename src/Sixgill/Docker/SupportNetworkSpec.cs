using Sixgill.Addressing;
using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>
/// The docker network the DNS64 and NAT64 containers live on (docs/gateway.md): IPv6 enabled, the support
/// network and its IPv4 side, each with its gateway at network + 1 (the address the gateway node
/// itself gets on docker's bridge).
/// </summary>
internal sealed record SupportNetworkSpec(string Name, Prefix Ipv6Subnet, Ip Ipv6Gateway, Prefix Ipv4Subnet, Ip Ipv4Gateway)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } =
        new Dictionary<string, string> { [DockerNames.RoleLabel] = DockerNames.SupportNetworkRole };

    public static SupportNetworkSpec For(GatewayServices gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return new SupportNetworkSpec(DockerNames.SupportNetwork, gateway.SupportNetwork, gateway.SupportGateway,
            gateway.SupportV4Network, gateway.SupportV4Gateway);
    }
}

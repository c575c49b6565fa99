using Sixgill.Addressing;

namespace Sixgill.Docker;

/// <summary>
/// The NAT64 container <c>tayga</c> (docs/gateway.md): TAYGA at <c>nat64.v4_ip</c> and <c>nat64.ip</c> on
/// the support network, with what it needs and no more: <c>NET_ADMIN</c> (its tunnel and routes),
/// <c>/dev/net/tun</c>, and forwarding in its own network namespace. Never privileged.
/// </summary>
internal static class Nat64ContainerSpec
{
    public const string TunDevice = "/dev/net/tun";

    /// <param name="image">The configured <c>nat64.image</c>, or Sixgill's.</param>
    public static ContainerSpec For(GatewayServices gateway, string image)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentException.ThrowIfNullOrEmpty(image);
        return new ContainerSpec(
            DockerNames.Nat64Container,
            image,
            DockerNames.SupportNetwork,
            gateway.Nat64Address,
            gateway.Nat64V4Address,
            CapAdd: ["NET_ADMIN"],
            Devices: [new ContainerDevice(TunDevice, TunDevice)],
            Sysctls: new Dictionary<string, string>
            {
                ["net.ipv6.conf.all.forwarding"] = "1",
                ["net.ipv4.ip_forward"] = "1",
                // Docker turns IPv6 off for new links in a container; TAYGA's tunnel is one, and
                // /proc/sys is read-only inside, so only the engine can leave it on.
                ["net.ipv6.conf.default.disable_ipv6"] = "0",
            },
            Environment: new Dictionary<string, string>
            {
                ["TAYGA_IPV4_ADDR"] = gateway.Nat64V4Address.ToString(),
                ["TAYGA_IPV6_ADDR"] = gateway.Nat64Address.ToString(),
                ["TAYGA_PREFIX"] = gateway.Dns64Prefix.ToString(),
                ["TAYGA_DYNAMIC_POOL"] = gateway.Nat64Pool.ToString(),
            },
            Binds: [],
            Labels: new Dictionary<string, string> { [DockerNames.RoleLabel] = DockerNames.Nat64Role });
    }
}

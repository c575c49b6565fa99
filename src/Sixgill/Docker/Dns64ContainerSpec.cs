using Sixgill.Addressing;
using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>
/// The DNS64 container <c>bind9</c> (docs/gateway.md): BIND 9 at <c>dns64.ip</c> on the support network,
/// its named.conf in a directory of the gateway node mounted read-only. Its IPv4 address is removed
/// and the DNS64 prefix routed via <c>nat64.ip</c> by the image's entrypoint at every start, so it
/// forwards to <c>remote_server</c> embedded in the prefix, through NAT64.
/// </summary>
internal static class Dns64ContainerSpec
{
    /// <summary>Where the gateway node keeps the container's named.conf (written by prepare, removed by clean).</summary>
    public const string HostConfigDirectory = "/etc/sixgill/dns64";

    /// <summary>Where the image's entrypoint looks for named.conf.</summary>
    public const string ConfigDirectory = "/etc/bind/sixgill";

    public const string ConfigFileName = "named.conf";

    /// <summary>BIND's working directory in the image: the Debian package makes it writable for user <c>bind</c>.</summary>
    public const string WorkingDirectory = "/var/cache/bind";

    /// <param name="image">The configured <c>dns64.image</c>, or Sixgill's.</param>
    /// <param name="hostConfigDirectory">Where named.conf is on the gateway node.</param>
    public static ContainerSpec For(GatewayServices gateway, string image, string hostConfigDirectory = HostConfigDirectory)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentException.ThrowIfNullOrEmpty(image);
        return new ContainerSpec(
            DockerNames.Dns64Container,
            image,
            DockerNames.SupportNetwork,
            gateway.Dns64Address,
            Ipv4Address(gateway),
            // The entrypoint's `ip` commands need it; named itself drops it when it becomes user bind.
            CapAdd: ["NET_ADMIN"],
            Devices: [],
            Sysctls: new Dictionary<string, string>(),
            Environment: new Dictionary<string, string>
            {
                ["SIXGILL_DROP_IPV4"] = "yes",
                ["DNS64_PREFIX"] = gateway.Dns64Prefix.ToString(),
                ["NAT64_ADDRESS"] = gateway.Nat64Address.ToString(),
            },
            Binds: [new ContainerBind(hostConfigDirectory, ConfigDirectory)],
            Labels: new Dictionary<string, string> { [DockerNames.RoleLabel] = DockerNames.Dns64Role });
    }

    /// <summary>
    /// The IPv4 address docker must give the container before the entrypoint removes it (docker
    /// has no IPv6-only endpoint on a dual network). Chosen here, not by docker's allocator, which
    /// would hand out <c>nat64.v4_ip</c> or a pool address if the DNS64 container came first: the
    /// lowest host address that is neither the gateway, nor <c>v4_ip</c>, nor in the pool.
    /// </summary>
    public static Ip Ipv4Address(GatewayServices gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var network = gateway.SupportV4Network;
        var last = network.Last;
        for (var candidate = network.Network.Add(1); candidate.Value < last.Value; candidate = candidate.Add(1))
        {
            if (candidate != gateway.SupportV4Gateway && candidate != gateway.Nat64V4Address && !gateway.Nat64Pool.Contains(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{network} has no address left for the DNS64 container besides its gateway, {gateway.Nat64V4Address} and the pool {gateway.Nat64Pool}");
    }
}

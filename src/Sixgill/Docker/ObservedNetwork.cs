using Sixgill.Values;

namespace Sixgill.Docker;

/// <summary>One subnet of a docker network and its gateway (which the engine may leave unset).</summary>
internal sealed record ObservedSubnet(Prefix Subnet, Ip? Gateway);

/// <summary>What the engine says about an existing network: what <see cref="NetworkDrift"/> compares.</summary>
/// <param name="Containers">Names of the containers attached to it now.</param>
internal sealed record ObservedNetwork(
    string Id,
    string Name,
    string Driver,
    bool EnableIpv6,
    IReadOnlyList<ObservedSubnet> Subnets,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Containers);

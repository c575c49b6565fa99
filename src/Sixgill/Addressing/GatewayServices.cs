using Sixgill.Config;
using Sixgill.Values;

namespace Sixgill.Addressing;

/// <summary>
/// What the gateway node (the one with <c>dns64 nat64</c>, ipv6 mode) runs for everyone else, with
/// every address it needs already computed.
/// </summary>
/// <param name="RemoteServerSynthesized">
/// <c>remote_server</c> embedded in the DNS64 prefix when it is IPv4: the docker runtime's DNS64
/// container has no IPv4 address, so it forwards there and NAT64 carries the query out (§6.2).
/// </param>
/// <param name="SupportGateway">support network + 1: the docker network's gateway (§4.1).</param>
internal sealed record GatewayServices(
    string NodeName,
    ServiceRuntime Runtime,
    Ip Dns64Address,
    Prefix Dns64Prefix,
    Ip RemoteServer,
    Ip? RemoteServerSynthesized,
    Ip Nat64Address,
    Ip Nat64V4Address,
    Prefix Nat64Pool,
    Prefix SupportNetwork,
    Prefix SupportV4Network,
    Ip SupportGateway,
    Ip SupportV4Gateway)
{
    /// <summary>TAYGA's tun device (native runtime, §6.1); routes to the NAT64 service point at it.</summary>
    public const string Nat64Tunnel = "nat64";

    /// <summary>The port-less bridge that holds <c>dns64.ip</c> (native runtime, §6.1).</summary>
    public const string SupportBridge = "sixgill0";
}
